package dev.flowlint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names in flowlint.yaml are text as written: a payload mapped to the flow {@code 1.10}, or a
 * template placeholder whose callee is {@code 1e3}, names that flow, not the number YAML makes of
 * it.
 */
class ConfigScalarTextTest {
  @TempDir Path tmp;

  @Test
  void flowNamesTemplateValuesAndListsKeepTheirText() throws Exception {
    Path file = tmp.resolve("flowlint.yaml");
    Files.writeString(
        file,
        """
        payloads:
          - files: "a/*.json"
            flow: 1.10
          - files: "b/*.json"
            flow: 10.00
        templates:
          module: 1e3
          other: 007
        flows:
          "1.10":
            required: [1.50]
            inputs:
              Flow.n: {maximum: 1.50}
        rules:
          duplicate-key: false
        """);
    Config c = ConfigReader.read(file, "flowlint.yaml");
    assertEquals(
        List.of(Optional.of("1.10"), Optional.of("10.00")),
        c.payloads().stream().map(Config.PayloadMapping::flow).toList());
    assertEquals(Map.of("module", "1e3", "other", "007"), c.templates());
    assertEquals(List.of("1.50"), List.copyOf(c.flows().get("1.10").required()));
    // Constraints and severities keep their YAML types: a number, and false for off.
    assertEquals(Optional.empty(), c.rules().get("duplicate-key"));
    assertEquals(
        1.5, c.flows().get("1.10").inputs().get("Flow.n").path("maximum").asDouble(-1), 0.0);
  }
}
