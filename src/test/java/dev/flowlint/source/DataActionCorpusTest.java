package dev.flowlint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.TestFiles;
import dev.flowlint.model.DataActionDefinition;
import dev.flowlint.model.Definition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Every data action JSON in the corpus reads, with the inputs and required list MANIFEST.md gives.
 */
class DataActionCorpusTest {

  @TestFactory
  Stream<DynamicTest> everyDataActionJsonHasTheManifestsInputs() throws Exception {
    Path corpus = TestFiles.corpus().orElseThrow();
    Map<String, String> inputs = new TreeMap<>();
    for (String line : Files.readAllLines(corpus.resolve("MANIFEST.md"))) {
      if (line.startsWith("| `data-action/") && line.contains(".json`")) {
        String[] cols = line.split(" \\| ");
        inputs.put(
            cols[0].substring(cols[0].indexOf('`') + 1, cols[0].lastIndexOf('`')), cols[5].strip());
      }
    }
    List<DynamicTest> tests = new ArrayList<>();
    FlowSources sources = new FlowSources();
    try (Stream<Path> files = Files.list(corpus.resolve("data-action"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        String key = "data-action/" + file.getFileName();
        tests.add(
            DynamicTest.dynamicTest(
                key,
                () -> {
                  assertTrue(inputs.containsKey(key), "MANIFEST.md lists " + key);
                  List<Definition> defs = sources.read(file, key);
                  assertEquals(1, defs.size());
                  DataActionDefinition action =
                      assertInstanceOf(DataActionDefinition.class, defs.get(0));
                  TreeSet<String> expectedNames = new TreeSet<>();
                  TreeSet<String> expectedRequired = new TreeSet<>();
                  String column = inputs.get(key);
                  if (!column.equals("—") && !column.equals("(no properties)")) {
                    for (String entry : column.split(", ")) {
                      String name = entry.substring(0, entry.indexOf(':')).strip();
                      expectedNames.add(name);
                      if (entry.contains("(required)")) {
                        expectedRequired.add(name);
                      }
                    }
                  }
                  JsonNode schema = action.inputSchema();
                  assertEquals(
                      expectedNames, new TreeSet<>(schema.path("properties").propertyNames()), key);
                  TreeSet<String> required = new TreeSet<>();
                  schema.path("required").forEach(r -> required.add(r.asString()));
                  assertEquals(expectedRequired, required, key);
                }));
      }
    }
    assertEquals(inputs.size(), tests.size(), "every manifest row has a file and every file a row");
    return tests.stream();
  }
}
