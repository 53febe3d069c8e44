package dev.flowlint.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.TypeConversionException;

/**
 * The start-up fast path of {@code flowlint check}: building picocli's model of a command by
 * reflection costs more than checking a payload, and a pre-commit hook runs check on every commit.
 * This reads the plain command lines a hook or CI job writes into a {@link CheckCommand}, exactly
 * as picocli would fill it; anything else (help, an unknown or repeated option, a value that looks
 * like an option, a word that is not one of an option's choices, @files) gives empty, and picocli
 * parses it and words any error. Values with a closed set of words go through the same converters
 * picocli uses (Choices). CheckArgsTest keeps the two in step.
 */
final class CheckArgs {
  private CheckArgs() {}

  /** Options that take a value, by every name. */
  private static final Set<String> VALUED =
      Set.of(
          "--schemas",
          "--config",
          "-f",
          "--format",
          "--flow",
          "--envelope",
          "--fail-on",
          "--color",
          "--include",
          "-o",
          "--output",
          "--stdin-filepath");

  /** Options that may be given more than once (picocli collects them into a list). */
  private static final Set<String> REPEATABLE = Set.of("--include", "--format");

  /**
   * @param args the whole command line, starting with "check"
   */
  static Optional<CheckCommand> parse(Cli.Io io, String... args) {
    if (args.length < 2 || !args[0].equals("check")) {
      return Optional.empty();
    }
    CheckCommand c = new CheckCommand(io);
    c.common = new ConfigOptions();
    c.paths = new ArrayList<>();
    c.failOn = new Choices.Severities().convert("error");
    c.colorWhen = new Choices.ColorWhens().convert("auto");
    Optional<PlainArgs.Line> line = PlainArgs.read(List.of(args).subList(1, args.length), VALUED);
    if (line.isEmpty()) {
      return Optional.empty();
    }
    c.paths.addAll(line.get().paths());
    Set<String> given = new HashSet<>();
    for (PlainArgs.Option o : line.get().options()) {
      String key = canonical(o.name());
      if (!REPEATABLE.contains(key) && !given.add(key)) {
        return Optional.empty(); // picocli says an option was given twice
      }
      if (o.value().isPresent()) {
        String value = o.value().get();
        try {
          switch (key) {
            case "--schemas" -> c.common.schemas = value;
            case "--config" -> c.common.configFile = value;
            case "--format" -> c.formats.add(value);
            case "--flow" -> c.flow = value;
            case "--envelope" -> c.envelope = new Choices.Envelopes().convert(value);
            case "--fail-on" -> c.failOn = new Choices.Severities().convert(value);
            case "--color" -> c.colorWhen = new Choices.ColorWhens().convert(value);
            case "--include" -> c.include.add(value);
            case "--output" -> c.output = value;
            case "--stdin-filepath" -> c.stdinFilepath = value;
            default -> {
              return Optional.empty();
            }
          }
        } catch (TypeConversionException e) {
          return Optional.empty(); // not one of the words: picocli says which are
        }
        continue;
      }
      switch (key) {
        case "--quiet" -> c.quiet = true;
        case "--fix" -> c.fix = true;
        case "--diff" -> c.diff = true;
        case "--staged" -> c.staged = true;
        case "--verbose" -> c.verbose = true;
        case "--allow-empty" -> c.allowEmpty = true;
        default -> {
          return Optional.empty(); // help, version, a bundle of short options, or a mistake
        }
      }
    }
    return c.paths.isEmpty() ? Optional.empty() : Optional.of(c);
  }

  private static String canonical(String name) {
    return switch (name) {
      case "-f" -> "--format";
      case "-o" -> "--output";
      case "-q" -> "--quiet";
      case "-v" -> "--verbose";
      default -> name;
    };
  }

  /** The option names this fast path reads; CheckArgsTest compares them with CheckCommand's. */
  static List<String> names() {
    List<String> all = new ArrayList<>(VALUED);
    all.addAll(
        List.of(
            "-q", "--quiet", "--fix", "--diff", "--staged", "-v", "--verbose", "--allow-empty"));
    return all;
  }
}
