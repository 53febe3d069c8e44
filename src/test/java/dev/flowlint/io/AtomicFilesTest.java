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

  /**
   * A file rewritten by root (flowlint check --fix in a container over a mounted checkout) keeps
   * its owner and group: the new file was root's, and its owner could no longer edit it in place.
   */
  @Test
  void aRewrittenFileKeepsItsOwnerAndGroup() throws IOException {
    Path file = dir.resolve("p.json");
    Files.writeString(file, "old");
    java.nio.file.attribute.UserPrincipalLookupService users =
        file.getFileSystem().getUserPrincipalLookupService();
    java.nio.file.attribute.UserPrincipal nobody;
    java.nio.file.attribute.GroupPrincipal nogroup;
    try {
      nobody = users.lookupPrincipalByName("nobody");
      nogroup = users.lookupPrincipalByGroupName("nogroup");
      Files.setOwner(file, nobody);
      Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class)
          .setGroup(nogroup);
    } catch (IOException | UnsupportedOperationException notRoot) {
      org.junit.jupiter.api.Assumptions.abort("only root can give a file away: " + notRoot);
      return;
    }
    AtomicFiles.write(file, "new");
    assertEquals("new", Files.readString(file));
    assertEquals(nobody, Files.getOwner(file));
    assertEquals(
        nogroup,
        Files.readAttributes(file, java.nio.file.attribute.PosixFileAttributes.class).group());
  }
}
