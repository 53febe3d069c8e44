package dev.flowlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** No "##[" gets through, however the bytes are cut into writes and flushes. */
class LegacyCommandEscaperTest {

  /** Writes {@code pieces} one by one, flushing after each; returns what came out. */
  private static String through(boolean xml, String... pieces) throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    OutputStream e = xml ? LegacyCommandEscaper.xml(sink) : LegacyCommandEscaper.json(sink);
    for (String p : pieces) {
      e.write(p.getBytes(StandardCharsets.UTF_8));
      e.flush();
    }
    return sink.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aFlushBetweenTheHashesAndTheBracketLetsNoCommandThrough() throws IOException {
    // A flush released the held "##"; the "[" after it completed "##[" on the runner's line.
    assertEquals("\"#\\u0023[x\"", through(false, "\"##", "[x\""));
    assertEquals("\"#\\u0023[x\"", through(false, "\"#", "#", "[x\""));
    assertEquals("\"#\\u0023[x\"", through(false, "\"#", "#[x\""));
    assertEquals("a#&#35;[b", through(true, "a##", "[b"));
    assertEquals("\"##\\u0023[\"", through(false, "\"###", "[\""));
    // A held '#' that is not followed by '[' comes out as the same JSON text.
    assertEquals("\"#\\u0023x\"", through(false, "\"##", "x\""));
    assertEquals("\"#x#[\"", through(false, "\"#", "x#", "[\""));
  }

  /** XML keeps line breaks raw: no "::" is written there, however it is cut. */
  @Test
  void xmlWritesNoDoubleColon() throws IOException {
    assertEquals("a\n:&#58;warning:&#58;x", through(true, "a\n::warning::x"));
    assertEquals("a\n:&#58;w", through(true, "a\n:", ":w"));
    assertEquals(":&#58;:", through(true, ":", ":", ":"));
    assertEquals("a:b #:&#58;[", through(true, "a:b #::["));
    // JSON holds line breaks as escapes: its colons are left alone.
    assertEquals("{\"a::b\": 1}", through(false, "{\"a::b\": 1}"));
  }

  @Test
  void aPrintStreamThatFlushesEveryLineLetsNoCommandThrough() {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream out =
        new PrintStream(LegacyCommandEscaper.json(sink), true, StandardCharsets.UTF_8);
    out.print("\"a##");
    out.flush();
    out.print("[set-output name=x]y\"");
    out.println();
    out.flush();
    String written = sink.toString(StandardCharsets.UTF_8);
    assertFalse(written.contains("##["), written);
    assertEquals("\"a#\\u0023[set-output name=x]y\"" + System.lineSeparator(), written);
  }

  @Test
  void textWithoutCommandsIsWrittenUnchangedAndWhole() throws IOException {
    String text = "{\"k\": \"é ü # [ ## [] #x[\u20ac\"}\n";
    assertEquals(text, through(false, text));
    // Multi-byte UTF-8 next to a '#' and a '[' byte by byte.
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    OutputStream e = LegacyCommandEscaper.json(sink);
    for (byte b : "\"\u20ac##[\u00e9\"".getBytes(StandardCharsets.UTF_8)) {
      e.write(b);
    }
    e.flush();
    assertEquals("\"\u20ac#\\u0023[\u00e9\"", sink.toString(StandardCharsets.UTF_8));
  }
}
