package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.check.FixtureSupport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --fix must not write over an edit made while the run was checking the file. */
class FixRaceTest {
  @TempDir Path tmp;

  @Test
  void aFileEditedAfterItWasReadIsNotOverwritten() throws Exception {
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    Path payload = tmp.resolve("order.json");
    Files.writeString(payload, GitHookEndToEndTest.BAD);
    String edited =
        GitHookEndToEndTest.BAD.replaceFirst("[{]", "{\n  \"name\": \"edited meanwhile\",");
    // The file and standard input are checked in one batch, in order: the file is read, then
    // standard input, whose first read stands for the user saving the file in an editor.
    InputStream stdin =
        new InputStream() {
          private final InputStream body =
              new ByteArrayInputStream(GitHookEndToEndTest.BAD.getBytes(StandardCharsets.UTF_8));
          private boolean saved;

          @Override
          public int read() throws IOException {
            save();
            return body.read();
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            save();
            return body.read(b, off, len);
          }

          private void save() {
            if (!saved) {
              saved = true;
              try {
                Files.writeString(payload, edited);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }
          }
        };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Cli.run(
            stdin,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            "check",
            "--schemas",
            schemas.toString(),
            "--fix",
            "--",
            payload.toString(),
            "-");
    String said = err.toString(StandardCharsets.UTF_8);
    assertEquals(edited, Files.readString(payload), "the edit is kept: " + said);
    assertTrue(said.contains("not fixed " + payload + ": it changed after flowlint read it"), said);
    assertEquals(1, code, said);
  }
}
