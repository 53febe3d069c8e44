package dev.flowlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowlint.TestFiles;
import dev.flowlint.model.Definition;
import dev.flowlint.source.FlowSources;
import java.nio.file.Path;
import java.util.List;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.Test;

/** Generated schemas, pinned: what a reviewer reads in a pull request after an import. */
class SchemaApprovalTest {
  private final FlowSources sources = new FlowSources();
  private final SchemaWriter writer = new SchemaWriter(RequiredPolicy.NO_DEFAULT);

  private String schemas(String fixture) throws Exception {
    Path file = TestFiles.fixtures().resolve("flows").resolve(fixture);
    List<Definition> flows = sources.read(file, "fixtures/flows/" + fixture);
    StringBuilder out = new StringBuilder();
    for (Definition flow : flows) {
      out.append(writer.write(flow));
    }
    return out.toString();
  }

  private static void verify(String text) {
    Approvals.verify(
        text, new Options().withReporter(new QuietReporter()).forFile().withExtension(".json"));
  }

  @Test
  void workflowWithIntegerDescriptionAndLiteralDefault() throws Exception {
    verify(schemas("WFM-HR-FLOW-AddTimeOffRequest-VT_v4-0.yaml"));
  }

  @Test
  void workflowWithCollection() throws Exception {
    verify(schemas("WFM-HR-GetEmployeeBalances_v2-0.yaml"));
  }

  @Test
  void commonModule() throws Exception {
    verify(schemas("2445093_Lang-COMMONMODULE.yaml"));
  }

  @Test
  void templatedYamlNamedAfterItsFile() throws Exception {
    verify(schemas("Callback-Prioritization-Workflow.yaml"));
  }

  @Test
  void botFlowWithDateAndTimeSlots() throws Exception {
    verify(schemas("SchedulingBot.yaml"));
  }

  @Test
  void architectExport() throws Exception {
    verify(schemas("Callback-Prioritization.i3WorkFlow"));
  }

  @Test
  void architectExportOfACommonModule() throws Exception {
    verify(schemas("ResolveContact.i3CommonModuleFlow"));
  }

  @Test
  void apiListingPage() throws Exception {
    verify(schemas("api/divisionviews-page.json"));
  }

  @Test
  void platformShapedFlowVersionKeepsItsOwnPropertySchemas() throws Exception {
    verify(schemas("api/flow-version-inputschema.json"));
  }

  @Test
  void launchSchemaOfAWorkflow() throws Exception {
    List<Definition> flows =
        sources.read(
            TestFiles.fixtures().resolve("flows/api/divisionviews-page.json"),
            "fixtures/flows/api/divisionviews-page.json");
    StringBuilder out = new StringBuilder();
    for (Definition d : flows) {
      LaunchSchemas.of(writer.schema(d), FileNames.fileFor(d.name()))
          .ifPresent(l -> out.append(dev.flowlint.io.CanonicalJson.write(l)));
    }
    verify(out.toString());
  }

  @Test
  void sameDefinitionGivesByteIdenticalSchema() throws Exception {
    assertEquals(schemas("SchedulingBot.yaml"), schemas("SchedulingBot.yaml"));
  }
}
