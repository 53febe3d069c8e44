package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The import fast path reads a command line exactly as picocli does, or leaves it to picocli. */
class ImportArgsTest {
  private static final Cli.Io IO =
      new Cli.Io(
          new ByteArrayInputStream(new byte[0]),
          new PrintStream(OutputStream.nullOutputStream()),
          new PrintStream(OutputStream.nullOutputStream()),
          Map.of());

  /** What a parse put in the command, field by field. */
  private static List<Object> fields(ImportCommand c) {
    return Arrays.asList(c.output.out, c.output.configFile, c.paths, c.required, c.quiet, c.check);
  }

  private static ImportCommand picocli(String... args) {
    ImportCommand c = new ImportCommand(IO);
    new CommandLine(c).parseArgs(Arrays.copyOfRange(args, 1, args.length));
    return c;
  }

  private static void same(String... args) {
    Optional<ImportCommand> fast = ImportArgs.parse(IO, args);
    assertTrue(fast.isPresent(), "the fast path declined " + List.of(args));
    assertEquals(fields(picocli(args)), fields(fast.get()), List.of(args).toString());
  }

  private static List<OptionSpec> options() {
    return new CommandLine(new ImportCommand(IO))
        .getCommandSpec().options().stream()
            .filter(o -> !o.usageHelp() && !o.versionHelp())
            .toList();
  }

  @Test
  void everyOptionOfImportIsReadAsPicocliReadsItOrLeftToPicocli() {
    for (OptionSpec o : options()) {
      for (String name : o.names()) {
        boolean flag = o.typeInfo().isBoolean();
        String[] args =
            flag
                ? new String[] {"import", "flows/", name}
                : new String[] {"import", "flows/", name, "v1"};
        if (ImportArgs.names().contains(name)) {
          same(args);
          if (!flag) {
            same("import", name + "=v=2", "flows/");
          }
        } else {
          assertTrue(
              ImportArgs.parse(IO, args).isEmpty(),
              name + " is not read by the fast path, so it must decline");
        }
      }
    }
  }

  @Test
  void commandLinesOfHooksAndCiJobs() {
    same("import", "flows/", "exports/");
    same("import", "--check", "flows/", "exports/");
    same("import", "--check", "-q", "--", "flows/", "-odd.yaml", "--out=x");
    same("import", "fixtures/flows", "--out", "schemas", "--config", "c.yaml", "--required", "all");
    same("import", "--required=schema", "--quiet", "a.yaml", "-");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "import",
        "import --help",
        "import flows/ -h",
        "import flows/ -V",
        "import flows/ -qq",
        "import flows/ --check=true",
        "import flows/ --out",
        "import flows/ --out --check",
        "import flows/ --out a --out b",
        "import flows/ -q --quiet",
        "import flows/ --check --check",
        "import @args.txt",
        "import -- @args.txt",
        "import -- a.yaml -- b.yaml",
        "import flows/ --nope",
        "import --check",
        "check flows/"
      })
  void declinesWhatOnlyPicocliShouldAnswer(String line) {
    assertTrue(ImportArgs.parse(IO, line.split(" ")).isEmpty(), line);
  }

  @Test
  void theNamesItReadsAreImportOptions() {
    List<String> all = new ArrayList<>();
    options().forEach(o -> all.addAll(List.of(o.names())));
    assertTrue(all.containsAll(ImportArgs.names()), all + " vs " + ImportArgs.names());
  }

  /**
   * Run through Cli: the fast path gives exactly what picocli's path gives (an @file sends the same
   * arguments through picocli), output and exit code, for a stale and for an up-to-date directory.
   */
  @Test
  void aPlainImportCheckRunsAsThroughPicocli(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    java.nio.file.Path out = tmp.resolve("schemas");
    java.nio.file.Path argsFile = tmp.resolve("args.txt");
    java.nio.file.Files.writeString(argsFile, "--check\n--out\n" + out + "\nfixtures/flows\n");
    for (int round = 0; round < 2; round++) {
      CliRunner.Result fast =
          CliRunner.run("import", "--check", "--out", out.toString(), "fixtures/flows");
      CliRunner.Result slow = CliRunner.run("import", "@" + argsFile);
      assertEquals(round == 0 ? 1 : Cli.OK, fast.code(), fast.out() + fast.err());
      assertEquals(
          List.of(slow.code(), slow.out(), slow.err()),
          List.of(fast.code(), fast.out(), fast.err()));
      CliRunner.Result write =
          CliRunner.run("import", "-q", "--out", out.toString(), "fixtures/flows");
      assertEquals(Cli.OK, write.code(), write.err());
    }
  }
}
