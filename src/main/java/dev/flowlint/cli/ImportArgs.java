package dev.flowlint.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The start-up fast path of {@code flowlint import}, as {@link CheckArgs} is for check: the
 * flowlint-schemas hook runs {@code import --check ARGS} on every commit that stages JSON or YAML,
 * and picocli's model of the command cost a quarter of that run. Plain command lines fill an {@link
 * ImportCommand} exactly as picocli would; anything else (help, an unknown or repeated option, a
 * value that looks like an option, @files) gives empty, and picocli parses it and words any error.
 * ImportArgsTest keeps the two in step.
 */
final class ImportArgs {
  private ImportArgs() {}

  private static final Set<String> VALUED = Set.of("--out", "--config", "--required");

  /**
   * @param args the whole command line, starting with "import"
   */
  static Optional<ImportCommand> parse(Cli.Io io, String... args) {
    if (args.length < 2 || !args[0].equals("import")) {
      return Optional.empty();
    }
    ImportCommand c = new ImportCommand(io);
    c.output = new OutputOptions();
    c.paths = new ArrayList<>();
    Set<String> given = new HashSet<>();
    boolean ended = false; // after "--" every argument is a path
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("@") || (ended && a.equals("--"))) {
        return Optional.empty(); // picocli's own reading
      }
      if (ended || a.equals("-") || !a.startsWith("-")) {
        c.paths.add(a);
        continue;
      }
      if (a.equals("--")) {
        ended = true;
        continue;
      }
      String name = a;
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      }
      if (!given.add(name.equals("-q") ? "--quiet" : name)) {
        return Optional.empty(); // picocli says an option was given twice
      }
      if (VALUED.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
            return Optional.empty();
          }
          value = args[++i];
        }
        switch (name) {
          case "--out" -> c.output.out = value;
          case "--config" -> c.output.configFile = value;
          default -> c.required = value;
        }
        continue;
      }
      if (value != null) {
        return Optional.empty();
      }
      switch (name) {
        case "-q", "--quiet" -> c.quiet = true;
        case "--check" -> c.check = true;
        default -> {
          return Optional.empty(); // help, version, a bundle of short options, or a mistake
        }
      }
    }
    return c.paths.isEmpty() ? Optional.empty() : Optional.of(c);
  }

  /** The option names this fast path reads; ImportArgsTest compares them with ImportCommand's. */
  static List<String> names() {
    List<String> all = new ArrayList<>(VALUED);
    all.addAll(List.of("-q", "--quiet", "--check"));
    return all;
  }
}
