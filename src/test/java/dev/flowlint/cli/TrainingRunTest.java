package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's training run records the class-data archive from the classes a check loads. Its
 * checks pass one stream for output and error, which check took for "--fix with - writes to
 * standard output" and refused (exit 2) before reading a file: the archive missed the whole check
 * path and every one-payload run loaded it from the jar, about 7 ms slower, without a word.
 */
class TrainingRunTest {
  @TempDir Path tmp;

  private static int run(PrintStream both, String... args) {
    return Cli.run(InputStream.nullInputStream(), both, both, Map.of(), args);
  }

  @Test
  void oneStreamForOutputAndErrorIsNoUsageError() throws Exception {
    Path schemas = tmp.resolve("schemas");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream both = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertEquals(0, run(both, "import", "fixtures/flows", "--out", schemas.toString(), "-q"));
    Path payloads = Files.createDirectories(tmp.resolve("payloads"));
    Files.writeString(
        payloads.resolve("a.json"),
        "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\","
            + " \"inputData\": {\"customerId\": \"C-1\"}}");
    for (String format : new String[] {"text", "json", "sarif"}) {
      bytes.reset();
      int code =
          run(both, "check", payloads.toString(), "--schemas", schemas.toString(), "-f", format);
      assertEquals(1, code, format + ": " + bytes.toString(StandardCharsets.UTF_8));
    }
  }

  /** The training run fails (and so the build) when one of its checks does not find problems. */
  @Test
  void theTrainingRunChecksPayloadsForReal() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream both = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertEquals(0, run(both, "__train"), bytes.toString(StandardCharsets.UTF_8));
  }
}
