package dev.flowlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowlint.check.FixtureSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** schemas/ in the repository is exactly what importing fixtures/flows writes: the README's first command leaves no diff. */
class CommittedSchemasTest {
  @TempDir Path tmp;

  @Test
  void committedSchemasMatchAFreshImport() throws Exception {
    FixtureSupport.importFixtures(tmp);
    assertEquals(contents(tmp), contents(Path.of("schemas")));
  }

  private static Map<String, String> contents(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        out.put(f.getFileName().toString(), Files.readString(f));
      }
    }
    return out;
  }
}
