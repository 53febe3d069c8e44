package dev.flowlint.report;

import dev.flowlint.io.SafeText;
import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.FileReport;
import dev.flowlint.model.Rule;
import dev.flowlint.model.Severity;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as Jenkins and GitLab read it: a testsuite per file, a testcase per finding, one
 * passing testcase for a clean file. It agrees with the exit code: a finding below --fail-on is a
 * passing case (its text in system-out), an unreadable file is an error, the rest are failures.
 *
 * <p>The root element's counts come before its children, so the testsuites go to a temporary file
 * first: memory stays flat, and end() writes the root element and copies them after it.
 */
public final class JunitReporter implements Reporter {
  private final Severity failOn;
  private Path spool;
  private OutputStream spoolOut;
  private XMLStreamWriter x;
  private long tests;
  private long failures;
  private long errors;

  /**
   * The classnames given so far in this run (a few bytes a file): GitLab keys a test case by
   * classname and name across the whole report, so "order.json" and "order.json.hbs", both
   * classname "order", had their findings at one place shown as one.
   */
  private java.util.Set<String> classnames;

  public JunitReporter(Severity failOn) {
    this.failOn = failOn;
  }

  private enum Outcome {
    PASS,
    FAILURE,
    ERROR
  }

  private Outcome outcome(Diagnostic d) {
    if (d.rule() == Rule.UNREADABLE_FILE) {
      return Outcome.ERROR;
    }
    return d.severity().atLeast(failOn) ? Outcome.FAILURE : Outcome.PASS;
  }

  private long count(List<FileReport> files, Outcome o) {
    return files.stream()
        .flatMap(f -> f.diagnostics().stream())
        .filter(d -> outcome(d) == o)
        .count();
  }

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
      classnames = new java.util.HashSet<>();
      failures = 0;
      errors = 0;
    } catch (IOException | XMLStreamException e) {
      throw new UncheckedIOException(
          "cannot create a temporary file for the JUnit report",
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  @Override
  public void file(FileReport f, PrintStream out) {
    try {
      tests += Math.max(1, f.diagnostics().size());
      failures += count(List.of(f), Outcome.FAILURE);
      errors += count(List.of(f), Outcome.ERROR);
      suite(x, f);
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
      out.print(
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"flowlint\" tests=\""
              + tests
              + "\" failures=\""
              + failures
              + "\" errors=\""
              + errors
              + "\">");
      out.flush();
      Files.copy(spool, out);
      out.print("\n</testsuites>\n");
      out.flush();
    } catch (IOException | XMLStreamException e) {
      throw new UncheckedIOException(
          "cannot write the JUnit report", e instanceof IOException io ? io : new IOException(e));
    } finally {
      try {
        Files.deleteIfExists(spool);
      } catch (IOException ignored) {
        // a temporary file left behind is harmless
      }
      x = null;
      spool = null;
      classnames = null;
    }
  }

  /** One file's testsuite (the unit a streaming writer emits). */
  private void suite(XMLStreamWriter x, FileReport f) throws XMLStreamException {
    x.writeCharacters("\n  ");
    x.writeStartElement("testsuite");
    // Shown as the text report shows it: XML cannot hold U+0001 and reads a tab in an attribute as
    // a space, so "a\u0001.json" became a second "a.json" and "t\tb.json" another file.
    x.writeAttribute("name", clean(SafeText.name(f.path())));
    x.writeAttribute("tests", String.valueOf(Math.max(1, f.diagnostics().size())));
    x.writeAttribute("failures", String.valueOf(count(List.of(f), Outcome.FAILURE)));
    x.writeAttribute("errors", String.valueOf(count(List.of(f), Outcome.ERROR)));
    String classname = classname(f.path());
    for (int n = 2; !classnames.add(classname); n++) {
      classname = classname(f.path()) + "_" + n;
    }
    if (f.diagnostics().isEmpty()) {
      x.writeCharacters("\n    ");
      x.writeEmptyElement("testcase");
      x.writeAttribute("classname", classname);
      x.writeAttribute("name", "no problems");
    }
    // GitLab keeps one test case per classname and name: a repeat gets " (2)", " (3)" ...
    java.util.Map<String, Integer> seen = new java.util.HashMap<>();
    for (Diagnostic d : f.diagnostics()) {
      x.writeCharacters("\n    ");
      x.writeStartElement("testcase");
      x.writeAttribute("classname", classname);
      String name = clean(d.rule().id() + " at " + d.span().line() + ":" + d.span().column());
      int n = seen.merge(name, 1, Integer::sum);
      x.writeAttribute("name", n == 1 ? name : name + " (" + n + ")");
      Outcome o = outcome(d);
      if (o == Outcome.PASS) {
        x.writeStartElement("system-out");
      } else {
        x.writeStartElement(o == Outcome.ERROR ? "error" : "failure");
        x.writeAttribute("message", clean(d.message()));
        x.writeAttribute("type", d.severity().word() + "[" + d.rule().id() + "]");
      }
      x.writeCharacters(clean(body(f, d)));
      x.writeEndElement();
      x.writeEndElement();
    }
    x.writeCharacters("\n  ");
    x.writeEndElement();
  }

  private static String body(FileReport f, Diagnostic d) {
    StringBuilder body =
        new StringBuilder()
            .append(SafeText.name(f.path()))
            .append(':')
            .append(d.span().line())
            .append(':')
            .append(d.span().column())
            .append(": ")
            .append(d.severity().word())
            .append('[')
            .append(d.rule().id())
            .append("] ")
            .append(d.message());
    d.help().forEach(h -> body.append("\nhelp: ").append(h));
    d.fix().ifPresent(fix -> body.append("\nfix: ").append(fix.description()));
    return body.toString();
  }

  /**
   * Jenkins splits a classname at its last dot into package and class: the path without its payload
   * suffix, directories as packages, other dots in the file name as "_". {@code
   * payloads/orders/new.json} → {@code payloads.orders.new}.
   */
  static String classname(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    int slash = p.lastIndexOf('/');
    String dir = slash < 0 ? "" : p.substring(0, slash);
    String name = p.substring(slash + 1);
    String lower = name.toLowerCase(Locale.ROOT);
    int json = lower.lastIndexOf(".json");
    if (json > 0) {
      name = name.substring(0, json);
    } else if (name.lastIndexOf('.') > 0) {
      name = name.substring(0, name.lastIndexOf('.'));
    }
    String pkg = dir.replace("../", "").replace("./", "").replace('.', '_').replace('/', '.');
    while (pkg.startsWith(".")) {
      pkg = pkg.substring(1);
    }
    String cls = name.replace('.', '_');
    // Escaped as the text report escapes: a bidirectional override reordered the line it was in.
    return clean(SafeText.escape(pkg.isEmpty() ? cls : pkg + "." + cls));
  }

  /**
   * Characters XML 1.0 cannot carry are dropped, and a lone surrogate (a key written "\\ud800")
   * becomes U+FFFD: left in, the writer pairs it with the next character and garbles both.
   */
  private static String clean(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append('\ufffd');
      } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
