package dev.flowlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a run's output is made inert where the GitHub Actions runner reads it. */
class ActionsOutputTest {

  /** A PrintStream that flushes on every write, as System.out does, counting the writes. */
  private static final class Counting extends PrintStream {
    int writes;

    Counting(ByteArrayOutputStream sink) {
      super(sink, true, StandardCharsets.UTF_8);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      writes++;
      super.write(b, off, len);
    }

    @Override
    public void write(int b) {
      writes++;
      super.write(b);
    }
  }

  /**
   * A large document under Actions reaches the stream in large pieces: it went byte by byte (each
   * byte a synchronized call, each line a flush of System.out), then in pieces cut at every '#' and
   * '[', which a SARIF log has every few lines.
   */
  @Test
  void aLargeDocumentIsWrittenInLargePieces() {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    Counting stream = new Counting(sink);
    PrintStream out = new ActionsOutput(true, false).report(OutputFormat.SARIF, stream);
    StringBuilder doc = new StringBuilder("[\n");
    for (int i = 0; i < 5_000; i++) {
      doc.append("  {\"locations\": [{\"uri\": \"a#").append(i).append(".json\"}]},\n");
    }
    doc.append("  \"##[x\"\n]\n");
    out.print(doc);
    out.flush();
    assertTrue(stream.writes < 20, "writes: " + stream.writes);
    assertEquals(doc.toString().replace("##[", "#\\u0023["), sink.toString(StandardCharsets.UTF_8));
  }

  /**
   * A document under Actions whose stream fails (a full disk under "json=/dev/stdout", whose staged
   * copy is a PrintStream that swallows the error): the escaping PrintStream above it said no
   * error, and the half-written report was committed as whole.
   */
  @Test
  void anErrorBelowTheEscaperIsSeen() {
    PrintStream failing =
        new PrintStream(
            new java.io.OutputStream() {
              @Override
              public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
              }
            },
            false,
            StandardCharsets.UTF_8);
    for (OutputFormat f : List.of(OutputFormat.JSON, OutputFormat.JUNIT, OutputFormat.TEXT)) {
      PrintStream out = new ActionsOutput(true, false).report(f, failing);
      out.print("{\"a\": 1}");
      assertTrue(out.checkError(), f.id());
    }
  }

  @Test
  void outsideActionsNothingChanges() {
    PrintStream stream = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    ActionsOutput plain = ActionsOutput.of(Map.of(), List.of(OutputFormat.SARIF));
    for (OutputFormat f : OutputFormat.values()) {
      assertSame(stream, plain.report(f, stream), f.id());
    }
    assertSame(stream, plain.notes(stream));
    assertEquals("::x", plain.note("::x"));
  }
}
