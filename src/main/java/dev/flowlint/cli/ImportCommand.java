package dev.flowlint.cli;

import dev.flowlint.model.Definition;
import dev.flowlint.schema.ImportResult;
import dev.flowlint.schema.ImportResult.Problem;
import dev.flowlint.schema.ImportResult.Severity;
import dev.flowlint.schema.RequiredPolicy;
import dev.flowlint.schema.SchemaImporter;
import dev.flowlint.source.FlowSources;
import dev.flowlint.source.InputFiles;
import dev.flowlint.source.SourceException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Reads flow definitions (Archy YAML, Architect .i3* exports, API JSON) and writes one JSON Schema per flow with inputs, plus index.json, into the output directory.",
      "Directories are searched for *.yaml, *.yml, *.tftpl, *.json and *.i3* files."
    })
final class ImportCommand implements Callable<Integer> {
  private final Cli.Io io;

  @picocli.CommandLine.Mixin OutputOptions output;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|DIR",
      description = "Definition files or directories.")
  List<String> paths;

  @Option(
      names = "--required",
      paramLabel = "POLICY",
      description =
          "Which inputs are required: no-default (no initial value; the default), schema (only an API 'required' list), all, none. Default: the config's 'required'.")
  String required;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only problems and the summary line.")
  boolean quiet;

  @Option(
      names = "--check",
      description =
          "Write nothing: exit 1 with a per-flow diff when the schemas directory is out of date with the definitions given (for CI and the flowlint-schemas hook).")
  boolean check;

  ImportCommand(Cli.Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws IOException {
    Optional<ConfigOptions.Loaded> loaded = output.load(io.err());
    if (loaded.isEmpty()) {
      return Cli.USAGE;
    }
    Path outDir = loaded.get().schemas();
    String outDisplay = loaded.get().schemasDisplay();
    var policy =
        required == null
            ? Optional.of(loaded.get().config().required().orElse(RequiredPolicy.NO_DEFAULT))
            : RequiredPolicy.parse(required);
    if (policy.isEmpty()) {
      io.err()
          .println(
              "flowlint import: unknown --required policy \""
                  + required
                  + "\"; use no-default, schema, all or none");
      return Cli.USAGE;
    }
    List<InputFiles.Skipped> skipped = new ArrayList<>();
    ImportSkips own = new ImportSkips(outDir, Optional.of(Path.of(loaded.get().configDisplay())));
    List<InputFiles.InputFile> found =
        InputFiles.expand(paths, InputFiles::isDefinitionName, skipped);
    // A file named on the command line is read whatever it is: only files found in directories
    // can be flowlint's own output by accident.
    Set<Path> named = ImportSkips.named(paths);
    Map<String, Integer> ownSkipped = new TreeMap<>();
    List<InputFiles.InputFile> files = new ArrayList<>();
    for (InputFiles.InputFile f : found) {
      Optional<String> why =
          named.contains(ImportSkips.key(f.path())) ? Optional.empty() : own.reason(f);
      why.ifPresentOrElse(r -> ownSkipped.merge(r, 1, Integer::sum), () -> files.add(f));
    }
    List<Problem> problems = new ArrayList<>();
    for (String empty :
        InputFiles.emptyDirectories(
            paths, found, "flow definitions (*.yaml, *.yml, *.json, *.i3*)")) {
      problems.add(new Problem(Severity.WARNING, empty));
    }
    if (files.isEmpty() && !ownSkipped.isEmpty()) {
      problems.add(new Problem(Severity.WARNING, ImportSkips.allSkipped(ownSkipped, outDisplay)));
    }
    for (InputFiles.Skipped m : skipped) {
      problems.add(new Problem(Severity.ERROR, m.display() + ": " + m.reason()));
    }
    FlowSources sources = new FlowSources();
    List<Definition> flows = new ArrayList<>();
    List<String> foreign = new ArrayList<>();
    for (InputFiles.InputFile f : files) {
      try {
        flows.addAll(sources.read(f.path(), f.display()));
      } catch (SourceException e) {
        if (e.foreign() && !named.contains(ImportSkips.key(f.path()))) {
          foreign.add(f.display()); // package.json beside the flows: not a broken definition
          continue;
        }
        // A Terraform file beside the flows is expected, not a broken definition: say what to do
        // instead.
        problems.add(
            new Problem(
                e.getMessage().endsWith(FlowSources.TERRAFORM) ? Severity.WARNING : Severity.ERROR,
                e.getMessage()));
      }
    }
    if (!foreign.isEmpty()) {
      problems.add(new Problem(Severity.WARNING, ImportSkips.foreign(foreign)));
    }
    sources.notes().forEach(n -> problems.add(new Problem(Severity.WARNING, n)));
    if (check) {
      return new ImportCheck(io)
          .run(
              outDir,
              outDisplay,
              policy.get(),
              loaded.get().config().constraints(),
              flows,
              problems);
    }
    ImportResult result;
    try {
      result =
          new SchemaImporter(policy.get(), loaded.get().config().constraints())
              .write(outDir, outDisplay, flows, problems);
    } catch (IOException e) {
      io.err()
          .println(
              "flowlint import: cannot write "
                  + outDisplay
                  + ": "
                  + dev.flowlint.io.AtomicFiles.describe(e)
                  + "; nothing was changed");
      return Cli.USAGE;
    }
    print(result);
    // Any error (a file that cannot be read, a flow defined two ways) exits 2; the rest is still
    // written.
    return result.errors() > 0 || (result.imported().isEmpty() && flows.isEmpty())
        ? Cli.USAGE
        : Cli.OK;
  }

  private void print(ImportResult result) {
    io.err().print(result.problemsText());
    String summary = result.summary();
    if (quiet) {
      summary
          .lines()
          .filter(l -> !l.startsWith("imported ") && !l.startsWith("skipped "))
          .forEach(io.out()::println);
    } else {
      io.out().print(summary);
    }
  }
}
