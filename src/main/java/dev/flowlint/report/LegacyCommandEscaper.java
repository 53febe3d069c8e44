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
 * reader of the document. ("::" cannot start a line of these documents: their lines start with
 * white space and a quote or a bracket.)
 */
public final class LegacyCommandEscaper extends FilterOutputStream {
  private final byte[] instead;
  private int hashes; // '#' held back, at most 2

  private LegacyCommandEscaper(OutputStream out, String instead) {
    super(out);
    this.instead = instead.getBytes(StandardCharsets.US_ASCII);
  }

  /** For the JSON formats (json, sarif, gitlab). */
  public static OutputStream json(OutputStream out) {
    return new LegacyCommandEscaper(out, "#\\u0023[");
  }

  /** For the XML format (junit). */
  public static OutputStream xml(OutputStream out) {
    return new LegacyCommandEscaper(out, "#&#35;[");
  }

  @Override
  public void write(int b) throws IOException {
    if (b == '#') {
      if (hashes == 2) {
        out.write('#');
      } else {
        hashes++;
      }
    } else if (b == '[' && hashes == 2) {
      out.write(instead);
      hashes = 0;
    } else {
      release();
      out.write(b);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      write(b[i]);
    }
  }

  @Override
  public void flush() throws IOException {
    release();
    out.flush();
  }

  private void release() throws IOException {
    for (; hashes > 0; hashes--) {
      out.write('#');
    }
  }
}
