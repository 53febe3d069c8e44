package dev.flowlint.check;

import dev.flowlint.model.FileReport;

import dev.flowlint.model.Envelope;

import dev.flowlint.model.Rule;

import dev.flowlint.config.Config;
import dev.flowlint.fix.FixApplier;
import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.Fix;
import dev.flowlint.payload.TemplateJsonParser;
import dev.flowlint.model.Severity;
import dev.flowlint.io.StrictText;
import dev.flowlint.model.TextLines;
import dev.flowlint.schema.SchemaStore;
import dev.flowlint.schema.SchemaStore.StoreException;
import dev.flowlint.source.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks a list of paths (files, directories, "-" for stdin) and gives one report per file. */
public final class CheckRun {
  private final PayloadChecker checker;
  private final Config config;
  private final Optional<String> flow;
  private final Optional<Envelope> envelope;
  private final PayloadFiles payloadFiles;

  public CheckRun(SchemaStore store, Config config, Optional<String> flow, Optional<Envelope> envelope, PayloadFiles payloadFiles) {
    this.checker = new PayloadChecker(store, config);
    this.config = config;
    this.flow = flow;
    this.envelope = envelope;
    this.payloadFiles = payloadFiles;
  }

  public List<FileReport> run(List<String> paths, InputStream stdin) throws IOException, StoreException {
    List<FileReport> reports = new ArrayList<>();
    List<String> fileArgs = new ArrayList<>();
    for (String p : paths) {
      if (p.equals("-")) {
        reports.addAll(checkFiles(fileArgs));
        fileArgs.clear();
        reports.add(checkText("<stdin>", () -> StrictText.read(stdin)));
      } else {
        fileArgs.add(p);
      }
    }
    reports.addAll(checkFiles(fileArgs));
    return reports;
  }

  private List<FileReport> checkFiles(List<String> args) throws IOException, StoreException {
    List<FileReport> reports = new ArrayList<>();
    if (args.isEmpty()) {
      return reports;
    }
    List<InputFiles.Skipped> skipped = new ArrayList<>();
    for (InputFiles.InputFile f : InputFiles.expand(args, payloadFiles::accepts, skipped)) {
      reports.add(checkText(f.display(), () -> StrictText.read(f.path())));
    }
    for (InputFiles.Skipped m : skipped) {
      reports.add(unreadable(m.display(), m.reason()));
    }
    return reports;
  }

  /**
   * A payload with its fixes applied, pass after pass until none is left (at most five passes).
   *
   * @param refused why fixes were held back (the result would not parse), if they were
   */
  public record FixOutcome(FileReport report, String original, String fixed, List<Fix> applied, Optional<String> refused) {
    public boolean changed() {
      return !original.equals(fixed);
    }
  }

  /** Like {@link #run}, but fixes each payload in memory; the caller decides what to write. */
  public List<FixOutcome> fix(List<String> paths, InputStream stdin) throws IOException, StoreException {
    List<FixOutcome> out = new ArrayList<>();
    for (String p : paths) {
      if (p.equals("-")) {
        out.add(fixText("<stdin>", () -> StrictText.read(stdin)));
        continue;
      }
      List<InputFiles.Skipped> skipped = new ArrayList<>();
      for (InputFiles.InputFile f : InputFiles.expand(List.of(p), payloadFiles::accepts, skipped)) {
        out.add(fixText(f.display(), () -> StrictText.read(f.path())));
      }
      for (InputFiles.Skipped m : skipped) {
        out.add(new FixOutcome(unreadable(m.display(), m.reason()), "", "", List.of(), Optional.empty()));
      }
    }
    return out;
  }

  private FixOutcome fixText(String display, TextSource source) throws StoreException {
    String text;
    try {
      text = source.read();
    } catch (StrictText.Unreadable e) {
      return new FixOutcome(unreadable(display, e.getMessage()), "", "", List.of(), Optional.empty());
    }
    String original = text;
    List<Fix> applied = new ArrayList<>();
    Optional<String> refused = Optional.empty();
    FileReport report = checker.check(display, text, targetFor(display));
    for (int pass = 0; pass < 5; pass++) {
      FixApplier.Applied next = FixApplier.apply(text, report.diagnostics());
      if (next.fixes().isEmpty()) {
        break;
      }
      if (TemplateJsonParser.parse(next.text()).error().isPresent()) {
        refused = Optional.of("the fixed text would not parse, so these fixes were not applied: "
            + next.fixes().stream().map(Fix::description).reduce((a, b) -> a + "; " + b).orElse(""));
        break;
      }
      text = next.text();
      applied.addAll(next.fixes());
      report = checker.check(display, text, targetFor(display));
    }
    return new FixOutcome(report, original, text, applied, refused);
  }

  private interface TextSource {
    String read() throws StrictText.Unreadable;
  }

  private FileReport checkText(String display, TextSource source) throws StoreException {
    String text;
    try {
      text = source.read();
    } catch (StrictText.Unreadable e) {
      return unreadable(display, e.getMessage());
    }
    return checker.check(display, text, targetFor(display));
  }

  private Target targetFor(String display) {
    Optional<Config.PayloadMapping> mapping = config.mappingFor(display);
    if (flow.isPresent()) {
      return new Target(flow, "--flow", envelope.or(() -> mapping.flatMap(Config.PayloadMapping::envelope)));
    }
    return new Target(mapping.flatMap(Config.PayloadMapping::flow), "flowlint.yaml payloads \"" + mapping.map(Config.PayloadMapping::files).orElse("") + "\"",
        envelope.or(() -> mapping.flatMap(Config.PayloadMapping::envelope)));
  }

  private static FileReport unreadable(String display, String why) {
    TextLines none = new TextLines("");
    Diagnostic d = new Diagnostic(Rule.UNREADABLE_FILE, Severity.ERROR, "cannot read this file: " + why, "",
        none.span(0, 0), Optional.empty(), List.of());
    return new FileReport(display, Optional.empty(), Optional.empty(), List.of(d), none);
  }

  /** Exit code of DESIGN.md §4: 2 for an unreadable file, 1 for findings at or above failOn, else 0. */
  public static int exitCode(List<FileReport> reports, Severity failOn) {
    boolean unreadable = reports.stream().flatMap(r -> r.diagnostics().stream()).anyMatch(d -> d.rule() == Rule.UNREADABLE_FILE);
    if (unreadable) {
      return 2;
    }
    boolean failing = reports.stream().flatMap(r -> r.diagnostics().stream()).anyMatch(d -> d.severity().atLeast(failOn));
    return failing ? 1 : 0;
  }
}
