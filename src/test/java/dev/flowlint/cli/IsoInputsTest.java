package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time, Date and DateTime inputs of a flow imported from Archy YAML take only real clock times and
 * calendar days, not merely text of the right shape: a Time has no JSON Schema format to lean on,
 * so its pattern must bound the hours, minutes and seconds itself.
 */
class IsoInputsTest {
  @TempDir Path tmp;
  private Path schemas;

  @BeforeEach
  void importTheFlow() throws Exception {
    Path flow = tmp.resolve("times.yaml");
    Files.writeString(
        flow,
        String.join(
            "\n",
            "workflow:",
            "  name: Times",
            "  division: Home",
            "  defaultLanguage: en-us",
            "  variables:",
            variable("timeVariable", "Flow.at"),
            variable("dateVariable", "Flow.day"),
            variable("dateTimeVariable", "Flow.when"),
            ""));
    schemas = tmp.resolve("schemas");
    Result imported = CliRunner.run("import", flow.toString(), "--out", schemas.toString());
    assertEquals(0, imported.code(), imported.out() + imported.err());
  }

  private static String variable(String kind, String name) {
    return String.join(
        "\n",
        "    - " + kind + ":",
        "        name: " + name,
        "        initialValue:",
        "          noValue: true",
        "        isInput: true",
        "        isOutput: false");
  }

  private Result check(String at, String day, String when) {
    String payload =
        "{\"Flow.at\": \""
            + at
            + "\", \"Flow.day\": \""
            + day
            + "\", \"Flow.when\": \""
            + when
            + "\"}";
    return CliRunner.withStdin(
        payload,
        "check",
        "-",
        "--flow",
        "Times",
        "--envelope",
        "inputs",
        "--schemas",
        schemas.toString());
  }

  @Test
  void realTimesDaysAndInstantsAreClean() {
    for (String at : new String[] {"00:00", "23:59", "09:00:00", "23:59:59", "12:30:15.250"}) {
      Result r = check(at, "2024-02-29", "2024-05-01T23:59:59.5+14:00");
      assertEquals(0, r.code(), at + ": " + r.out() + r.err());
    }
  }

  @Test
  void aTimeOutsideTheClockIsReported() {
    for (String at : new String[] {"25:61", "24:00", "12:60", "12:00:60", "99:99:99.9", "7:05"}) {
      Result r = check(at, "2024-05-01", "2024-05-01T13:30:00Z");
      assertEquals(1, r.code(), at + ": " + r.out() + r.err());
      assertTrue(r.out().contains("Flow.at expects an ISO-8601 time"), at + ": " + r.out());
    }
  }

  @Test
  void aDayOrInstantOutsideTheCalendarIsReported() {
    Result r = check("13:30", "2024-13-45", "2024-01-01T25:61:00Z");
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Flow.day expects an ISO-8601 date "), r.out());
    assertTrue(r.out().contains("Flow.when expects an ISO-8601 date-time "), r.out());
    assertTrue(check("13:30", "2023-02-29", "2024-05-01T13:30:00Z").out().contains("Flow.day"));
  }
}
