package dev.flowlint.cli;

import dev.flowlint.config.Config;
import dev.flowlint.config.ConfigException;
import dev.flowlint.config.ConfigReader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** --config and --schemas, shared by the commands that read schemas. */
final class ConfigOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Settings file (default: flowlint.yaml when present).")
  String configFile;

  @Option(
      names = "--schemas",
      paramLabel = "DIR",
      description = "Schemas directory (default: the config's 'schemas', else schemas).")
  String schemas;

  /**
   * @param configDisplay the settings file as named, or {@code flowlint.yaml} when none was read
   */
  record Loaded(Config config, Path schemas, String schemasDisplay, String configDisplay) {}

  Optional<Loaded> load(PrintStream err) {
    Config config = Config.EMPTY;
    Path base = Path.of("");
    String file = configFile;
    if (file == null && Files.isRegularFile(Path.of(ConfigReader.DEFAULT_FILE))) {
      file = ConfigReader.DEFAULT_FILE;
    }
    if (file != null) {
      Path p = Path.of(file);
      if (!Files.isRegularFile(p)) {
        err.println("flowlint: no config file " + file);
        return Optional.empty();
      }
      try {
        config = ConfigReader.read(p, file);
      } catch (ConfigException e) {
        err.println("flowlint: " + e.getMessage());
        return Optional.empty();
      }
      base = p.toAbsolutePath().getParent();
    }
    if (schemas != null && schemas.isBlank()) {
      err.println(
          "flowlint: the schemas directory may not be empty (\""
              + schemas
              + "\"): name a directory such as schemas");
      return Optional.empty();
    }
    if (schemas != null) {
      return Optional.of(new Loaded(config, Path.of(schemas), schemas, shown(file)));
    }
    if (config.schemas().isPresent()) {
      String s = config.schemas().get();
      return Optional.of(new Loaded(config, base.resolve(s), s, shown(file)));
    }
    return Optional.of(new Loaded(config, Path.of("schemas"), "schemas", shown(file)));
  }

  private static String shown(String file) {
    return file == null ? ConfigReader.DEFAULT_FILE : file;
  }
}
