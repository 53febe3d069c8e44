package dev.flowlint.report;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A document written where the GitHub Actions runner reads it (standard output of a step), with
 * every "##[" written in the document's own escaping: the runner reads "##[" anywhere in a line as
 * a workflow command (its older syntax), so a payload key "##[set-output name=x]" in a JSON string
 * would set a step output. JSON gets {@code #\u0023[}, XML {@code #&#35;[}: the same text to a
 * reader of the document. A line of a JSON document cannot start with "::" (a string holds a line
 * break as an escape), but XML keeps line breaks raw in text and attributes: a help line listing a
 * schema's input "Flow.a\n::warning::x" started a line with a command. In XML the second ':' of
 * every "::" is written {@code &#58;} too.
 *
 * <p>A '#' is held back until the byte after it is known. A flush cannot wait for that byte: it
 * writes a held "##" as "#" and the escaped '#', and remembers a single raw '#' it let out, so a
 * "[" after the flush still never follows two raw '#'. ('#' and '[' are ASCII: they never occur
 * inside a multi-byte UTF-8 sequence.) Runs without '#' or '[' are written in one piece.
 */
public final class LegacyCommandEscaper extends FilterOutputStream {
  private final byte[] hash;
  private final byte[] colon; // null: ':' is written as it is
  private int held; // '#' held back, at most 2
  private boolean rawHashOut; // the last byte written out is a raw '#'
  private boolean colonOut; // the last byte written out is a raw ':'

  private LegacyCommandEscaper(OutputStream out, String hash, String colon) {
    super(out);
    this.hash = hash.getBytes(StandardCharsets.US_ASCII);
    this.colon = colon == null ? null : colon.getBytes(StandardCharsets.US_ASCII);
  }

  /** For the JSON formats (json, sarif, gitlab). */
  public static OutputStream json(OutputStream out) {
    return new LegacyCommandEscaper(out, "\\u0023", null);
  }

  /** For the XML format (junit). */
  public static OutputStream xml(OutputStream out) {
    return new LegacyCommandEscaper(out, "&#35;", "&#58;");
  }

  @Override
  public void write(int b) throws IOException {
    if (b == ':' && colon != null) {
      release();
      if (colonOut) {
        out.write(colon);
        colonOut = false;
      } else {
        out.write(':');
        colonOut = true;
      }
      rawHashOut = false;
      return;
    }
    colonOut = false;
    if (b == '#') {
      if (held == 2) {
        out.write('#');
        rawHashOut = true;
      } else {
        held++;
      }
    } else if (b == '[' && held > 0 && held + (rawHashOut ? 1 : 0) >= 2) {
      releaseEscapingTheLast();
      out.write('[');
    } else {
      release();
      out.write(b);
      rawHashOut = false;
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    int from = off;
    int end = off + len;
    for (int i = off; i < end; i++) {
      if (b[i] == '#' || b[i] == '[' || (b[i] == ':' && colon != null)) {
        if (i > from) {
          release();
          out.write(b, from, i - from);
          rawHashOut = false;
          colonOut = false;
        }
        write(b[i]);
        from = i + 1;
      }
    }
    if (end > from) {
      release();
      out.write(b, from, end - from);
      rawHashOut = false;
      colonOut = false;
    }
  }

  @Override
  public void flush() throws IOException {
    if (held > 0) {
      if (held + (rawHashOut ? 1 : 0) >= 2) {
        releaseEscapingTheLast();
      } else {
        release();
      }
    }
    out.flush();
  }

  /** The held '#' written raw. */
  private void release() throws IOException {
    for (; held > 0; held--) {
      out.write('#');
      rawHashOut = true;
    }
  }

  /** The held '#' written, the last one escaped: no raw "##" ends what is out. */
  private void releaseEscapingTheLast() throws IOException {
    for (; held > 1; held--) {
      out.write('#');
    }
    out.write(hash);
    held = 0;
    rawHashOut = false;
  }
}
