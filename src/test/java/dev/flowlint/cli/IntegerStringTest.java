package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Integer input given as a string of digits is judged as the number Genesys converts it to: in
 * range, a warning whose fix writes the number; out of the input's bounds, the number's own error
 * and no fix, so --fix never turns a warning into an error.
 */
class IntegerStringTest {
  private static final String ORDER = "6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11";
  private static final String SHIFT = "3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a";
  @TempDir Path tmp;
  private Path schemas;

  @BeforeEach
  void copySchemas() throws IOException {
    schemas = tmp.resolve("schemas");
    Files.createDirectories(schemas);
    try (Stream<Path> files = Files.list(Path.of("schemas"))) {
      for (Path f : files.toList()) {
        Files.copy(f, schemas.resolve(f.getFileName()));
      }
    }
  }

  private static String order(String priority) {
    return "{\"flowId\": \""
        + ORDER
        + "\", \"inputData\": {\"Flow.customer_id\": \"C\", \"Flow.priority\": "
        + priority
        + "}}";
  }

  private Result check(String payload, String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "check";
    args[1] = "-";
    args[2] = "--schemas";
    args[3] = schemas.toString();
    System.arraycopy(more, 0, args, 4, more.length);
    return CliRunner.withStdin(payload, args);
  }

  /** What --fix writes for {@code payload} passes a second check with no error. */
  private void assertFixLeavesNoError(String payload) {
    Result fixed = check(payload, "--fix");
    Result again = check(fixed.out());
    assertEquals(0, again.code(), fixed.out() + "\n" + again.out());
  }

  @Test
  void beyondTheImportedRangeIsTheNumbersErrorWithNoFix() {
    String payload = order("\"9999999999999999\"");
    Result r = check(payload);
    assertEquals(1, r.code(), r.out());
    assertTrue(
        r.out()
            .contains(
                "<stdin>:1:108: error[input-constraint] Flow.priority must be at most 999999999999999,"
                    + " got the string \"9999999999999999\""),
        r.out());
    assertTrue(r.out().contains("help: Genesys integers lie within ±999,999,999,999,999"), r.out());
    assertFalse(r.out().contains("fix:"), r.out());
    assertFalse(r.out().contains("warning["), r.out());
    assertEquals(payload, check(payload, "--fix").out(), "nothing to fix");
  }

  @Test
  void inRangeStaysAWarningWhoseFixPasses() {
    String payload = order("\"-999999999999999\"");
    Result r = check(payload);
    assertEquals(0, r.code(), r.out());
    assertTrue(
        r.out().contains("warning[input-type] Flow.priority is an Integer given as the string"),
        r.out());
    assertTrue(r.out().contains("fix: write the number -999999999999999 without quotes"), r.out());
    assertFixLeavesNoError(payload);
  }

  @Test
  void aBoundAddedToTheSchemaAppliesToTheDigitString() throws IOException {
    Path file = schemas.resolve("order-lookup.schema.json");
    Files.writeString(
        file, Files.readString(file).replace("\"maximum\": 999999999999999", "\"maximum\": 5"));
    String payload = order("\"9\"");
    Result r = check(payload);
    assertEquals(1, r.code(), r.out());
    assertTrue(
        r.out()
            .contains(
                "error[input-constraint] Flow.priority must be at most 5, got the string \"9\""),
        r.out());
    assertFalse(r.out().contains("fix:"), r.out());
    assertFixLeavesNoError(order("\"5\""));
  }

  @Test
  void withoutBoundsInTheSchemaTheArchitectRangeStillHolds() throws IOException {
    Path file = schemas.resolve("order-lookup.schema.json");
    Files.writeString(
        file,
        Files.readString(file)
            .replace("\"maximum\": 999999999999999,", "")
            .replace("\"minimum\": -999999999999999,", ""));
    Result r = check(order("\"9999999999999999\""));
    assertEquals(1, r.code(), r.out());
    assertTrue(
        r.out()
            .contains(
                "error[input-type] Flow.priority is an Integer, and \"9999999999999999\" is beyond"
                    + " its range of ±999,999,999,999,999"),
        r.out());
    assertFalse(r.out().contains("fix:"), r.out());
  }

  @Test
  void noFixWhenTheNumbersTogetherBreakARuleOfTheCollection() throws IOException {
    Path file = schemas.resolve("order-lookup.schema.json");
    Files.writeString(
        file,
        Files.readString(file)
            .replace(
                "\"Flow.priority\": {",
                "\"Flow.ids\": {\"type\": \"array\", \"uniqueItems\": true,"
                    + " \"x-genesys-type\": \"IntegerCollection\", \"items\": {\"type\":"
                    + " [\"integer\", \"string\"]}}, \"Flow.priority\": {"));
    String payload =
        "{\"flowId\": \""
            + ORDER
            + "\", \"inputData\": {\"Flow.customer_id\": \"C\", \"Flow.ids\": [\"1\", 1, \"2\"]}}";
    Result r = check(payload);
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("warning[input-type] Flow.ids[0] is an Integer given"), r.out());
    assertFalse(r.out().contains("fix:"), r.out());
  }

  @Test
  void aPulledSchemaWithOneOfBranchesJudgesTheNumberToo() {
    String payload =
        "{\"flowId\": \"" + SHIFT + "\", \"inputData\": {\"Flow.shiftMinutes\": \"%s\"}}";
    Result r = check(String.format(payload, "9999999999999999"));
    assertEquals(1, r.code(), r.out());
    assertTrue(
        r.out().contains("error[input-constraint] Flow.shiftMinutes must be at most"), r.out());
    assertFalse(r.out().contains("fix:"), r.out());
    assertFixLeavesNoError(String.format(payload, "480"));
  }

  private static String shift(String minutes) {
    return "{\"flowId\": \""
        + SHIFT
        + "\", \"inputData\": {\"Flow.agentId\": \"a\", \"Flow.shiftMinutes\": "
        + minutes
        + "}}";
  }

  /** The platform's archInteger takes any 1-16 character string; Genesys converts only integers. */
  @Test
  void aStringHoldingNoIntegerIsAnErrorInAPulledSchemaToo() {
    for (String value : new String[] {"\"abc\"", "\"12.5\"", "\"007\"", "\"1e3\"", "\" 12\""}) {
      Result r = check(shift(value));
      assertEquals(1, r.code(), value + ": " + r.out());
      assertTrue(
          r.out()
              .contains("error[input-type] Flow.shiftMinutes expects an integer, got the string"),
          value + ": " + r.out());
    }
  }

  /** Whatever the string, the pulled (oneOf) schema and the imported one give the same verdict. */
  @Test
  void pulledAndImportedIntegerSchemasAgreeOnEveryString() {
    dev.flowlint.Properties.forAll(
        "pulled and imported Integer schemas agree",
        150,
        r -> {
          StringBuilder v = new StringBuilder();
          for (int n = 1 + r.nextInt(16); n > 0; n--) {
            v.append("0123456789-. eEa+x".charAt(r.nextInt(18)));
          }
          return dev.flowlint.payload.Quoting.quote(v.toString());
        },
        value -> assertEquals(verdicts(check(order(value))), verdicts(check(shift(value))), value));
  }

  /** The severity and rule of each finding, without where or what it names. */
  private static java.util.List<String> verdicts(Result r) {
    java.util.List<String> out = new java.util.ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?m)^<stdin>:\\d+:\\d+: (\\w+\\[[a-z-]+\\])")
            .matcher(r.out());
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
