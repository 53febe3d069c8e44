package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10: check never claims "no problems" it has not earned, and refuses what it must not do. */
class TrustCheckTest {
  static final String ORDER = "6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11";
  static final String MISNAMED = "{\"flowId\": \"" + ORDER + "\", \"inputData\": {\"customerId\": \"A\"}}";
  @TempDir Path tmp;

  private Path write(String name, String text) throws IOException {
    Path f = tmp.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    return f;
  }

  /** Item 1 and 13: a fix that was not written leaves the finding reported and the exit code 1. */
  @Test
  void readOnlyFileIsNotFixedAndStillFails() throws IOException {
    Path f = write("p.json", MISNAMED);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
    Result r = CliRunner.run("check", f.toString(), "--schemas", "schemas", "--fix");
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("not fixed " + f + ": the file is read-only"), r.out());
    assertTrue(r.out().contains("error[unknown-input]"), r.out());
    assertFalse(r.out().contains("no problems"), r.out());
    assertEquals(MISNAMED, Files.readString(f));
  }

  /** Item 13: hard links are not split; the file is refused, not silently unlinked from its twin. */
  @Test
  void hardLinkedFileIsRefused() throws IOException {
    Path f = write("p.json", MISNAMED);
    Path twin = tmp.resolve("twin.txt");
    Files.createLink(twin, f);
    Result r = CliRunner.run("check", f.toString(), "--schemas", "schemas", "--fix");
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("hard links"), r.out());
    assertEquals(MISNAMED, Files.readString(twin));
    assertTrue(Files.isSameFile(f, twin));
  }

  /** Item 13: a symbolic link stays a link; its target is fixed. */
  @Test
  void symlinkTargetIsFixedAndLinkKept() throws IOException {
    Path target = write("real/p.json", MISNAMED);
    Path link = tmp.resolve("link.json");
    Files.createSymbolicLink(link, target);
    Result r = CliRunner.run("check", link.toString(), "--schemas", "schemas", "--fix");
    assertEquals(0, r.code(), r.out());
    assertTrue(Files.isSymbolicLink(link));
    assertTrue(Files.readString(target).contains("\"Flow.customer_id\""));
  }

  /** Item 13: a temporary file a killed run left behind is removed by the next write, and never checked. */
  @Test
  void staleTemporaryFileIsRemoved() throws IOException {
    Path f = write("p.json", MISNAMED);
    Path stale = write(".p.json.flowlint-999999999-123.tmp", "{");
    Result r = CliRunner.run("check", tmp.toString(), "--schemas", "schemas", "--fix");
    assertEquals(0, r.code(), r.out());
    assertFalse(Files.exists(stale));
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(1, left.count());
    }
  }

  /** Item 7: nothing checked is not "clean". */
  @Test
  void emptyDirectoryExitsTwoUnlessAllowed() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("empty"));
    Result r = CliRunner.run("check", dir.toString(), "--schemas", "schemas");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("checked 0 files: " + dir + " is an empty directory"), r.err());
    Result allowed = CliRunner.run("check", dir.toString(), "--schemas", "schemas", "--allow-empty");
    assertEquals(0, allowed.code(), allowed.err());
    assertTrue(allowed.err().contains("checked 0 files"), allowed.err());
  }

  @Test
  void everythingExcludedSaysSo() throws IOException {
    write("d/a.json", "{}");
    Result r = CliRunner.run("check", tmp.resolve("d").toString(), "--schemas", "schemas", "--include", "*.tmpl");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("has no payload files (*.tmpl)"), r.err());
  }

  /** Item 14: the report never overwrites a payload. */
  @Test
  void outputNamingAPayloadIsRefused() throws IOException {
    Path f = write("p.json", MISNAMED);
    Result r = CliRunner.run("check", tmp.toString(), "--schemas", "schemas", "-o", f.toString(), "--format", "json");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("is the payload"), r.err());
    assertEquals(MISNAMED, Files.readString(f));
  }

  /** Item 16: a malformed glob is a usage error naming it, not an internal error. */
  @Test
  void malformedIncludeGlobIsAUsageError() throws IOException {
    write("a.json", "{}");
    Result r = CliRunner.run("check", tmp.toString(), "--schemas", "schemas", "--include", "[a-");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("\"[a-\" is malformed"), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
  }

  @Test
  void malformedConfigGlobIsAUsageError() throws IOException {
    Path config = write("flowlint.yaml", "payloads:\n  - files: \"[a-\"\n    flow: Order Lookup\ninclude: [\"*.json\"]\n");
    write("a.json", "{}");
    Result r = CliRunner.run("check", tmp.resolve("a.json").toString(), "--schemas", "schemas", "--config", config.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("\"[a-\" is malformed"), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
  }
}
