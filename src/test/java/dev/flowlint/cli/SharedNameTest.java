package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A common module and a workflow both named "Dup": a name alone never silently picks one. */
class SharedNameTest {
  static final String MODULE =
      """
      commonModule:
        name: Dup
        variables:
          - integerVariable:
              name: Common.count
              initialValue:
                noValue: true
              isInput: true
              isOutput: false
        settingsCommonModule:
          compatibleFlowTypes:
            - flowType: inboundcall
      """;

  @TempDir Path tmp;
  private Path defs;
  private String out;

  @BeforeEach
  void importBoth() throws IOException {
    defs = tmp.resolve("defs");
    Files.createDirectories(defs);
    Files.writeString(defs.resolve("dup-mod.yaml"), MODULE);
    Files.writeString(
        defs.resolve("dup-wf.yaml"), ImportCommandTest.flow("Dup", "Flow.x", "stringVariable"));
    out = tmp.resolve("s").toString();
    Result r = CliRunner.run("import", defs.toString(), "--out", out);
    assertEquals(0, r.code(), r.err());
  }

  private Result check(String payload, String... more) throws IOException {
    Path p = tmp.resolve("p.json");
    Files.writeString(p, payload);
    String[] args = new String[4 + more.length];
    args[0] = "check";
    args[1] = p.toString();
    args[2] = "--schemas";
    args[3] = out;
    System.arraycopy(more, 0, args, 4, more.length);
    return CliRunner.run(args);
  }

  @Test
  void aNameOfSeveralTypesIsAUsageErrorUnlessTheEnvelopeDecides() throws IOException {
    Result inputs = check("{\"Flow.x\": \"a\"}\n", "--flow", "Dup", "--envelope", "inputs");
    assertEquals(2, inputs.code(), inputs.out() + inputs.err());
    assertTrue(inputs.err().contains("commonmodule (dup-commonmodule.schema.json)"), inputs.err());
    assertTrue(inputs.err().contains("workflow (dup-workflow.schema.json)"), inputs.err());
    assertTrue(inputs.err().contains("--flow dup-commonmodule.schema.json"), inputs.err());

    Result launch = check("{\"inputData\": {\"Flow.x\": \"a\"}}\n", "--flow", "Dup");
    // A launch body is for the workflow (its only finding: a YAML flow has no id to send).
    assertEquals(1, launch.code(), launch.out() + launch.err());
    assertTrue(launch.out().contains("1 error"), launch.out());
    assertTrue(launch.out().contains("has no flowId"), launch.out());
    Result shared =
        check("{\"flowType\": \"shared\", \"inputs\": {\"count\": 1}}\n", "--flow", "Dup");
    assertEquals(0, shared.code(), shared.out() + shared.err());
    Result byFile =
        check(
            "{\"Flow.x\": \"a\"}\n", "--flow", "dup-workflow.schema.json", "--envelope", "inputs");
    assertEquals(0, byFile.code(), byFile.out() + byFile.err());
  }

  @Test
  void skeletonOfASharedNameAsksWhich() {
    Result r = CliRunner.run("skeleton", "--flow", "Dup", "--schemas", out);
    assertEquals(2, r.code(), r.out());
    assertTrue(r.err().contains("several types"), r.err());
    Result module =
        CliRunner.run("skeleton", "--flow", "Dup", "--envelope", "shared-flow", "--schemas", out);
    assertEquals(0, module.code(), module.err());
    assertTrue(module.out().contains("\"count\""), module.out());
    Result workflow =
        CliRunner.run("skeleton", "--flow", "dup-workflow.schema.json", "--schemas", out);
    assertEquals(0, workflow.code(), workflow.err());
    assertTrue(workflow.out().contains("Flow.x"), workflow.out());
  }

  @Test
  void aCallSiteFindsTheCommonModuleOfTheName() throws IOException {
    Path caller = tmp.resolve("caller.yaml");
    Files.writeString(
        caller,
        """
        inboundCall:
          name: C
          tasks:
            - task:
                name: Main
                refId: Main_10
                actions:
                  - callCommonModule:
                      name: Call it
                      commonModule:
                        Dup:
                          ver_latestPublished:
                            inputs:
                              Common.bogus:
                                lit: 5
        """);
    Result r = CliRunner.run("check", caller.toString(), "--schemas", out);
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("call-unknown-input"), r.out());
  }

  @Test
  void importCheckComparesEachFlowWithItsOwnType() throws IOException {
    Files.writeString(
        defs.resolve("dup-wf.yaml"), ImportCommandTest.flow("Dup", "Flow.y", "stringVariable"));
    Result r = CliRunner.run("import", "--check", defs.toString(), "--out", out);
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("input Flow.x removed"), r.out());
    assertFalse(r.out().contains("Common.count"), r.out());
  }
}
