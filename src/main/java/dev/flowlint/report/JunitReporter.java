package dev.flowlint.report;

import dev.flowlint.model.FileReport;
import dev.flowlint.model.Diagnostic;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as Jenkins and GitLab read it: a testsuite per file, a failing testcase per finding,
 * one passing testcase for a clean file.
 */
public final class JunitReporter implements Reporter {
  @Override
  public void write(List<FileReport> files, PrintStream out) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(buffer, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      Summary s = Summary.of(files);
      long failures = s.errors() + s.warnings() + s.infos();
      x.writeStartElement("testsuites");
      x.writeAttribute("name", "flowlint");
      x.writeAttribute("tests", String.valueOf(files.stream().mapToLong(f -> Math.max(1, f.diagnostics().size())).sum()));
      x.writeAttribute("failures", String.valueOf(failures));
      x.writeAttribute("errors", "0");
      for (FileReport f : files) {
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
      }
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing XML to memory cannot fail", e);
    }
    out.print(buffer.toString(StandardCharsets.UTF_8));
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
