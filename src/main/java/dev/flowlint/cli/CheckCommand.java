package dev.flowlint.cli;

import dev.flowlint.check.CheckRun;
import dev.flowlint.check.ConfigFlows;
import dev.flowlint.check.PayloadFiles;
import dev.flowlint.config.Config;
import dev.flowlint.fix.UnifiedDiff;
import dev.flowlint.io.AtomicFiles;
import dev.flowlint.io.SafeText;
import dev.flowlint.model.Envelope;
import dev.flowlint.model.FileReport;
import dev.flowlint.model.Fix;
import dev.flowlint.model.Severity;
import dev.flowlint.report.ActionsOutput;
import dev.flowlint.report.OutputFormat;
import dev.flowlint.report.ReportContext;
import dev.flowlint.report.Reporter;
import dev.flowlint.report.Summary;
import dev.flowlint.report.TextReporter;
import dev.flowlint.schema.SchemaStore;
import dev.flowlint.schema.SchemaStore.StoreException;
import dev.flowlint.source.GitIndex;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Checks payloads and payload templates against the flows' input schemas: envelope fields, exact input names (with did-you-mean), required inputs and value types.",
      "Directories are searched for *.json and JSON templates (*.json.tmpl, *.json.vm, *.json.hbs, *.json.j2 ...). Use - to read a pasted payload from standard input.",
      "Archy YAML flows and Architect exports (*.i3*) have every Call Common Module, Call Data Action and Call Bot Flow checked against its callee's schema; other YAML is skipped."
    },
    footer = {
      "",
      "Exit codes: 0 clean (or only findings below --fail-on), 1 findings, 2 usage error or unreadable input."
    })
final class CheckCommand implements Callable<Integer> {
  private final Cli.Io io;

  @Mixin ConfigOptions common;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH|DIR|-",
      description = "Payload files, directories, or - for standard input.")
  List<String> paths;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT[=FILE]",
      description = {
        "Report format: ${COMPLETION-CANDIDATES} (default: text). Repeatable; FORMAT=FILE writes that report to FILE "
            + "(atomically; - is standard output), e.g. --format sarif=flowlint.sarif --format text. When every report goes to a file, the terminal gets the text report."
      },
      completionCandidates = Formats.class)
  List<String> formats = new ArrayList<>();

  @Option(
      names = "--flow",
      paramLabel = "NAME|ID",
      description = "The flow every payload targets (beats flowId and flowlint.yaml).")
  String flow;

  @Option(
      names = "--envelope",
      paramLabel = "NAME",
      converter = Choices.Envelopes.class,
      completionCandidates = Choices.Envelopes.class,
      description = "${COMPLETION-CANDIDATES} (default: detected from the payload and its flow).")
  Envelope envelope;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      defaultValue = "error",
      converter = Choices.Severities.class,
      completionCandidates = Choices.Severities.class,
      description =
          "Lowest severity that makes the exit code 1: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Severity failOn;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      defaultValue = "auto",
      converter = Choices.ColorWhens.class,
      completionCandidates = Choices.ColorWhens.class,
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; NO_COLOR is honoured).")
  Choices.ColorWhen colorWhen;

  @Option(
      names = {"-q", "--quiet"},
      description =
          "Quiet the terminal: no text report there and no notes of skipped files; the exit code tells. Reports written to files (FORMAT=FILE, --output) stay complete.")
  boolean quiet;

  @Option(
      names = "--include",
      paramLabel = "GLOB",
      description =
          "Glob of the files to check, named or inside directories (repeatable; replaces the config's include and the default suffixes).")
  List<String> include = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Write the report of the --format given without =FILE to FILE (atomically); the terminal still gets the text report.")
  String output;

  @Option(
      names = "--fix",
      description =
          "Apply each finding's fix in place (only its span changes; files are written atomically). With -, the fixed payload goes to standard output and the report to standard error.")
  boolean fix;

  @Option(
      names = "--allow-empty",
      description =
          "Exit 0 when the paths match no file to check (for hooks); by default that is exit 2.")
  boolean allowEmpty;

  @Option(
      names = "--staged",
      description =
          "Read each named file as staged in git's index (what the commit will hold), not from the working tree; the git hook uses this.")
  boolean staged;

  @Option(
      names = "--stdin-filepath",
      paramLabel = "PATH",
      description =
          "With -, report standard input under PATH and use the flowlint.yaml mapping for PATH.")
  String stdinFilepath;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "Also say which files were skipped as not payloads (flow definitions, flowlint's own schemas) or by include/exclude.")
  boolean verbose;

  @Option(
      names = "--diff",
      description =
          "Print a unified diff of what --fix would change and write nothing; the report (on standard error) and the exit code are a plain check's, every finding included.")
  boolean diff;

  static final class Formats extends ArrayList<String> {
    Formats() {
      super(OutputFormat.names());
    }
  }

  /**
   * What the GitHub Actions runner may read of this run's output, made inert (see {@link #note}).
   */
  private ActionsOutput actions = new ActionsOutput(false, false);

  CheckCommand(Cli.Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws IOException {
    Optional<Envelope> env = Optional.ofNullable(envelope);
    FormatSpecs.Parsed specs = FormatSpecs.parse(formats, output);
    if (specs.error().isPresent()) {
      return usage(specs.error().get());
    }
    actions =
        ActionsOutput.of(
            io.env(),
            specs.specs().stream()
                .filter(s -> s.file().isEmpty())
                .map(FormatSpecs.Spec::format)
                .toList());
    Optional<ConfigOptions.Loaded> loaded = common.load(actions.notes(io.err()));
    if (loaded.isEmpty()) {
      return Cli.USAGE;
    }
    Config config = loaded.get().config();
    SchemaStore store;
    try {
      store = SchemaStore.open(loaded.get().schemas(), loaded.get().schemasDisplay());
    } catch (StoreException e) {
      note(io.err(), "flowlint check: " + e.getMessage());
      return Cli.USAGE;
    }
    ConfigFlows.Problems flows = ConfigFlows.check(config, store, loaded.get().schemasDisplay());
    if (flows.typo().isPresent()) {
      note(io.err(), "flowlint check: " + loaded.get().configDisplay() + ": " + flows.typo().get());
      return Cli.USAGE;
    }
    for (String w : flows.warnings()) {
      note(io.err(), "flowlint check: warning: " + loaded.get().configDisplay() + ": " + w);
    }
    if (stdinFilepath != null && stdinFilepath.isBlank()) {
      return usage("--stdin-filepath names no path; write --stdin-filepath PATH");
    }
    if (paths.stream().filter("-"::equals).count() > 1) {
      // A second read of standard input gets nothing, which would be reported as an empty payload.
      return usage("- (standard input) is named twice; it can be read once");
    }
    if (fix && diff) {
      return usage("--fix and --diff do not go together: --diff shows what --fix would write");
    }
    if (staged && (fix || paths.contains("-"))) {
      return usage("--staged reads named files from git's index; it does not go with --fix or -");
    }
    List<String> globs = include.isEmpty() ? config.include() : include;
    PayloadFiles payloadFiles;
    try {
      payloadFiles = new PayloadFiles(globs, config.exclude());
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage()); // a malformed --include or exclude glob
    }
    CheckRun run = new CheckRun(store, config, Optional.ofNullable(flow), env, payloadFiles);
    // No report file may be one of the payloads it reports on: writing it would destroy the
    // payload. One in a checked directory that holds none (the last run's report) is not checked.
    for (FormatSpecs.Spec spec : specs.specs()) {
      if (spec.file().isPresent()) {
        String flag =
            spec.file().get().equals(output) ? "--output " : "--format " + spec.format().id() + "=";
        Optional<String> input = ownInput(Path.of(spec.file().get()), loaded.get());
        if (input.isPresent()) {
          return usage(
              flag
                  + spec.file().get()
                  + " is "
                  + input.get()
                  + ", which the report would overwrite; name another file");
        }
        Optional<String> payload = run.claimReport(Path.of(spec.file().get()), paths);
        if (payload.isPresent()) {
          return usage(
              flag
                  + spec.file().get()
                  + " is the payload "
                  + SafeText.name(payload.get())
                  + ", which the report would overwrite; name another file");
        }
      }
    }
    if (staged) {
      run.readingStaged(new GitIndex(Path.of(""), dev.flowlint.io.StrictText.MAX_BYTES));
    }
    if (stdinFilepath != null) {
      run.stdinAs(stdinFilepath);
    }
    ReportContext context = context(specs.specs(), failOn);
    // Standard output holds the diff, or the fixed payload of -: the report goes to standard error.
    // Said by the options, not by comparing the streams: a caller may pass one stream for both.
    boolean outputTaken = (fix || diff) && (diff || paths.contains("-"));
    PrintStream reportOut = outputTaken ? io.err() : io.out();
    // A report file that is this process's own standard output ("json=/dev/stdout") shares it with
    // the report that goes there: two documents in one stream, which nothing can read.
    long onStdout =
        specs.specs().stream()
            .filter(s -> s.file().isEmpty() ? !outputTaken : ownStdout(s.file().get()))
            .count();
    if (onStdout > 1) {
      return usage(
          "only one report can go to standard output (a FORMAT=FILE names it too); give the others"
              + " a file");
    }
    if (onStdout > 0 && outputTaken) {
      // Standard output holds the diff, or the fixed payload of -: a report there would run into
      // it.
      return usage(
          (diff ? "--diff" : "--fix with -")
              + " writes to standard output, and a FORMAT=FILE names it too; give the report"
              + " another file");
    }
    // Reports are written as files are checked (nothing is kept per file); a report to a file goes
    // to a staged file, renamed into place at the end.
    List<Rendering> renderings = new ArrayList<>();
    Optional<String> writing = Optional.empty();
    try {
      for (FormatSpecs.Spec spec : specs.specs()) {
        Reporter reporter =
            spec.format().create(spec.file().isEmpty() ? context : context.forFile());
        if (spec.file().isEmpty()) {
          PrintStream to = actions.report(spec.format(), reportOut);
          renderings.add(new Rendering(reporter, to, Optional.empty(), Optional.empty(), true));
        } else {
          writing = spec.file();
          AtomicFiles.Staged file = AtomicFiles.stage(Path.of(spec.file().get()));
          PrintStream to = new PrintStream(file.stream(), false, StandardCharsets.UTF_8);
          // A report file that is the step's standard output or error is read by the runner too.
          boolean stream = ownStdout(spec.file().get()) || ownStderr(spec.file().get());
          renderings.add(
              new Rendering(
                  reporter,
                  stream ? actions.report(spec.format(), to) : to,
                  Optional.of(file),
                  spec.file(),
                  ownStdout(spec.file().get())));
        }
      }
      writing = Optional.empty();
      if (onStdout == 0 && specs.specs().stream().allMatch(spec -> spec.file().isPresent())) {
        renderings.add(
            new Rendering(
                new TextReporter(color(), quiet),
                actions.report(OutputFormat.TEXT, reportOut),
                Optional.empty(),
                Optional.empty(),
                true));
      }
      Summary.Tally tally = new Summary.Tally();
      CheckRun.Verdict verdict = new CheckRun.Verdict(failOn);
      // A document on a stream is begun with the first file: a run that matches nothing writes
      // none there ("--format sarif > r.sarif": an empty log would close every open alert).
      boolean[] begun = {false};
      Runnable beginDocuments =
          () -> {
            if (!begun[0]) {
              begun[0] = true;
              renderings.stream()
                  .filter(r -> r.stream() && r.reporter().isDocument())
                  .forEach(r -> r.reporter().begin(r.out()));
            }
          };
      for (Rendering r : renderings) {
        if (!(r.stream() && r.reporter().isDocument())) {
          r.reporter().begin(r.out());
        }
      }
      // Directory arguments that gave a checked file (one flag per argument, not a list of files).
      List<String> dirs =
          paths.stream()
              .filter(p -> !p.equals("-") && java.nio.file.Files.isDirectory(Path.of(p)))
              .map(p -> p.endsWith("/") ? p : p + "/")
              .toList();
      java.util.Set<String> gave = new java.util.HashSet<>();
      CheckRun.Sink<FileReport> report =
          r -> {
            if (gave.size() < dirs.size()) {
              dirs.stream().filter(d -> r.path().startsWith(d)).forEach(gave::add);
            }
            tally.add(r);
            verdict.add(r);
            beginDocuments.run();
            for (Rendering x : renderings) {
              x.reporter().file(r, x.out());
            }
          };
      if (fix || diff) {
        // "fixed FILE" notes beside the report, unless the report there is a document they would
        // break (one on standard output, also as "json=/dev/stdout").
        boolean document =
            renderings.stream().anyMatch(r -> r.stream() && r.reporter().isDocument());
        PrintStream say = document ? io.err() : reportOut;
        run.fix(
            paths,
            io.in(),
            o -> {
              CheckRun.FixOutcome done = applyFix(o, say);
              report.accept(done.report());
            });
      } else {
        run.run(paths, io.in(), report);
      }
      boolean nothingMatched = tally.summary().files() == 0 && run.skipped().isEmpty();
      if (!nothingMatched || allowEmpty) {
        beginDocuments.run();
      }
      for (Rendering r : renderings) {
        if (begun[0] || !(r.stream() && r.reporter().isDocument())) {
          r.reporter().end(tally.summary(), r.out());
        }
      }
      // A report file may be this process's own standard output (/dev/stdout): what the terminal
      // got must be out before the report is added after it.
      io.out().flush();
      if (nothingMatched && !allowEmpty) {
        // A failed run writes no report file, and no document on a stream: an empty one would say
        // there is nothing to find (an empty SARIF upload closes every open alert), when nothing
        // was looked at.
        note(
            io.err(),
            "flowlint check: checked 0 files: "
                + PayloadFiles.whyNone(paths, globs)
                + " (--allow-empty makes this exit 0)");
        return Cli.USAGE;
      }
      for (Rendering r : renderings) {
        if (r.staged().isPresent()) {
          writing = r.file();
          r.out().flush();
          if (r.out().checkError()) {
            throw new IOException("write failed");
          }
          r.staged().get().commit();
        }
      }
      writing = Optional.empty();
      // A PrintStream swallows write errors (a full disk under "> report.sarif", a closed pipe): a
      // report cut short must not pass for a whole one, least of all with exit 0.
      for (Rendering r : renderings) {
        if (r.staged().isEmpty() && (r.out().checkError() || reportOut.checkError())) {
          io.err()
              .println(
                  "flowlint check: cannot write the report to standard "
                      + (r.out() == io.err() ? "error" : "output"));
          return Cli.USAGE;
        }
      }
      for (CheckRun.Skip skip : run.skipped()) {
        if (verbose || (!skip.quiet() && !quiet)) {
          note(io.err(), "skipped " + SafeText.name(skip.path()) + ": " + skip.reason());
        }
      }
      int code = verdict.exitCode();
      if (nothingMatched) {
        // Nothing matched (an empty folder, an include nothing meets): that is not "clean" (exit 2
        // above) unless --allow-empty. Files named and skipped (not payloads, excluded) did
        // match: a hook passing them stays green.
        note(io.err(), "flowlint check: checked 0 files: " + PayloadFiles.whyNone(paths, globs));
        return Cli.OK;
      }
      // A directory that gave nothing is worth a word even when other paths gave files.
      if (tally.summary().files() > 0) {
        dev.flowlint.source.InputFiles.emptyDirectories(
                paths, d -> gave.contains(d), "payload or flow files")
            .forEach(n -> note(io.err(), "flowlint check: note: " + SafeText.escape(n)));
      }
      // --diff exits as check does: its report holds every finding, so the two agree.
      return code;
    } catch (StoreException | SchemaStore.BadSchema e) {
      note(io.err(), "flowlint check: " + e.getMessage());
      return Cli.USAGE;
    } catch (IOException | java.io.UncheckedIOException e) {
      String why =
          e instanceof java.io.UncheckedIOException u
              ? u.getMessage() + ": " + AtomicFiles.describe(u.getCause())
              : AtomicFiles.describe((IOException) e);
      note(
          io.err(),
          "flowlint check: " + writing.map(f -> "cannot write " + f + ": ").orElse("") + why);
      return Cli.USAGE;
    } finally {
      for (Rendering r : renderings) {
        if (r.staged().isPresent()) {
          try {
            r.staged().get().close();
          } catch (IOException ignored) {
            // the staged file is gone or was never made: nothing to take away
          }
        }
      }
    }
  }

  /**
   * What {@code file} is among the run's own inputs, if it is one: the settings file, or the index
   * or a schema of the schemas directory. A report written there would break every later run.
   */
  private static Optional<String> ownInput(Path file, ConfigOptions.Loaded loaded) {
    if (!java.nio.file.Files.exists(file)) {
      return Optional.empty();
    }
    try {
      Path config = Path.of(loaded.configDisplay());
      if (java.nio.file.Files.exists(config) && java.nio.file.Files.isSameFile(file, config)) {
        return Optional.of("the settings file " + loaded.configDisplay());
      }
      Path dir = file.toAbsolutePath().getParent();
      String name = String.valueOf(file.getFileName());
      if (dir != null
          && (name.equals("index.json") || name.endsWith(".schema.json"))
          && java.nio.file.Files.isDirectory(loaded.schemas())
          && java.nio.file.Files.isSameFile(dir, loaded.schemas())) {
        return Optional.of("a file of the schemas directory " + loaded.schemasDisplay());
      }
    } catch (IOException e) {
      return Optional.empty(); // cannot compare: the write itself will say what is wrong
    }
    return Optional.empty();
  }

  /**
   * A reporter and where it writes; a report to a file writes to a staged file that is renamed into
   * place at the end. {@code stream}: the report is on standard output or error, or in a file that
   * is standard output ("json=/dev/stdout").
   */
  private record Rendering(
      Reporter reporter,
      PrintStream out,
      Optional<AtomicFiles.Staged> staged,
      Optional<String> file,
      boolean stream) {}

  /**
   * Writes (--fix) or shows (--diff) one outcome and says what changed. Returns the outcome as it
   * stands on disk: one not written (--diff, or a write refused) keeps its findings.
   */
  private CheckRun.FixOutcome applyFix(CheckRun.FixOutcome o, PrintStream say) {
    String path = o.report().path();
    o.refused().ifPresent(why -> note(say, "not fixed " + SafeText.name(path) + ": " + why));
    if (o.stdin() && fix) {
      io.out().print(o.fixed());
    }
    if (!o.changed()) {
      return o;
    }
    if (diff) {
      // --diff writes nothing: the file still has every finding, the fixable ones included.
      String diffText = UnifiedDiff.of(path, o.original(), o.fixed());
      io.out().print(actions.note(diffText));
      return o.unwritten();
    }
    if (!o.stdin()) {
      // A symbolic link is followed: its target is fixed and the link stays a link.
      Optional<String> refusal = AtomicFiles.refusalToRewrite(Path.of(path));
      if (refusal.isEmpty()) {
        refusal = changedSinceRead(Path.of(path), o.original(), o.fixed());
      }
      try {
        if (refusal.isEmpty()) {
          AtomicFiles.write(Path.of(path).toRealPath(), o.fixed());
        }
      } catch (IOException e) {
        refusal = Optional.of("cannot write it (" + AtomicFiles.describe(e) + ")");
      }
      if (refusal.isPresent()) {
        note(say, "not fixed " + SafeText.name(path) + ": " + refusal.get());
        return o.unwritten();
      }
    }
    note(
        say,
        "fixed "
            + SafeText.name(path)
            + ": "
            + o.applied().size()
            + (o.applied().size() == 1 ? " fix (" : " fixes (")
            + o.applied().stream().map(Fix::description).collect(Collectors.joining("; "))
            + ")");
    return o;
  }

  /**
   * Why the file must not get the fixed text, if it no longer holds the text the fixes were made
   * for: an edit saved while the run checked it would be lost. (A save between this look and the
   * rename can still be; the window is the time a write takes, not the whole run.) A file that
   * already holds the fixed text (named twice in one run) is not "changed".
   */
  private static Optional<String> changedSinceRead(Path file, String original, String fixed) {
    try {
      String now = dev.flowlint.io.StrictText.readRegular(file);
      return now.equals(original) || now.equals(fixed)
          ? Optional.empty()
          : Optional.of("it changed after flowlint read it; run --fix again");
    } catch (dev.flowlint.io.StrictText.Unreadable e) {
      return Optional.of("it changed after flowlint read it (" + e.getMessage() + ")");
    }
  }

  private boolean color() {
    if (colorWhen == Choices.ColorWhen.ALWAYS) {
      return true;
    }
    if (colorWhen == Choices.ColorWhen.NEVER) {
      return false;
    }
    return io.out() == System.out && Terminal.colorAuto(io.env(), Terminal.stdoutIsTerminal());
  }

  /** The repository root is looked up only for the formats that report paths relative to it. */
  private ReportContext context(List<FormatSpecs.Spec> specs, Severity failOn) {
    Path cwd = Path.of("").toAbsolutePath();
    boolean needsRoot = specs.stream().anyMatch(s -> s.format().needsRoot());
    Path root = needsRoot ? GitIndex.topLevel(cwd).orElse(cwd) : cwd;
    return new ReportContext(Cli.version(), color(), quiet, failOn, cwd, root);
  }

  /**
   * Whether {@code file} is this process's standard output (/dev/stdout, /dev/fd/1, its target).
   */
  private boolean ownStdout(String file) {
    return io.out() == System.out && AtomicFiles.isStream(file, "/dev/stdout");
  }

  /** Whether {@code file} is this process's standard error (/dev/stderr, /dev/fd/2, its target). */
  private boolean ownStderr(String file) {
    return io.err() == System.err && AtomicFiles.isStream(file, "/dev/stderr");
  }

  /** A line beside the report; inert when the runner reads this run's output for commands. */
  private void note(PrintStream to, String line) {
    to.println(actions.note(line));
  }

  /** A usage error; inert when the runner reads it (it can name a payload a pull request named). */
  private int usage(String message) {
    note(io.err(), "flowlint check: " + message);
    return Cli.USAGE;
  }
}
