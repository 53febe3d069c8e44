package dev.flowlint.cli;

import java.io.PrintStream;
import java.util.Optional;
import picocli.CommandLine.Option;

/** --out and --config, shared by the commands that write schemas (import, pull). */
final class OutputOptions {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Schemas directory (default: the config's 'schemas', else schemas).")
  String out;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Settings file (default: flowlint.yaml when present).")
  String configFile;

  Optional<ConfigOptions.Loaded> load(PrintStream err) {
    ConfigOptions options = new ConfigOptions();
    options.configFile = configFile;
    options.schemas = out;
    return options.load(err);
  }
}
