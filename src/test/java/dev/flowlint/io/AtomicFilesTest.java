package dev.flowlint.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void aFailureLeavesTheDirectoryAsItWas() throws IOException {
    Path keep = dir.resolve("a.json");
    Files.writeString(keep, "old");
    Files.writeString(dir.resolve("blocker"), "a file where a directory would have to be");
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(keep, "new");
    files.put(dir.resolve("blocker").resolve("b.json"), "cannot be written");
    assertThrows(IOException.class, () -> AtomicFiles.writeAll(files));
    assertEquals("old", Files.readString(keep));
    try (Stream<Path> list = Files.list(dir)) {
      assertEquals(2, list.count(), "no temporary files left behind");
    }
  }

  @Test
  void writesEveryFileAndCreatesTheDirectory() throws IOException {
    Path out = dir.resolve("new").resolve("schemas");
    AtomicFiles.writeAll(Map.of(out.resolve("x.json"), "1", out.resolve("y.json"), "2"));
    assertEquals("1", Files.readString(out.resolve("x.json")));
    assertEquals("2", Files.readString(out.resolve("y.json")));
  }
}
