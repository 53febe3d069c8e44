package dev.flowlint.check;

import dev.flowlint.config.Config;
import dev.flowlint.fix.FixApplier;
import dev.flowlint.io.StrictText;
import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.Envelope;
import dev.flowlint.model.FileReport;
import dev.flowlint.model.Fix;
import dev.flowlint.model.Rule;
import dev.flowlint.model.Severity;
import dev.flowlint.model.TextLines;
import dev.flowlint.payload.DuplicateKeys;
import dev.flowlint.payload.ParsedPayload;
import dev.flowlint.payload.TemplateJsonParser;
import dev.flowlint.schema.SchemaStore;
import dev.flowlint.schema.SchemaStore.StoreException;
import dev.flowlint.source.GitIndex;
import dev.flowlint.source.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Checks a list of paths (files, directories, "-" for stdin) and gives one report per file. */
public final class CheckRun {
  /**
   * Batches in flight at most, their reports handed on in order: bounds memory whatever the number
   * of files.
   */
  private static final int WINDOW = 32;

  /** Inputs per task: handing each file to a thread on its own costs more than a small check. */
  private static final int BATCH = 16;

  /**
   * A checker per thread: its rules and compiled schemas are not shared, so nothing is locked while
   * checking.
   */
  private final ThreadLocal<PayloadChecker> checkers;

  private final ThreadLocal<CallSiteChecker> calls;
  private final Config config;
  private final Optional<String> flow;
  private final Optional<Envelope> envelope;

  /** The target of a file that neither --flow nor a payloads mapping names. */
  private final Target unmapped;

  private final PayloadFiles payloadFiles;

  /**
   * This run's report files as a directory walk shows them ({@link #claimReport}): passed over, not
   * checked.
   */
  private final Set<String> ownReports = new HashSet<>();

  private Optional<GitIndex> staged = Optional.empty();
  private Optional<String> stdinPath = Optional.empty();

  /**
   * Added to only on the thread that hands results on, in input order (workers return their skip
   * with their result), so the order is the input's whatever thread checked a file; synchronized so
   * that reading it while a run goes on is safe.
   */
  private final List<Skip> skipped = Collections.synchronizedList(new ArrayList<>());

  /**
   * A file that was not checked, and why.
   *
   * @param quiet something flowlint knows is not a payload (a definition, its own output), or a
   *     file the config's include/exclude leaves out: shown only with --verbose
   */
  public record Skip(String path, String reason, boolean quiet) {}

  public CheckRun(
      SchemaStore store,
      Config config,
      Optional<String> flow,
      Optional<Envelope> envelope,
      PayloadFiles payloadFiles) {
    this.checkers = ThreadLocal.withInitial(() -> new PayloadChecker(store, config));
    this.calls = ThreadLocal.withInitial(() -> new CallSiteChecker(store, config));
    this.config = config;
    this.flow = flow;
    this.envelope = envelope;
    this.payloadFiles = payloadFiles;
    this.unmapped = new Target(Optional.empty(), "flowlint.yaml payloads \"\"", envelope);
  }

  /**
   * Reads the named files from git's index (what is being committed), not from the working tree.
   */
  public CheckRun readingStaged(GitIndex index) {
    this.staged = Optional.of(index);
    return this;
  }

  /** Reports standard input under this path and applies the config's mapping for it. */
  public CheckRun stdinAs(String path) {
    this.stdinPath = Optional.of(path);
    return this;
  }

  /** Files left unchecked so far, in input order. */
  public List<Skip> skipped() {
    synchronized (skipped) {
      return List.copyOf(skipped);
    }
  }

  private String stdinDisplay() {
    return stdinPath.orElse("<stdin>");
  }

  /** Receives results one at a time, in input order, on the thread that started the run. */
  @FunctionalInterface
  public interface Sink<T> {
    void accept(T result) throws IOException;
  }

  /** Checks every path and gives the reports in a list (small runs, tests). */
  public List<FileReport> run(List<String> paths, InputStream stdin)
      throws IOException, StoreException {
    List<FileReport> reports = new ArrayList<>();
    run(paths, stdin, reports::add);
    return reports;
  }

  /**
   * Checks every path, handing each report to {@code sink} as soon as it and all before it are
   * done: files are checked in parallel, reports come out in input order, and at most a window of
   * them is held at once.
   */
  public void run(List<String> paths, InputStream stdin, Sink<FileReport> sink)
      throws IOException, StoreException {
    inOrder(
        jobs(
            paths,
            stdin,
            (display, source, named) -> () -> checkText(display, source, named),
            (display, why) -> unreadable(display, why)),
        sink);
  }

  /**
   * A payload with its fixes applied, pass after pass until none is left (at most five passes).
   *
   * @param refused why fixes were held back (the result would not parse), if they were
   * @param stdin the payload came from standard input (its fixed text is printed, not written),
   *     whatever name it is reported under: a file may have the same name
   */
  public record FixOutcome(
      FileReport report,
      String original,
      String fixed,
      List<Fix> applied,
      Optional<String> refused,
      FileReport before,
      boolean stdin) {
    public FixOutcome(
        FileReport report,
        String original,
        String fixed,
        List<Fix> applied,
        Optional<String> refused,
        FileReport before) {
      this(report, original, fixed, applied, refused, before, false);
    }

    public FixOutcome(
        FileReport report,
        String original,
        String fixed,
        List<Fix> applied,
        Optional<String> refused) {
      this(report, original, fixed, applied, refused, report);
    }

    public boolean changed() {
      return !original.equals(fixed);
    }

    /** The fixed text could not be written: the file still has every finding it had. */
    public FixOutcome unwritten() {
      return new FixOutcome(before, original, original, List.of(), refused, before, stdin);
    }

    FixOutcome fromStdin() {
      return new FixOutcome(report, original, fixed, applied, refused, before, true);
    }
  }

  /** Like {@link #run}, but fixes each payload in memory; the caller decides what to write. */
  public List<FixOutcome> fix(List<String> paths, InputStream stdin)
      throws IOException, StoreException {
    List<FixOutcome> out = new ArrayList<>();
    fix(paths, stdin, out::add);
    return out;
  }

  /** Like {@link #run(List, InputStream, Sink)}, with each payload fixed in memory. */
  public void fix(List<String> paths, InputStream stdin, Sink<FixOutcome> sink)
      throws IOException, StoreException {
    // What check skips, --fix leaves alone (and notes as skipped, so the exit code is check's):
    // package.json is not rewritten as a payload.
    inOrder(
        jobs(
            paths,
            stdin,
            (display, source, named) ->
                () -> {
                  // Only standard input is "named" (always checked): marked as such, not by name.
                  Done<FixOutcome> d = fixText(display, source, named);
                  return named ? new Done<>(d.result().map(FixOutcome::fromStdin), d.skip()) : d;
                },
            (display, why) ->
                new FixOutcome(unreadable(display, why), "", "", List.of(), Optional.empty())),
        sink);
  }

  /** Checks a text given in memory (a pasted payload) for the target given. */
  public FileReport check(String display, String text, Target target) throws StoreException {
    return checkers.get().check(display, text, target);
  }

  /**
   * Fixes a text given in memory exactly as {@code check --fix} fixes a file: the same passes, the
   * same refusal.
   */
  public FixOutcome fix(String display, String text, Target target) throws StoreException {
    return fixPayload(display, text, target);
  }

  /**
   * What one input gave: a result, or a file left unchecked (or both: standard input that --fix
   * passes over still comes back).
   */
  private record Done<T>(Optional<T> result, Optional<Skip> skip) {
    static <T> Done<T> of(T result) {
      return new Done<>(Optional.of(result), Optional.empty());
    }

    static <T> Done<T> skipped(Skip skip) {
      return new Done<>(Optional.empty(), Optional.of(skip));
    }
  }

  /** Work for one input, run on any thread; it changes nothing shared. */
  private interface Job<T> {
    Done<T> call() throws StoreException;
  }

  private interface JobMaker<T> {
    /**
     * @param named standard input, always checked (other files may be skipped as not payloads)
     */
    Job<T> make(String display, TextSource source, boolean named);
  }

  private interface Unreadable<T> {
    T of(String display, String why);
  }

  /**
   * The inputs in order, lazily: each run of file arguments (directories walked as they are
   * reached) followed by the entries that could not be read, and standard input where "-" stands.
   */
  private <T> Iterator<Job<T>> jobs(
      List<String> paths, InputStream stdin, JobMaker<T> maker, Unreadable<T> unreadable) {
    List<List<String>> groups = new ArrayList<>();
    List<String> files = new ArrayList<>();
    for (String p : paths) {
      if (p.equals("-")) {
        groups.add(files);
        groups.add(null);
        files = new ArrayList<>();
      } else {
        files.add(p);
      }
    }
    groups.add(files);
    return new Iterator<>() {
      private final Iterator<List<String>> group = groups.iterator();
      private Iterator<InputFiles.InputFile> walk = Collections.emptyIterator();
      private List<InputFiles.Skipped> missing = new ArrayList<>();
      private Iterator<InputFiles.Skipped> missingAfter = Collections.emptyIterator();
      private Job<T> next;

      @Override
      public boolean hasNext() {
        while (next == null) {
          if (walk.hasNext()) {
            InputFiles.InputFile f = walk.next();
            Optional<String> left = payloadFiles.leavesOut(f.display());
            if (left.isPresent()) {
              Skip s = new Skip(f.display(), left.get(), true);
              next = () -> Done.skipped(s);
            } else if (!ownReports.isEmpty() && ownReports.contains(f.display())) {
              Skip s = new Skip(f.display(), "this run's own report, about to be replaced", true);
              next = () -> Done.skipped(s);
            } else if (staged.isPresent()) {
              Job<T> job = maker.make(f.display(), () -> read(f), false);
              next =
                  () -> {
                    Optional<Skip> link = stagedLink(f.display());
                    return link.isPresent() ? Done.skipped(link.get()) : job.call();
                  };
            } else {
              next = maker.make(f.display(), () -> read(f), false);
            }
          } else if (missingAfter.hasNext()) {
            InputFiles.Skipped m = missingAfter.next();
            next = () -> Done.of(unreadable.of(m.display(), m.reason()));
          } else if (!missing.isEmpty()) {
            missingAfter = missing.iterator();
            missing = new ArrayList<>();
          } else if (group.hasNext()) {
            List<String> g = group.next();
            if (g == null) {
              next = maker.make(stdinDisplay(), () -> StrictText.read(stdin), true);
            } else if (!g.isEmpty()) {
              walk = files(g, missing);
            }
          } else {
            return false;
          }
        }
        return true;
      }

      @Override
      public Job<T> next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        Job<T> j = next;
        next = null;
        return j;
      }
    };
  }

  /** The files named or found, lazily; with --staged every argument is a staged file's name. */
  private Iterator<InputFiles.InputFile> files(
      List<String> args, List<InputFiles.Skipped> missing) {
    if (staged.isEmpty()) {
      return InputFiles.walk(args, this::accepts, missing);
    }
    List<InputFiles.InputFile> out = new ArrayList<>();
    for (String a : args) {
      if (Files.isDirectory(Path.of(a))) {
        missing.add(new InputFiles.Skipped(a, "a directory; with --staged, name the staged files"));
      } else {
        out.add(new InputFiles.InputFile(Path.of(a), a));
      }
    }
    staged.get().preload(out.stream().map(InputFiles.InputFile::display).toList());
    return out.iterator();
  }

  /**
   * A staged symbolic link (or submodule) is not a file's content: git commits the link text
   * ("ok.json"), which is no payload. It is skipped rather than resolved: its target, when staged,
   * is named and checked on its own, and one outside the repository is not what is committed.
   */
  private Optional<Skip> stagedLink(String display) {
    return switch (staged.get().mode(display).orElse("")) {
      case "120000" ->
          Optional.of(
              new Skip(
                  display,
                  "a symbolic link in git's index: the commit holds the link, not its target (a"
                      + " staged target is checked on its own)",
                  false));
      case "160000" -> Optional.of(new Skip(display, "a submodule in git's index", false));
      default -> Optional.empty();
    };
  }

  private String read(InputFiles.InputFile f) throws StrictText.Unreadable {
    if (staged.isEmpty()) {
      return StrictText.readRegular(f.path()); // InputFiles.walk gives regular files only
    }
    try {
      return StrictText.decode(staged.get().staged(f.display()));
    } catch (GitIndex.Unavailable e) {
      throw new StrictText.Unreadable(e.getMessage());
    }
  }

  /** Files found inside directories: payloads, and flow files whose call sites are checked. */
  private boolean accepts(String fileName) {
    return payloadFiles.accepts(fileName) || FileKinds.isFlowFileName(fileName);
  }

  /**
   * Runs the jobs on the available cores and hands the results to the sink in order. A single input
   * is checked on this thread: a one-file run starts no threads.
   */
  private <T> void inOrder(Iterator<Job<T>> jobs, Sink<T> sink) throws IOException, StoreException {
    try {
      inOrderOnCores(jobs, sink);
    } finally {
      staged.ifPresent(GitIndex::release); // the git process that read the staged files
    }
  }

  private <T> void inOrderOnCores(Iterator<Job<T>> jobs, Sink<T> sink)
      throws IOException, StoreException {
    if (!jobs.hasNext()) {
      return;
    }
    Job<T> first = jobs.next();
    if (!jobs.hasNext()) {
      hand(first.call(), sink);
      return;
    }
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 16));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "flowlint-check");
              t.setDaemon(true);
              return t;
            });
    ArrayDeque<Future<List<Done<T>>>> window = new ArrayDeque<>();
    try {
      List<Job<T>> batch = new ArrayList<>(BATCH);
      batch.add(first);
      while (jobs.hasNext()) {
        batch.add(jobs.next());
        if (batch.size() == BATCH) {
          window.add(pool.submit(batchOf(batch)));
          batch = new ArrayList<>(BATCH);
          if (window.size() >= WINDOW) {
            for (Done<T> d : result(window.poll())) {
              hand(d, sink);
            }
          }
        }
      }
      if (!batch.isEmpty()) {
        window.add(pool.submit(batchOf(batch)));
      }
      while (!window.isEmpty()) {
        for (Done<T> d : result(window.poll())) {
          hand(d, sink);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** On the run's thread, in input order: the skip is noted, the result handed on. */
  private <T> void hand(Done<T> done, Sink<T> sink) throws IOException {
    done.skip().ifPresent(skipped::add);
    if (done.result().isPresent()) {
      sink.accept(done.result().get());
    }
  }

  private static <T> java.util.concurrent.Callable<List<Done<T>>> batchOf(List<Job<T>> batch) {
    return () -> {
      List<Done<T>> out = new ArrayList<>(batch.size());
      for (Job<T> j : batch) {
        out.add(j.call());
      }
      return out;
    };
  }

  private static <T> T result(Future<T> f) throws StoreException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof StoreException se) {
        throw se;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  private Done<FixOutcome> fixText(String display, TextSource source, boolean named)
      throws StoreException {
    String text;
    try {
      text = source.read();
    } catch (StrictText.Unreadable e) {
      return Done.of(
          new FixOutcome(unreadable(display, e.getMessage()), "", "", List.of(), Optional.empty()));
    }
    FileKinds.Kind kind = FileKinds.of(display, text);
    if (kind == FileKinds.Kind.SKIP) {
      if (!named) {
        return Done.skipped(notAFlow(display));
      }
      // Standard input comes back as it was: --fix with - promises the payload on standard output.
      FileReport none =
          new FileReport(
              display, Optional.empty(), Optional.empty(), List.of(), new TextLines(text));
      return new Done<>(
          Optional.of(new FixOutcome(none, text, text, List.of(), Optional.empty())),
          Optional.of(notAFlow(display)));
    }
    if (kind != FileKinds.Kind.PAYLOAD) {
      return Done.of(CallSiteFixes.fix(calls.get(), display, text, kind));
    }
    Target target = targetFor(display);
    Optional<Skip> skip = skips(display, text, TemplateJsonParser.parse(text), named, target);
    if (skip.isPresent()) {
      return Done.skipped(skip.get());
    }
    return Done.of(fixPayload(display, text, target));
  }

  private FixOutcome fixPayload(String display, String text, Target target) throws StoreException {
    String original = text;
    List<Fix> applied = new ArrayList<>();
    Optional<String> refused = Optional.empty();
    PayloadChecker checker = checkers.get();
    FileReport report = checker.check(display, text, target);
    FileReport before = report;
    for (int pass = 0; pass < 5; pass++) {
      FixApplier.Applied next = FixApplier.apply(text, report.diagnostics());
      if (next.fixes().isEmpty()) {
        break;
      }
      List<Fix> duplicating = duplicating(text, next.fixes());
      if (!duplicating.isEmpty()) {
        // A fix must never create a duplicate key: hold those back and say so; the findings stay.
        refused =
            Optional.of(
                "these fixes would repeat a key, so they were not applied: "
                    + Fix.describe(duplicating));
        List<Diagnostic> rest =
            report.diagnostics().stream()
                .filter(d -> d.fix().map(f -> !duplicating.contains(f)).orElse(true))
                .toList();
        next = FixApplier.apply(text, rest);
        if (next.fixes().isEmpty()) {
          break;
        }
      }
      if (TemplateJsonParser.parse(next.text()).error().isPresent()) {
        refused =
            Optional.of(
                "the fixed text would not parse, so these fixes were not applied: "
                    + Fix.describe(next.fixes()));
        break;
      }
      text = next.text();
      applied.addAll(next.fixes());
      report = checker.check(display, text, target);
    }
    return new FixOutcome(report, original, text, applied, refused, before);
  }

  /** The fixes that, applied alone, would add a repeated key to {@code text}. */
  private static List<Fix> duplicating(String text, List<Fix> fixes) {
    int before = DuplicateKeys.count(text);
    List<Fix> all = fixes;
    if (DuplicateKeys.count(FixApplier.applyFixes(text, all)) <= before) {
      return List.of();
    }
    List<Fix> out = new ArrayList<>();
    for (Fix f : all) {
      if (DuplicateKeys.count(FixApplier.applyFixes(text, List.of(f))) > before) {
        out.add(f);
      }
    }
    return out.isEmpty() ? all : out;
  }

  private interface TextSource {
    String read() throws StrictText.Unreadable;
  }

  /**
   * @param named standard input, which is always checked; other files that nothing maps to a flow
   *     are skipped when they are plainly not payloads
   */
  private Done<FileReport> checkText(String display, TextSource source, boolean named)
      throws StoreException {
    String text;
    try {
      text = source.read();
    } catch (StrictText.Unreadable e) {
      return Done.of(unreadable(display, e.getMessage()));
    }
    switch (FileKinds.of(display, text)) {
      case SKIP:
        return Done.skipped(notAFlow(display));
      case FLOW_YAML:
        return Done.of(calls.get().check(display, text, FileKinds.Kind.FLOW_YAML));
      case FLOW_EXPORT:
        return Done.of(calls.get().check(display, text, FileKinds.Kind.FLOW_EXPORT));
      case PAYLOAD:
      default:
        break;
    }
    ParsedPayload parsed = TemplateJsonParser.parse(text);
    Target target = targetFor(display);
    Optional<Skip> skip = skips(display, text, parsed, named, target);
    if (skip.isPresent()) {
      return Done.skipped(skip.get());
    }
    return Done.of(checkers.get().check(display, text, parsed, target));
  }

  /** YAML that is no Archy flow: skipped by check, --fix and --diff alike. */
  private static Skip notAFlow(String display) {
    return new Skip(
        display,
        "YAML whose first key is not an Archy flow type ("
            + String.join(", ", FileKinds.rootKeys())
            + ")",
        true);
  }

  /**
   * Why a file nothing names explicitly is plainly not a payload, if it is (then it is skipped).
   */
  private Optional<Skip> skips(
      String display, String text, ParsedPayload parsed, boolean named, Target target) {
    boolean explicit =
        named
            || target.flow().isPresent()
            || target.envelope().isPresent()
            || config.mappingFor(display).isPresent();
    if (explicit) {
      return Optional.empty();
    }
    return NonPayloads.classify(parsed, text).map(r -> new Skip(display, r.text(), r.quiet()));
  }

  private Target targetFor(String display) {
    Optional<Config.PayloadMapping> mapping = config.mappingFor(display);
    if (mapping.isEmpty() && flow.isEmpty()) {
      return unmapped; // most files of most runs: made once
    }
    if (flow.isPresent()) {
      return new Target(
          flow, "--flow", envelope.or(() -> mapping.flatMap(Config.PayloadMapping::envelope)));
    }
    return new Target(
        mapping.flatMap(Config.PayloadMapping::flow),
        "flowlint.yaml payloads \"" + mapping.map(Config.PayloadMapping::files).orElse("") + "\"",
        envelope.or(() -> mapping.flatMap(Config.PayloadMapping::envelope)));
  }

  private static FileReport unreadable(String display, String why) {
    TextLines none = new TextLines("");
    Diagnostic d =
        new Diagnostic(
            Rule.UNREADABLE_FILE,
            Severity.ERROR,
            "cannot read this file: " + why,
            "",
            none.span(0, 0),
            Optional.empty(),
            List.of());
    return new FileReport(display, Optional.empty(), Optional.empty(), List.of(d), none);
  }

  /**
   * Claims {@code file} as a report this run writes, and gives the payload it would overwrite, if
   * it is one: a path named among {@code paths} (whatever it holds), or a file found in a directory
   * being checked that would be checked. A file found there that holds no payload (a report of an
   * earlier run) is claimed instead: the walk passes over it, as it is about to be replaced.
   */
  public Optional<String> claimReport(Path file, List<String> paths) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Path real;
    try {
      real = file.toRealPath();
    } catch (IOException e) {
      return Optional.empty();
    }
    Optional<InputFiles.InputFile> found = Optional.empty();
    for (String arg : paths) {
      if (arg.equals("-")) {
        continue;
      }
      if (!Files.isDirectory(Path.of(arg))) {
        if (sameFile(Path.of(arg), real)) {
          return Optional.of(arg);
        }
      } else if (found.isEmpty() && below(Path.of(arg), real)) {
        found = findIn(arg, real);
      }
    }
    if (found.isPresent() && holdsPayload(found.get())) {
      return Optional.of(found.get().display());
    }
    found.ifPresent(f -> ownReports.add(f.display()));
    return Optional.empty();
  }

  /** The file {@code real} as the walk of the directory {@code arg} finds it, if it does. */
  private Optional<InputFiles.InputFile> findIn(String arg, Path real) {
    // Walked lazily, and only the argument that can hold it: no list of every file is made.
    Iterator<InputFiles.InputFile> walk =
        InputFiles.walk(List.of(arg), this::accepts, new ArrayList<>());
    while (walk.hasNext()) {
      InputFiles.InputFile f = walk.next();
      if (sameFile(f.path(), real)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a file found in a directory would be checked: a report must not overwrite it. Decided
   * as the check decides (--flow, --envelope and flowlint.yaml mappings make a file a payload
   * whatever it holds); only a blank file, or one plainly no payload (an earlier report), may be
   * replaced. One that cannot be read is kept: it is not ours to destroy.
   */
  private boolean holdsPayload(InputFiles.InputFile f) {
    String text;
    try {
      text = StrictText.readRegular(f.path());
    } catch (StrictText.Unreadable e) {
      return true;
    }
    if (text.isBlank()) {
      return false;
    }
    if (FileKinds.of(f.display(), text) != FileKinds.Kind.PAYLOAD) {
      return true; // a flow definition or other YAML: never replaced by a report
    }
    ParsedPayload parsed = TemplateJsonParser.parse(text);
    if (NonPayloads.isReport(parsed)) {
      return false; // an earlier run's report, even where --flow or a mapping covers the directory
    }
    return skips(f.display(), text, parsed, false, targetFor(f.display())).isEmpty();
  }

  private static boolean sameFile(Path a, Path real) {
    try {
      return Files.isSameFile(a, real);
    } catch (IOException e) {
      return false; // cannot compare: not the same file as far as we can tell
    }
  }

  /** Whether {@code real} lies below the directory {@code dir}. */
  private static boolean below(Path dir, Path real) {
    try {
      return real.startsWith(dir.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Exit code of DESIGN.md §4: 2 for an unreadable file, 1 for findings at or above failOn, else 0.
   */
  public static int exitCode(List<FileReport> reports, Severity failOn) {
    Verdict v = new Verdict(failOn);
    reports.forEach(v::add);
    return v.exitCode();
  }

  /** The exit code of a run, taken file by file so the reports need not be kept. */
  public static final class Verdict {
    private final Severity failOn;
    private boolean unreadable;
    private boolean failing;

    public Verdict(Severity failOn) {
      this.failOn = failOn;
    }

    public void add(FileReport r) {
      for (Diagnostic d : r.diagnostics()) {
        unreadable |= d.rule() == Rule.UNREADABLE_FILE;
        failing |= d.severity().atLeast(failOn);
      }
    }

    public int exitCode() {
      return unreadable ? 2 : failing ? 1 : 0;
    }
  }
}
