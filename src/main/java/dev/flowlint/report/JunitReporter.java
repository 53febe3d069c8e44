package dev.flowlint.report;

import dev.flowlint.model.FileReport;
import dev.flowlint.model.Diagnostic;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as Jenkins and GitLab read it: a testsuite per file, a failing testcase per finding,
 * one passing testcase for a clean file.
 */
public final class JunitReporter implements Reporter {
  private Path spool;
  private OutputStream spoolOut;
  private XMLStreamWriter x;
  private long tests;

  /**
   * The root element's counts come before its children, so the testsuites go to a temporary file
   * first: memory stays flat, and end() writes the root element and copies them after it.
   */
  @Override
  public boolean isDocument() {
    return true;
  }

  @Override
  public void begin(PrintStream out) {
    try {
      spool = Files.createTempFile("flowlint-junit", ".xml");
      spool.toFile().deleteOnExit(); // also when the run stops before end()
      spoolOut = new BufferedOutputStream(Files.newOutputStream(spool));
      x = XMLOutputFactory.newFactory().createXMLStreamWriter(spoolOut, "UTF-8");
      tests = 0;
    } catch (IOException | XMLStreamException e) {
      throw new UncheckedIOException("cannot create a temporary file for the JUnit report", e instanceof IOException io ? io : new IOException(e));
    }
  }

  @Override
  public void file(FileReport f, PrintStream out) {
    try {
      tests += Math.max(1, f.diagnostics().size());
      x.writeCharacters("\n  ");
      x.writeStartElement("testsuite");
      x.writeAttribute("name", clean(f.path()));
      x.writeAttribute("tests", String.valueOf(Math.max(1, f.diagnostics().size())));
      x.writeAttribute("failures", String.valueOf(f.diagnostics().size()));
      x.writeAttribute("errors", "0");
      if (f.diagnostics().isEmpty()) {
        x.writeCharacters("\n    ");
        x.writeEmptyElement("testcase");
        x.writeAttribute("classname", clean("flowlint." + f.path()));
        x.writeAttribute("name", "no problems");
      }
      for (Diagnostic d : f.diagnostics()) {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", clean("flowlint." + f.path()));
        x.writeAttribute("name", clean(d.rule().id() + " at " + d.span().line() + ":" + d.span().column()));
        x.writeStartElement("failure");
        x.writeAttribute("message", clean(d.message()));
        x.writeAttribute("type", d.severity().word() + "[" + d.rule().id() + "]");
        StringBuilder body = new StringBuilder()
            .append(f.path()).append(':').append(d.span().line()).append(':').append(d.span().column()).append(": ")
            .append(d.severity().word()).append('[').append(d.rule().id()).append("] ").append(d.message());
        d.help().forEach(h -> body.append("\nhelp: ").append(h));
        d.fix().ifPresent(fix -> body.append("\nfix: ").append(fix.description()));
        x.writeCharacters(clean(body.toString()));
        x.writeEndElement();
        x.writeEndElement();
      }
      x.writeCharacters("\n  ");
      x.writeEndElement();
    } catch (XMLStreamException e) {
      throw new UncheckedIOException("cannot write the JUnit report", new IOException(e));
    }
  }

  @Override
  public void end(Summary s, PrintStream out) {
    try {
      x.flush();
      x.close();
      spoolOut.close();
      long failures = s.errors() + s.warnings() + s.infos();
      out.print("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"flowlint\" tests=\"" + tests
          + "\" failures=\"" + failures + "\" errors=\"0\">");
      out.flush();
      Files.copy(spool, out);
      out.print("\n</testsuites>\n");
      out.flush();
    } catch (IOException | XMLStreamException e) {
      throw new UncheckedIOException("cannot write the JUnit report", e instanceof IOException io ? io : new IOException(e));
    } finally {
      try {
        Files.deleteIfExists(spool);
      } catch (IOException ignored) {
        // a temporary file left behind is harmless
      }
      x = null;
      spool = null;
    }
  }

  /** Characters XML 1.0 cannot carry are dropped. */
  private static String clean(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
