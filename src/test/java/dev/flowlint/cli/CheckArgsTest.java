package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The check fast path reads a command line exactly as picocli does, or leaves it to picocli. */
class CheckArgsTest {
  private static final Cli.Io IO =
      new Cli.Io(
          new ByteArrayInputStream(new byte[0]),
          new PrintStream(OutputStream.nullOutputStream()),
          new PrintStream(OutputStream.nullOutputStream()),
          Map.of());

  /** What a parse put in the command, field by field. */
  private static List<Object> fields(CheckCommand c) {
    return Arrays.asList(
        c.common.configFile,
        c.common.schemas,
        c.paths,
        c.formats,
        c.flow,
        c.envelope,
        c.failOn,
        c.colorWhen,
        c.quiet,
        c.include,
        c.output,
        c.fix,
        c.diff,
        c.staged,
        c.stdinFilepath,
        c.verbose,
        c.allowEmpty);
  }

  private static CheckCommand picocli(String... args) {
    CheckCommand c = new CheckCommand(IO);
    new CommandLine(c).parseArgs(Arrays.copyOfRange(args, 1, args.length));
    return c;
  }

  private static void same(String... args) {
    Optional<CheckCommand> fast = CheckArgs.parse(IO, args);
    assertTrue(fast.isPresent(), "the fast path declined " + List.of(args));
    assertEquals(fields(picocli(args)), fields(fast.get()), List.of(args).toString());
  }

  private static List<OptionSpec> options() {
    return new CommandLine(new CheckCommand(IO))
        .getCommandSpec().options().stream()
            .filter(o -> !o.usageHelp() && !o.versionHelp())
            .toList();
  }

  @Test
  void everyOptionOfCheckIsReadAsPicocliReadsItOrLeftToPicocli() {
    for (OptionSpec o : options()) {
      for (String name : o.names()) {
        boolean flag = o.typeInfo().isBoolean();
        // An option with a closed set of words gets one of them (picocli rejects anything else).
        Iterator<String> words =
            o.completionCandidates() == null
                ? Collections.emptyIterator()
                : o.completionCandidates().iterator();
        String value = words.hasNext() ? words.next() : "v1";
        String[] args =
            flag
                ? new String[] {"check", "a.json", name}
                : new String[] {"check", "a.json", name, value};
        if (CheckArgs.names().contains(name)) {
          same(args);
          if (!flag && name.startsWith("--")) {
            same(
                "check",
                name
                    + "="
                    + (o.completionCandidates() != null ? value.toUpperCase(Locale.ROOT) : "v=2"),
                "a.json");
          }
        } else {
          assertTrue(
              CheckArgs.parse(IO, args).isEmpty(),
              name + " is not read by the fast path, so it must decline");
        }
      }
    }
  }

  @Test
  void commandLinesOfHooksAndCiJobs() {
    same("check", "payloads/", "-q");
    same("check", "-", "--flow", "Order Lookup", "--envelope", "flow-execution");
    same(
        "check",
        "a.json",
        "b.json",
        "--schemas",
        "s",
        "--config",
        "c.yaml",
        "-f",
        "sarif",
        "-o",
        "out.sarif");
    same(
        "check",
        "--include",
        "*.json",
        "dir",
        "--include=*.tmpl",
        "--fail-on",
        "warning",
        "--color",
        "never");
    same("check", "dir", "--fix", "--format", "json");
    same("check", "dir", "--diff", "--quiet");
    same("check", "-f", "sarif=out.sarif", "--format", "text", "--format=github", "dir");
    same("check", "--staged", "-v", "a.json", "b.json", "--fail-on=Warning");
    same(
        "check", "-", "--stdin-filepath", "payloads/x.json", "--verbose", "--envelope=DATA-ACTION");
    same("check", "hooks/", "--allow-empty", "-q");
    // What pre-commit and the git hook write: options, "--", then file names, some like options.
    same("check", "--", "a.json");
    same("check", "--staged", "--", "a.json", "-b.json", "--output=x.json", "-q", "-");
    same("check", "--config", "ci/flowlint.yaml", "--", "payloads/a.json", "--fix");
  }

  @Test
  void aWordThatIsNotAChoiceIsLeftToPicocli() {
    assertTrue(CheckArgs.parse(IO, "check", "a.json", "--fail-on", "nope").isEmpty());
    assertTrue(CheckArgs.parse(IO, "check", "a.json", "--color=sometimes").isEmpty());
    CliRunner.Result r = CliRunner.run("check", "a.json", "--fail-on", "nope");
    assertEquals(Cli.USAGE, r.code());
    assertTrue(r.err().contains("--fail-on") && r.err().contains("error, warning, info"), r.err());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "check",
        "check --help",
        "check a.json -h",
        "check a.json -V",
        "check a.json -qf json",
        "check a.json --fix=true",
        "check a.json --format",
        "check a.json --format --quiet",
        "check a.json --flow a --flow b",
        "check a.json -q -q",
        "check a.json -v --verbose",
        "check a.json --allow-empty --allow-empty",
        "check -- @args.txt",
        "check -- a.json -- b.json",
        "check a.json -qv",
        "check @args.txt",
        "check a.json --nope",
        "check --quiet"
      })
  void declinesWhatOnlyPicocliShouldAnswer(String line) {
    assertTrue(CheckArgs.parse(IO, line.split(" ")).isEmpty(), line);
  }

  @Test
  void picocliStillWordsTheErrors() {
    CliRunner.Result r = CliRunner.run("check", "a.json", "--flow", "a", "--flow", "b");
    assertEquals(Cli.USAGE, r.code());
    assertTrue(r.err().contains("--flow"), r.err());
  }

  @Test
  void theNamesItReadsAreCheckOptions() {
    List<String> all = new ArrayList<>();
    options().forEach(o -> all.addAll(List.of(o.names())));
    assertTrue(all.containsAll(CheckArgs.names()), all + " vs " + CheckArgs.names());
  }
}
