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
import dev.flowlint.payload.PayloadText;
import dev.flowlint.model.TextLines;
import dev.flowlint.schema.SchemaStore;
import dev.flowlint.schema.SchemaStore.StoreException;
import dev.flowlint.source.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.List;
import java.util.Optional;

/** Checks a list of paths (files, directories, "-" for stdin) and gives one report per file. */
public final class CheckRun {
  /** Batches in flight at most, their reports handed on in order: bounds memory whatever the number of files. */
  private static final int WINDOW = 32;
  /** Inputs per task: handing each file to a thread on its own costs more than a small check. */
  private static final int BATCH = 16;
  /** A checker per thread: its rules and compiled schemas are not shared, so nothing is locked while checking. */
  private final ThreadLocal<PayloadChecker> checkers;
  private final Config config;
  private final Optional<String> flow;
  private final Optional<Envelope> envelope;
  private final PayloadFiles payloadFiles;

  public CheckRun(SchemaStore store, Config config, Optional<String> flow, Optional<Envelope> envelope, PayloadFiles payloadFiles) {
    this.checkers = ThreadLocal.withInitial(() -> new PayloadChecker(store, config));
    this.config = config;
    this.flow = flow;
    this.envelope = envelope;
    this.payloadFiles = payloadFiles;
  }

  /** Receives results one at a time, in input order, on the thread that started the run. */
  @FunctionalInterface
  public interface Sink<T> {
    void accept(T result) throws IOException;
  }

  /** Checks every path and gives the reports in a list (small runs, tests). */
  public List<FileReport> run(List<String> paths, InputStream stdin) throws IOException, StoreException {
    List<FileReport> reports = new ArrayList<>();
    run(paths, stdin, reports::add);
    return reports;
  }

  /**
   * Checks every path, handing each report to {@code sink} as soon as it and all before it are
   * done: files are checked in parallel, reports come out in input order, and at most a window of
   * them is held at once.
   */
  public void run(List<String> paths, InputStream stdin, Sink<FileReport> sink) throws IOException, StoreException {
    inOrder(jobs(paths, stdin, (display, source) -> () -> checkText(display, source),
        (display, why) -> unreadable(display, why)), sink);
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
    fix(paths, stdin, out::add);
    return out;
  }

  /** Like {@link #run(List, InputStream, Sink)}, with each payload fixed in memory. */
  public void fix(List<String> paths, InputStream stdin, Sink<FixOutcome> sink) throws IOException, StoreException {
    inOrder(jobs(paths, stdin, (display, source) -> () -> fixText(display, source),
        (display, why) -> new FixOutcome(unreadable(display, why), "", "", List.of(), Optional.empty())), sink);
  }

  /** Work for one input, run on any thread. */
  private interface Job<T> {
    T call() throws StoreException;
  }

  private interface JobMaker<T> {
    Job<T> make(String display, TextSource source);
  }

  private interface Unreadable<T> {
    T of(String display, String why);
  }

  /**
   * The inputs in order, lazily: each run of file arguments (directories walked as they are
   * reached) followed by the entries that could not be read, and standard input where "-" stands.
   */
  private <T> Iterator<Job<T>> jobs(List<String> paths, InputStream stdin, JobMaker<T> maker, Unreadable<T> unreadable) {
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
      private List<InputFiles.Skipped> skipped = new ArrayList<>();
      private Iterator<InputFiles.Skipped> skippedAfter = Collections.emptyIterator();
      private Job<T> next;

      @Override
      public boolean hasNext() {
        while (next == null) {
          if (walk.hasNext()) {
            InputFiles.InputFile f = walk.next();
            next = maker.make(f.display(), () -> PayloadText.read(f.path()));
          } else if (skippedAfter.hasNext()) {
            InputFiles.Skipped m = skippedAfter.next();
            next = () -> unreadable.of(m.display(), m.reason());
          } else if (!skipped.isEmpty()) {
            skippedAfter = skipped.iterator();
            skipped = new ArrayList<>();
          } else if (group.hasNext()) {
            List<String> g = group.next();
            if (g == null) {
              next = maker.make("<stdin>", () -> PayloadText.read(stdin));
            } else if (!g.isEmpty()) {
              walk = InputFiles.walk(g, payloadFiles::accepts, skipped);
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

  /**
   * Runs the jobs on the available cores and hands the results to the sink in order. A single
   * input is checked on this thread: a one-file run starts no threads.
   */
  private <T> void inOrder(Iterator<Job<T>> jobs, Sink<T> sink) throws IOException, StoreException {
    if (!jobs.hasNext()) {
      return;
    }
    Job<T> first = jobs.next();
    if (!jobs.hasNext()) {
      sink.accept(first.call());
      return;
    }
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 16));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "flowlint-check");
      t.setDaemon(true);
      return t;
    });
    ArrayDeque<Future<List<T>>> window = new ArrayDeque<>();
    try {
      List<Job<T>> batch = new ArrayList<>(BATCH);
      batch.add(first);
      while (jobs.hasNext()) {
        batch.add(jobs.next());
        if (batch.size() == BATCH) {
          window.add(pool.submit(batchOf(batch)));
          batch = new ArrayList<>(BATCH);
          if (window.size() >= WINDOW) {
            for (T r : result(window.poll())) {
              sink.accept(r);
            }
          }
        }
      }
      if (!batch.isEmpty()) {
        window.add(pool.submit(batchOf(batch)));
      }
      while (!window.isEmpty()) {
        for (T r : result(window.poll())) {
          sink.accept(r);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> java.util.concurrent.Callable<List<T>> batchOf(List<Job<T>> batch) {
    return () -> {
      List<T> out = new ArrayList<>(batch.size());
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

  private FixOutcome fixText(String display, TextSource source) throws StoreException {
    String text;
    try {
      text = source.read();
    } catch (PayloadText.Unreadable e) {
      return new FixOutcome(unreadable(display, e.getMessage()), "", "", List.of(), Optional.empty());
    }
    String original = text;
    List<Fix> applied = new ArrayList<>();
    Optional<String> refused = Optional.empty();
    PayloadChecker checker = checkers.get();
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
    String read() throws PayloadText.Unreadable;
  }

  private FileReport checkText(String display, TextSource source) throws StoreException {
    String text;
    try {
      text = source.read();
    } catch (PayloadText.Unreadable e) {
      return unreadable(display, e.getMessage());
    }
    return checkers.get().check(display, text, targetFor(display));
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
