package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10 item 18: plain, located messages for odd files and broken templates. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a FIFO must never be opened: a guard against a hang
class TrustMessagesTest {
  @TempDir Path tmp;

  private static void plain(String text) {
    assertFalse(
        text.matches("(?s).*[A-Z][a-z]+(Exception|Error)\\b.*"), "a Java class name: " + text);
    assertFalse(text.contains("[Source:"), "a Jackson marker: " + text);
    assertFalse(text.contains("REDACTED"), "a Jackson marker: " + text);
  }

  @Test
  void fifoAndSymlinkLoopAreNamedForWhatTheyAre() throws Exception {
    Path fifo = tmp.resolve("pipe.json");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Files.createSymbolicLink(tmp.resolve("a.json"), tmp.resolve("b.json"));
    Files.createSymbolicLink(tmp.resolve("b.json"), tmp.resolve("a.json"));
    Result r =
        CliRunner.run(
            "check", fifo.toString(), tmp.resolve("a.json").toString(), "--schemas", "schemas");
    assertEquals(2, r.code(), r.out());
    assertTrue(
        r.out()
            .contains(
                "pipe.json:1:1: error[unreadable-file] cannot read this file: not a regular file (a named pipe, socket or device)"),
        r.out());
    assertTrue(
        r.out()
            .contains(
                "a.json:1:1: error[unreadable-file] cannot read this file: a symbolic link loop"),
        r.out());
    assertFalse(r.out().contains("no such file"), r.out());
    Result imp =
        CliRunner.run(
            "import",
            fifo.toString(),
            tmp.resolve("a.json").toString(),
            "--out",
            tmp.resolve("s").toString());
    assertTrue(imp.err().contains("pipe.json: not a regular file"), imp.err());
    assertTrue(imp.err().contains("a.json: a symbolic link loop"), imp.err());
  }

  @Test
  void utf16IsNamedAsUtf16() throws IOException {
    Path f = tmp.resolve("u.json");
    Files.write(f, "{\"inputData\": {}}".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
    Result r = CliRunner.run("check", f.toString(), "--schemas", "schemas");
    assertTrue(
        r.out().contains("UTF-16 text without a byte-order mark; save it as UTF-8"), r.out());
    Files.write(
        f, "{\"inputData\": {}}".getBytes(java.nio.charset.StandardCharsets.UTF_16)); // with a BOM
    Result bom = CliRunner.run("import", f.toString(), "--out", tmp.resolve("s").toString());
    assertTrue(bom.err().contains("UTF-16 text (byte-order mark FE FF)"), bom.err());
    assertFalse((r.out() + bom.err()).contains("binary"));
  }

  @Test
  void emptyDirectoryIsNamedByImport() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("none"));
    Result r = CliRunner.run("import", dir.toString(), "--out", tmp.resolve("s").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains(dir + ": an empty directory"), r.err());
  }

  @Test
  void jacksonMarkersAndClassNamesNeverReachTheUser() throws IOException {
    Path f = tmp.resolve("c.json");
    Files.writeString(f, "{\"a\": [1, 2}");
    Result r = CliRunner.run("import", f.toString(), "--out", tmp.resolve("s").toString());
    assertTrue(r.err().contains("c.json:1:12: not valid JSON"), r.err());
    plain(r.err());
    Path notADir = Files.writeString(tmp.resolve("file"), "x");
    Result w =
        CliRunner.withStdin(
            "{\"inputData\": {}}",
            "check",
            "-",
            "--schemas",
            "schemas",
            "--flow",
            "Order Lookup",
            "-o",
            notADir.resolve("report.json").toString());
    assertEquals(2, w.code(), w.err());
    assertTrue(w.err().contains("cannot write " + notADir.resolve("report.json")), w.err());
    plain(w.out() + w.err());
  }

  @Test
  void unterminatedVelocityReferenceIsLocatedWhereItStarts() throws IOException {
    Path f = tmp.resolve("p.json.vm");
    Files.writeString(
        f,
        "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\",\n \"inputData\": {\"Flow.customer_id\": ${input.x, \"Flow.priority\": 1}\n}");
    Result r = CliRunner.run("check", f.toString(), "--schemas", "schemas");
    assertTrue(
        r.out()
            .contains(
                "p.json.vm:2:36: error[invalid-json] unterminated placeholder \"${input.x\": '}' is missing"),
        r.out());
  }
}
