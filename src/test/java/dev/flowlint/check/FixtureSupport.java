package dev.flowlint.check;

import dev.flowlint.TestFiles;
import dev.flowlint.config.Config;
import dev.flowlint.config.ConfigReader;
import dev.flowlint.model.Definition;
import dev.flowlint.schema.RequiredPolicy;
import dev.flowlint.schema.SchemaImporter;
import dev.flowlint.schema.SchemaStore;
import dev.flowlint.source.FlowSources;
import dev.flowlint.source.InputFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Schemas imported afresh from fixtures/flows, and the fixtures' config, for checker tests. */
public final class FixtureSupport {
  private FixtureSupport() {}

  public static SchemaStore importFixtures(Path dir) throws Exception {
    List<Definition> flows = new ArrayList<>();
    for (var f :
        InputFiles.expand(
            List.of("fixtures/flows", "fixtures/data-actions"),
            InputFiles::isDefinitionName,
            new ArrayList<>())) {
      flows.addAll(new FlowSources().read(f.path(), f.display()));
    }
    new SchemaImporter(RequiredPolicy.NO_DEFAULT).write(dir, dir.toString(), flows, List.of());
    return SchemaStore.open(dir, dir.toString());
  }

  public static Config config() throws Exception {
    return ConfigReader.read(
        TestFiles.fixtures().resolve("flowlint.yaml"), "fixtures/flowlint.yaml");
  }

  public static CheckRun run(SchemaStore store) throws Exception {
    return new CheckRun(
        store, config(), Optional.empty(), Optional.empty(), new PayloadFiles(List.of()));
  }

  /**
   * Every payload, data action and caller (flow with call sites) fixture, as the display path check
   * gives it.
   */
  public static List<String> payloads() throws Exception {
    List<String> out = new ArrayList<>();
    for (String dir : List.of("payloads", "data-actions", "callers")) {
      try (Stream<Path> files = Files.list(TestFiles.fixtures().resolve(dir))) {
        files
            .map(p -> "fixtures/" + dir + "/" + p.getFileName())
            .filter(p -> !p.endsWith(".expect") && !p.endsWith(".md"))
            .sorted()
            .forEach(out::add);
      }
    }
    return out;
  }
}
