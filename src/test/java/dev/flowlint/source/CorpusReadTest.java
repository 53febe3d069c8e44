package dev.flowlint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.TestFiles;
import dev.flowlint.model.FlowDefinition;
import dev.flowlint.model.Variable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every real flow file in the shared corpus reads, and its inputs are exactly those that
 * MANIFEST.md lists for it (an independent count made when the corpus was collected).
 */
class CorpusReadTest {
  private static final List<String> DIRS = List.of("archy-yaml", "architect-export");

  @TestFactory
  Stream<DynamicTest> everyCorpusFlowHasTheManifestsInputs() throws IOException {
    Path corpus = TestFiles.corpus().orElseThrow();
    Map<String, TreeSet<String>> expected = manifestInputs(corpus.resolve("MANIFEST.md"));
    FlowSources sources = new FlowSources();
    List<DynamicTest> tests = new ArrayList<>();
    for (String dir : DIRS) {
      try (Stream<Path> files = Files.list(corpus.resolve(dir))) {
        for (Path file : files.sorted().toList()) {
          String key = dir + "/" + file.getFileName();
          tests.add(
              DynamicTest.dynamicTest(
                  key,
                  () -> {
                    assertTrue(expected.containsKey(key), "MANIFEST.md lists " + key);
                    List<dev.flowlint.model.Definition> flows = sources.read(file, key);
                    assertEquals(1, flows.size(), "one flow per file");
                    TreeSet<String> found =
                        ((FlowDefinition) flows.get(0))
                            .inputs().stream()
                                .map(Variable::name)
                                .collect(Collectors.toCollection(TreeSet::new));
                    assertEquals(expected.get(key), found, key);
                  }));
        }
      }
    }
    assertEquals(
        expected.size(), tests.size(), "every manifest row has a file and every file a row");
    return tests.stream();
  }

  @Test
  void manifestParsingFindsTheKnownInputsOfOneRow() throws IOException {
    Path corpus = TestFiles.corpus().orElseThrow();
    Map<String, TreeSet<String>> expected = manifestInputs(corpus.resolve("MANIFEST.md"));
    assertEquals(
        new TreeSet<>(List.of("Flow.dates", "Flow.employeeId", "Flow.timeOffTypeId")),
        expected.get(
            "archy-yaml/GenesysCloudBlueprints__wfm-hris-blueprint__blueprint__examples__WFM-HR-GetEmployeeBalances_v2-0.yaml"));
  }

  /** saved file → input names, from the table rows of MANIFEST.md. */
  static Map<String, TreeSet<String>> manifestInputs(Path manifest) throws IOException {
    Map<String, TreeSet<String>> out = new TreeMap<>();
    for (String line : Files.readAllLines(manifest)) {
      if (!line.startsWith("| `archy-yaml/") && !line.startsWith("| `architect-export/")) {
        continue;
      }
      String[] cols = line.split(" \\| ");
      String file = cols[0].substring(cols[0].indexOf('`') + 1, cols[0].lastIndexOf('`'));
      String inputs = cols[5].strip();
      TreeSet<String> names = new TreeSet<>();
      if (!inputs.equals("—")) {
        // Entries the collector marked as copies inside commonModules[] are not this flow's inputs.
        Arrays.stream(inputs.split("; "))
            .filter(s -> !s.contains("not this flow's input"))
            .map(s -> s.substring(0, s.indexOf(':')).strip())
            .forEach(names::add);
      }
      out.put(file, names);
    }
    return out;
  }
}
