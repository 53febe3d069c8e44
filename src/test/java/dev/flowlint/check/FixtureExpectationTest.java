package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.model.FileReport;
import dev.flowlint.model.Rule;
import dev.flowlint.schema.SchemaStore;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every payload fixture reports exactly what its sibling .expect file states. */
class FixtureExpectationTest {
  @TempDir static Path schemas;

  @TestFactory
  Stream<DynamicTest> everyFixtureBehavesAsItStates() throws Exception {
    SchemaStore store = FixtureSupport.importFixtures(schemas.resolve("s"));
    CheckRun run = FixtureSupport.run(store);
    List<DynamicTest> tests = new ArrayList<>();
    for (String payload : FixtureSupport.payloads()) {
      tests.add(
          DynamicTest.dynamicTest(
              payload,
              () -> {
                Path expectFile = Path.of(payload + ".expect");
                assertTrue(
                    Files.exists(expectFile),
                    payload + " states its expectations in " + expectFile);
                List<String> expected =
                    Files.readAllLines(expectFile).stream()
                        .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.equals("clean"))
                        .toList();
                FileReport report =
                    run.run(List.of(payload), new ByteArrayInputStream(new byte[0])).get(0);
                List<String> actual =
                    report.diagnostics().stream()
                        .map(d -> d.rule().id() + " " + d.span().line() + ":" + d.span().column())
                        .toList();
                assertEquals(expected, actual, payload);
              }));
    }
    return tests.stream();
  }

  @Test
  void everyRuleHasAFailingAndAPassingFixture() throws Exception {
    List<String> payloads = FixtureSupport.payloads();
    Set<String> failing = new java.util.TreeSet<>();
    for (String p : payloads) {
      for (String line : Files.readAllLines(Path.of(p + ".expect"))) {
        if (!line.startsWith("#") && line.contains(" ")) {
          failing.add(line.substring(0, line.indexOf(' ')));
        }
      }
    }
    Set<String> rules =
        Stream.of(Rule.values())
            .map(Rule::id)
            .filter(id -> !id.equals("unreadable-file"))
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    assertEquals(rules, failing, "a failing fixture for every rule");
    assertTrue(
        payloads.stream().filter(p -> p.contains(".pass.")).count() >= 5,
        "passing fixtures for each envelope and template kind");
  }
}
