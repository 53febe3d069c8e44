package dev.flowlint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged and hostile files give one clear, located message each, quickly, never an exception
 * trace.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS) // a guard against hangs, not a performance assertion
class BadInputTest {
  @TempDir Path dir;
  private final FlowSources sources = new FlowSources();

  private SourceException fails(String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content);
    SourceException e = assertThrows(SourceException.class, () -> sources.read(file, name));
    assertTrue(
        e.getMessage().startsWith(name + ":") || e.getMessage().startsWith(name + " (decoded):"),
        "message names the file: " + e.getMessage());
    assertTrue(
        !e.getMessage().contains("Exception") && !e.getMessage().contains("\tat "),
        "plain words, no Java exception text: " + e.getMessage());
    return e;
  }

  private SourceException fails(String name, String content) throws IOException {
    return fails(name, content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void brokenYamlIsLocated() throws IOException {
    SourceException e =
        fails(
            "broken.yaml",
            "workflow:\n  name: x\n  variables:\n    - stringVariable: {name: Flow.a, isInput: true\n");
    assertTrue(e.line() >= 4, "line of the problem: " + e.getMessage());
    assertTrue(e.reason().contains("expected ',' or '}'"), e.getMessage());
  }

  @Test
  void badIndentationIsLocated() throws IOException {
    SourceException e =
        fails("indent.yaml", "workflow:\n  name: x\n  variables:\n  - a: b\n   c: d\n");
    assertEquals(5, e.line(), e.getMessage());
  }

  @Test
  void truncatedJsonIsLocated() throws IOException {
    SourceException e =
        fails("trunc.json", "{\"entities\": [{\"name\": \"x\", \"inputSchema\": {\"properties\": ");
    assertEquals(1, e.line());
    assertTrue(e.reason().startsWith("not valid JSON: Unexpected end-of-input"), e.getMessage());
  }

  @Test
  void badBase64IsNamed() throws IOException {
    SourceException e = fails("bad.i3WorkFlow", "AAAA$$$$");
    assertTrue(e.reason().contains("not valid base64"), e.getMessage());
  }

  @Test
  void exportThatDoesNotDecodeToJsonIsLocatedInTheDecodedText() throws IOException {
    String b64 =
        Base64.getEncoder().encodeToString("{\"type\":\"wor".getBytes(StandardCharsets.UTF_8));
    SourceException e = fails("trunc.i3WorkFlow", b64);
    assertTrue(e.getMessage().startsWith("trunc.i3WorkFlow (decoded):1:"), e.getMessage());
  }

  @Test
  void brokenPercentEscapeIsNamed() throws IOException {
    String b64 =
        Base64.getEncoder().encodeToString("%7B%22type%2".getBytes(StandardCharsets.UTF_8));
    SourceException e = fails("pct.i3WorkFlow", b64);
    assertTrue(e.reason().contains("broken %-escape"), e.getMessage());
  }

  @Test
  void notUtf8IsLocated() throws IOException {
    SourceException e =
        fails(
            "latin1.yaml",
            new byte[] {
              'w',
              'o',
              'r',
              'k',
              'f',
              'l',
              'o',
              'w',
              ':',
              '\n',
              ' ',
              ' ',
              'n',
              'a',
              'm',
              'e',
              ':',
              ' ',
              'c',
              'a',
              'f',
              (byte) 0xE9,
              '\n'
            });
    assertEquals(2, e.line());
    assertEquals(12, e.column(), "column of the bad byte");
    assertTrue(e.reason().startsWith("not UTF-8"), e.getMessage());
  }

  @Test
  void emptyFile() throws IOException {
    assertEquals("empty file", fails("empty.yaml", "  \n\n").reason());
  }

  @Test
  void binaryFile() throws IOException {
    assertTrue(
        fails("blob.i3WorkFlow", new byte[] {1, 2, 0, 3}).reason().startsWith("binary file"));
  }

  @Test
  void fileOverTheSizeCapIsRefusedWithoutReadingIt() throws IOException {
    Path file = dir.resolve("big.yaml");
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(dev.flowlint.io.StrictText.MAX_BYTES + 1);
    }
    SourceException e = assertThrows(SourceException.class, () -> sources.read(file, "big.yaml"));
    // One byte over: the size in MiB rounds down to the cap, so the message gives the bytes
    // ("file is 16 MiB; flowlint reads files up to 16 MiB" read as a contradiction).
    assertEquals(
        "file is 16777217 bytes, more than the 16 MiB flowlint reads", e.reason(), e.getMessage());
  }

  @Test
  void yamlAliasBombDoesNotExpand() throws IOException {
    StringBuilder y =
        new StringBuilder(
            "workflow:\n  name: bomb\n  a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      y.append("  ").append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        y.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      y.append("]\n");
      prev = c;
    }
    y.append("  variables:\n    - stringVariable: *j\n");
    SourceException e = fails("bomb.yaml", y.toString());
    assertTrue(e.reason().contains("has no name") || e.reason().contains("alias"), e.getMessage());
  }

  @Test
  void deeplyNestedJsonIsRefused() throws IOException {
    SourceException e = fails("deep.json", "[".repeat(100_000) + "]".repeat(100_000));
    assertEquals("not valid JSON: nested too deeply (more than 500 levels)", e.reason());
  }

  @Test
  void yamlThatIsNotAFlowSaysWhatWasExpected() throws IOException {
    SourceException e = fails("compose.yaml", "services:\n  web:\n    image: nginx\nvolumes: {}\n");
    assertTrue(e.reason().startsWith("not an Archy flow"), e.getMessage());
  }

  @Test
  void jsonThatIsNotAFlowSaysWhatWasExpected() throws IOException {
    SourceException e = fails("package.json", "{\"name\": \"x\", \"version\": \"1.0.0\"}");
    assertTrue(
        e.reason().startsWith("JSON is not a flow or data action definition"), e.getMessage());
  }

  @Test
  void unknownVariableKeywordIsNamed() throws IOException {
    SourceException e =
        fails(
            "kw.yaml",
            "workflow:\n  name: x\n  variables:\n    - stringThing:\n        name: Flow.a\n");
    assertTrue(e.reason().contains("\"stringThing\""), e.getMessage());
  }
}
