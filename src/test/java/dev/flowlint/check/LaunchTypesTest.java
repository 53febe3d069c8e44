package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data action launching a flow sends each flow input what its contract input renders as: the
 * contract's type, or a string inside quotes. The fixture's template, with one value changed.
 */
class LaunchTypesTest {
  private static final String PRIORITY = "\\\"Flow.priority\\\": ${input.priority}";

  @TempDir java.nio.file.Path tmp;
  private String schemas;
  private String fixture;

  @BeforeEach
  void setUp() throws Exception {
    schemas = tmp.resolve("schemas").toString();
    assertEquals(0, CliRunner.run("import", "fixtures/flows", "--out", schemas, "-q").code());
    fixture = Files.readString(DataActionRuns.LAUNCH_FIXTURE);
    assertTrue(fixture.contains(PRIORITY), "the fixture sends priority whole");
  }

  private List<String> withPriority(String written) throws Exception {
    return DataActionRuns.rules(tmp, fixture.replace(PRIORITY, written), schemas);
  }

  @Test
  void anIntegerContractInputIntoAnIntegerFlowInputIsFine() throws Exception {
    assertEquals(
        List.of(
            "field-type",
            "unknown-input",
            "unknown-input",
            "template-unescaped-input",
            "template-unused-input"),
        DataActionRuns.rules(tmp, fixture, schemas));
  }

  @Test
  void anIntegerContractInputIntoAStringFlowInputIsAnError() throws Exception {
    List<String> rules = withPriority("\\\"Flow.customer_id\\\": ${input.priority}");
    assertTrue(rules.contains("input-type"), rules.toString());
    String out = run(fixture.replace(PRIORITY, "\\\"Flow.customer_id\\\": ${input.priority}"));
    assertTrue(
        out.contains(
            "error[input-type] in the request template: Flow.customer_id is an Architect String,"
                + " but ${input.priority} sends the contract's integer input \"priority\": it"
                + " takes a string"),
        out);
  }

  @Test
  void aStringContractInputInQuotesIntoAnIntegerIsAWarning() throws Exception {
    String out =
        run(
            fixture.replace(
                PRIORITY, "\\\"Flow.priority\\\": \\\"$esc.jsonString(${input.note})\\\""));
    assertTrue(
        out.contains(
            "warning[input-type] in the request template: Flow.priority is an Architect Integer,"
                + " but \"$esc.jsonString(${input.note})\" sends the contract's string input"
                + " \"note\" as a string: Genesys converts it only when the text holds an integer"),
        out);
  }

  /** A nullable contract type is the type of its values, whichever order the array lists. */
  @Test
  void aNullableIntegerContractInputIsAnInteger() throws Exception {
    for (String types : new String[] {"[\"null\", \"integer\"]", "[\"integer\", \"null\"]"}) {
      String nullable =
          fixture.replace(
              "\"priority\": {\"type\": \"integer\"}", "\"priority\": {\"type\": " + types + "}");
      assertTrue(nullable.contains(types), "the contract was changed");
      String out = run(nullable);
      assertTrue(!out.contains("input-type"), types + ": " + out);
      String intoString =
          run(nullable.replace(PRIORITY, "\\\"Flow.customer_id\\\": ${input.priority}"));
      assertTrue(
          intoString.contains("sends the contract's integer input"), types + ": " + intoString);
    }
  }

  @Test
  void anIntegerContractInputInQuotesIntoAStringIsFine() throws Exception {
    String out =
        run(fixture.replace(PRIORITY, "\\\"Flow.customer_id\\\": \\\"${input.priority}\\\""));
    assertTrue(!out.contains("input-type"), out);
  }

  private String run(String export) throws Exception {
    java.nio.file.Path file = Files.createTempFile(tmp, "action", ".custom.json");
    Files.writeString(file, export);
    return CliRunner.run("check", file.toString(), "--schemas", schemas).out();
  }
}
