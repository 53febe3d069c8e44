package dev.flowlint.check;

import dev.flowlint.model.FileReport;

import dev.flowlint.model.Envelope;

import dev.flowlint.model.Rule;

import dev.flowlint.config.Config;
import dev.flowlint.fix.FixApplier;
import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.Fix;
import dev.flowlint.payload.ParsedPayload;
import dev.flowlint.payload.TemplateJsonParser;
import dev.flowlint.source.GitIndex;
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
  private final CallSiteChecker calls;
  private Optional<GitIndex> staged = Optional.empty();
  private Optional<String> stdinPath = Optional.empty();
  private final List<Skip> skipped = new ArrayList<>();

  /**
   * A file that was not checked, and why.
   *
   * @param quiet something flowlint knows is not a payload (a definition, its own output), or a
   *     file the config's include/exclude leaves out: shown only with --verbose
   */
  public record Skip(String path, String reason, boolean quiet) {}

  public CheckRun(SchemaStore store, Config config, Optional<String> flow, Optional<Envelope> envelope, PayloadFiles payloadFiles) {
    this.checker = new PayloadChecker(store, config);
    this.config = config;
    this.flow = flow;
    this.envelope = envelope;
    this.payloadFiles = payloadFiles;
    this.calls = new CallSiteChecker(store, config);
  }

  /** Reads the named files from git's index (what is being committed), not from the working tree. */
  public CheckRun readingStaged(GitIndex index) {
    this.staged = Optional.of(index);
    return this;
  }

  /** Reports standard input under this path and applies the config's mapping for it. */
  public CheckRun stdinAs(String path) {
    this.stdinPath = Optional.of(path);
    return this;
  }

  /** Files left unchecked so far, in the order met. */
  public List<Skip> skipped() {
    return List.copyOf(skipped);
  }

  private String stdinDisplay() {
    return stdinPath.orElse("<stdin>");
  }

  public List<FileReport> run(List<String> paths, InputStream stdin) throws IOException, StoreException {
    List<FileReport> reports = new ArrayList<>();
    List<String> fileArgs = new ArrayList<>();
    for (String p : paths) {
      if (p.equals("-")) {
        reports.addAll(checkFiles(fileArgs));
        fileArgs.clear();
        checkText(stdinDisplay(), () -> StrictText.read(stdin), true).ifPresent(reports::add);
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
    List<InputFiles.Skipped> missing = new ArrayList<>();
    for (InputFiles.InputFile f : files(args, missing)) {
      Optional<String> left = payloadFiles.leavesOut(f.display());
      if (left.isPresent()) {
        skipped.add(new Skip(f.display(), left.get(), true));
        continue;
      }
      checkText(f.display(), () -> read(f), false).ifPresent(reports::add);
    }
    for (InputFiles.Skipped m : missing) {
      reports.add(unreadable(m.display(), m.reason()));
    }
    return reports;
  }

  /** The files named or found; with --staged every argument is a staged file's name. */
  private List<InputFiles.InputFile> files(List<String> args, List<InputFiles.Skipped> missing) {
    if (staged.isEmpty()) {
      return InputFiles.expand(args, this::accepts, missing);
    }
    List<InputFiles.InputFile> out = new ArrayList<>();
    for (String a : args) {
      if (java.nio.file.Files.isDirectory(java.nio.file.Path.of(a))) {
        missing.add(new InputFiles.Skipped(a, "a directory; with --staged, name the staged files"));
      } else {
        out.add(new InputFiles.InputFile(java.nio.file.Path.of(a), a));
      }
    }
    return out;
  }

  private String read(InputFiles.InputFile f) throws StrictText.Unreadable {
    if (staged.isEmpty()) {
      return StrictText.read(f.path());
    }
    try {
      return StrictText.decode(staged.get().staged(f.display()));
    } catch (GitIndex.Unavailable e) {
      throw new StrictText.Unreadable(e.getMessage());
    }
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
        fixText(stdinDisplay(), () -> StrictText.read(stdin), true).ifPresent(out::add);
        continue;
      }
      List<InputFiles.Skipped> missing = new ArrayList<>();
      for (InputFiles.InputFile f : InputFiles.expand(List.of(p), this::accepts, missing)) {
        Optional<String> left = payloadFiles.leavesOut(f.display());
        if (left.isPresent()) {
          skipped.add(new Skip(f.display(), left.get(), true));
          continue;
        }
        // What check skips, --fix leaves alone: package.json is not rewritten as a payload.
        fixText(f.display(), () -> StrictText.read(f.path()), false).ifPresent(out::add);
      }
      for (InputFiles.Skipped m : missing) {
        out.add(new FixOutcome(unreadable(m.display(), m.reason()), "", "", List.of(), Optional.empty()));
      }
    }
    return out;
  }

  /** Checks a text given in memory (a pasted payload) for the target given. */
  public FileReport check(String display, String text, Target target) throws StoreException {
    return checker.check(display, text, target);
  }

  /** Fixes a text given in memory exactly as {@code check --fix} fixes a file: the same passes, the same refusal. */
  public FixOutcome fix(String display, String text, Target target) throws StoreException {
    return fixPayload(display, text, target);
  }

  /** Files found inside directories: payloads, and flow files whose call sites are checked. */
  private boolean accepts(String fileName) {
    return payloadFiles.accepts(fileName) || FileKinds.isFlowFileName(fileName);
  }

  private Optional<FixOutcome> fixText(String display, TextSource source, boolean named) throws StoreException {
    String text;
    try {
      text = source.read();
    } catch (StrictText.Unreadable e) {
      return Optional.of(new FixOutcome(unreadable(display, e.getMessage()), "", "", List.of(), Optional.empty()));
    }
    FileKinds.Kind kind = FileKinds.of(display, text);
    if (kind == FileKinds.Kind.SKIP) {
      return Optional.empty();
    }
    if (kind != FileKinds.Kind.PAYLOAD) {
      return Optional.of(CallSiteFixes.fix(calls, display, text, kind));
    }
    if (skips(display, text, TemplateJsonParser.parse(text), named)) {
      return Optional.empty();
    }
    return Optional.of(fixPayload(display, text, targetFor(display)));
  }

  private FixOutcome fixPayload(String display, String text, Target target) throws StoreException {
    String original = text;
    List<Fix> applied = new ArrayList<>();
    Optional<String> refused = Optional.empty();
    FileReport report = checker.check(display, text, target);
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
      report = checker.check(display, text, target);
    }
    return new FixOutcome(report, original, text, applied, refused);
  }

  private interface TextSource {
    String read() throws StrictText.Unreadable;
  }

  /**
   * @param named standard input, which is always checked; other files that nothing maps to a flow
   *     are skipped when they are plainly not payloads
   */
  private Optional<FileReport> checkText(String display, TextSource source, boolean named) throws StoreException {
    String text;
    try {
      text = source.read();
    } catch (StrictText.Unreadable e) {
      return Optional.of(unreadable(display, e.getMessage()));
    }
    switch (FileKinds.of(display, text)) {
      case SKIP:
        skipped.add(new Skip(display, "YAML whose first key is not an Archy flow type (" + String.join(", ", FileKinds.rootKeys()) + ")", true));
        return Optional.empty();
      case FLOW_YAML:
        return Optional.of(calls.check(display, text, FileKinds.Kind.FLOW_YAML));
      case FLOW_EXPORT:
        return Optional.of(calls.check(display, text, FileKinds.Kind.FLOW_EXPORT));
      case PAYLOAD:
      default:
        break;
    }
    ParsedPayload parsed = TemplateJsonParser.parse(text);
    if (skips(display, text, parsed, named)) {
      return Optional.empty();
    }
    return Optional.of(checker.check(display, text, parsed, targetFor(display)));
  }

  /** Whether a file nothing names explicitly is plainly not a payload (then it is recorded as skipped). */
  private boolean skips(String display, String text, ParsedPayload parsed, boolean named) {
    Target target = targetFor(display);
    boolean explicit = named || target.flow().isPresent() || target.envelope().isPresent() || config.mappingFor(display).isPresent();
    if (explicit) {
      return false;
    }
    Optional<NonPayloads.Reason> not = NonPayloads.classify(parsed, text);
    not.ifPresent(r -> skipped.add(new Skip(display, r.text(), r.quiet())));
    return not.isPresent();
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
