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
    Optional<PlainArgs.Line> line = PlainArgs.read(List.of(args).subList(1, args.length), VALUED);
    if (line.isEmpty()) {
      return Optional.empty();
    }
    c.paths.addAll(line.get().paths());
    Set<String> given = new HashSet<>();
    for (PlainArgs.Option o : line.get().options()) {
      String name = o.name().equals("-q") ? "--quiet" : o.name();
      if (!given.add(name)) {
        return Optional.empty(); // picocli says an option was given twice
      }
      switch (name) {
        case "--out" -> c.output.out = o.value().orElseThrow();
        case "--config" -> c.output.configFile = o.value().orElseThrow();
        case "--required" -> c.required = o.value().orElseThrow();
        case "--quiet" -> c.quiet = true;
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
