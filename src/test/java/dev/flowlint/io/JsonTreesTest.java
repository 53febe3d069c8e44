package dev.flowlint.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JacksonException;

/** The start-up-light reader gives the databind mapper's tree, and its errors carry a line. */
class JsonTreesTest {
  @TempDir Path tmp;

  @Test
  void sameTreeAsTheMapperForEveryJsonFileInTheRepository() throws IOException {
    List<Path> files;
    try (Stream<Path> s =
        Stream.of("schemas", "fixtures", "src/test/corpus")
            .map(Path::of)
            .flatMap(JsonTreesTest::walk)) {
      files = s.filter(p -> p.toString().endsWith(".json")).toList();
    }
    int compared = 0;
    for (Path p : files) {
      Object expected;
      try {
        expected = CanonicalJson.mapper().readTree(p.toFile());
      } catch (JacksonException e) {
        assertThrows(JacksonException.class, () -> JsonTrees.read(p), p.toString());
        continue;
      }
      assertEquals(expected, JsonTrees.read(p), p.toString());
      compared++;
    }
    assertTrue(compared > 20, "compared only " + compared + " files");
  }

  @Test
  void numbersKeepTheMappersTypes() throws IOException {
    Path f = tmp.resolve("n.json");
    Files.writeString(
        f,
        "{\"i\": 1, \"l\": 12345678901, \"b\": 123456789012345678901234567890, \"d\": 1.5, \"e\": 1e3, \"z\": [null, true, false, \"s\"]}");
    assertEquals(CanonicalJson.mapper().readTree(f.toFile()), JsonTrees.read(f));
  }

  @Test
  void badJsonAndTrailingTokensAreLocatedErrors() throws IOException {
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "{\n  \"a\": 1,\n  \"b\": }\n");
    JacksonException e = assertThrows(JacksonException.class, () -> JsonTrees.read(bad));
    assertEquals(3, e.getLocation().getLineNr());
    Path trailing = tmp.resolve("trailing.json");
    Files.writeString(trailing, "{\"a\": 1}\n{\"b\": 2}\n");
    assertThrows(JacksonException.class, () -> JsonTrees.read(trailing));
    assertThrows(JacksonException.class, () -> CanonicalJson.mapper().readTree(trailing.toFile()));
  }

  private static Stream<Path> walk(Path root) {
    try {
      return Files.walk(root).toList().stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
