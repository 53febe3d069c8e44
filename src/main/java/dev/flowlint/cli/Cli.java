package dev.flowlint.cli;

import dev.flowlint.genesys.RetryPolicy;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Wires the commands to streams and returns the exit code (DESIGN.md §4: 0, 1, 2). */
@Command(
    name = "flowlint",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.Version.class,
    description =
        "Checks that payloads will really reach a Genesys Cloud Architect flow: exact input names, required inputs, value types and the envelope around them, offline.",
    footer = {
      "",
      "Examples:",
      // Each line fits picocli's 80 columns, which would otherwise break it mid-word.
      "  flowlint import flows/ exports/         write schemas/ from flows and exports",
      "  flowlint check payloads/                check payloads and templates",
      "  pbpaste | flowlint check - --flow NAME  diagnose a pasted payload",
      "",
      "Exit codes: 0 clean, 1 findings, 2 usage error or unusable input."
    })
public final class Cli implements java.util.concurrent.Callable<Integer> {
  public static final int OK = 0;
  public static final int FINDINGS = 1;
  public static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The subcommands, in the order help lists them. */
  static List<Class<?>> commands() {
    return List.of(
        ImportCommand.class,
        PullCommand.class,
        CheckCommand.class,
        RulesCommand.class,
        HookCommand.class,
        TrainCommand.class,
        ServeCommand.class,
        SkeletonCommand.class,
        EditorCommand.class,
        CommandLine.HelpCommand.class);
  }

  /**
   * Only the command that runs is modelled: picocli builds each command from its annotations by
   * reflection, which is most of a cold start, so "check" (the hook's command) skips the others.
   */
  static List<Class<?>> commandsFor(String... args) {
    return args.length > 0 && args[0].equals("check") ? List.of(CheckCommand.class) : commands();
  }

  /**
   * Streams of this run, for the commands; the sleeper is how pull waits between retries (tests
   * record the waits).
   */
  record Io(
      InputStream in,
      PrintStream out,
      PrintStream err,
      java.util.Map<String, String> env,
      RetryPolicy.Sleeper sleeper) {
    Io(InputStream in, PrintStream out, PrintStream err, java.util.Map<String, String> env) {
      this(in, out, err, env, RetryPolicy.REAL_SLEEP);
    }
  }

  private final Io io;

  Cli(Io io) {
    this.io = io;
  }

  Io io() {
    return io;
  }

  /** No command given: the usage, on standard error, as the usage error it is (exit 2). */
  @Override
  public Integer call() {
    spec.commandLine().usage(io.err());
    return USAGE;
  }

  public static int run(InputStream in, PrintStream out, PrintStream err, String... args) {
    return run(in, out, err, System.getenv(), args);
  }

  /**
   * As {@link #run(InputStream, PrintStream, PrintStream, String...)} with the environment given.
   */
  public static int run(
      InputStream in,
      PrintStream out,
      PrintStream err,
      java.util.Map<String, String> env,
      String... args) {
    return run(new Io(in, out, err, env), args);
  }

  /** As above, with the retry waits going to {@code sleeper} (tests: no real sleeping). */
  public static int run(
      InputStream in,
      PrintStream out,
      PrintStream err,
      java.util.Map<String, String> env,
      RetryPolicy.Sleeper sleeper,
      String... args) {
    return run(new Io(in, out, err, env, sleeper), args);
  }

  private static int run(Io io, String... args) {
    try {
      return runCommand(io, args);
    } catch (OutOfMemoryError e) {
      // Nothing was written half: files are written atomically. Say it in words, not a trace.
      io.err()
          .println(
              "flowlint: out of memory; give java a larger heap (JAVA_TOOL_OPTIONS=-Xmx2g) or give"
                  + " flowlint less at once");
      io.err().flush();
      return USAGE;
    }
  }

  private static int runCommand(Io io, String... args) {
    PrintStream out = io.out();
    PrintStream err = io.err();
    // The commands hooks run, read without picocli when their command line is a plain one.
    Optional<Callable<Integer>> fast =
        CheckArgs.parse(io, args)
            .<Callable<Integer>>map(c -> c)
            .or(() -> ImportArgs.parse(io, args).map(c -> c));
    if (fast.isPresent()) {
      int code;
      try {
        code = fast.get().call();
      } catch (Exception e) {
        code = internalError(e, err);
      }
      out.flush();
      err.flush();
      return code;
    }
    CommandLine cmd = new CommandLine(new Cli(io), new Factory(io));
    for (Class<?> c : commandsFor(args)) {
      cmd.addSubcommand(c);
    }
    cmd.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cmd.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cmd.setExecutionExceptionHandler((e, c, parsed) -> internalError(e, err));
    int code = cmd.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static int internalError(Exception e, PrintStream err) {
    err.println(
        "flowlint: internal error: "
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
    err.println("This is a bug in flowlint; please report it with the command you ran.");
    return USAGE;
  }

  /** Gives every command the run's streams. */
  private record Factory(Io io) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      for (var c : cls.getDeclaredConstructors()) {
        if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Io.class) {
          c.setAccessible(true);
          return cls.cast(c.newInstance(io));
        }
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"flowlint " + version()};
    }
  }

  /**
   * The project version: from the jar's manifest, which the JVM has already read (a resource lookup
   * would start the JDK's module-image reader, a few milliseconds of every run), else from
   * version.properties, which the build filters (classes run from a directory, as in tests).
   */
  public static String version() {
    String manifest = Cli.class.getPackage().getImplementationVersion();
    if (manifest != null) {
      return manifest;
    }
    try (var in = Cli.class.getResourceAsStream("/dev/flowlint/version.properties")) {
      java.util.Properties p = new java.util.Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
