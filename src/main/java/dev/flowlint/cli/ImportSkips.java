package dev.flowlint.cli;

import dev.flowlint.config.ConfigReader;
import dev.flowlint.io.JsonTrees;
import dev.flowlint.schema.FileNames;
import dev.flowlint.schema.SchemaIndex;
import dev.flowlint.source.InputFiles.InputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Files {@code import DIR} finds that are flowlint's own, not definitions: the output directory,
 * schemas and indexes import wrote anywhere, and the config. Reading them back would report each as
 * a broken definition on every run (as check skips its own outputs). Files named on the command
 * line are never skipped: the user said to read them.
 */
final class ImportSkips {
  /** Larger files are no schema import wrote; the reader reports them as it would. */
  private static final long MAX_OWN = 16L << 20;

  private static final Path HERE = Path.of("").toAbsolutePath().normalize();

  private final Path outDir;
  private final Optional<Path> config;

  ImportSkips(Path outDir, Optional<Path> config) {
    this.outDir = outDir.toAbsolutePath().normalize();
    this.config = config.map(c -> c.toAbsolutePath().normalize());
  }

  /** Why the file is flowlint's own, or empty when it is to be read. */
  Optional<String> reason(InputFile file) {
    Path p = file.path().toAbsolutePath().normalize();
    String name = String.valueOf(p.getFileName());
    if (p.startsWith(outDir) && (!HERE.startsWith(outDir) || schemaNamed(p, name))) {
      return Optional.of("in the schemas directory import writes");
    }
    if (config.filter(p::equals).isPresent() || name.equals(ConfigReader.DEFAULT_FILE)) {
      return Optional.of("flowlint's config");
    }
    if (name.endsWith(FileNames.SUFFIX) && read(p).path("x-flowlint").isObject()) {
      return Optional.of("flowlint's own schema output");
    }
    if (name.equals(SchemaIndex.FILE_NAME) && SchemaIndex.isOurs(read(p))) {
      return Optional.of("flowlint's schema index");
    }
    return Optional.empty();
  }

  /** The files named as arguments (not directories), as {@link #key} gives them. */
  static Set<Path> named(List<String> args) {
    Set<Path> out = new HashSet<>();
    for (String arg : args) {
      Path p = Path.of(arg);
      if (Files.isRegularFile(p)) {
        out.add(key(p));
      }
    }
    return out;
  }

  static Path key(Path p) {
    return p.toAbsolutePath().normalize();
  }

  /**
   * One line for the files found in directories that are some other tool's (package.json, a
   * payload): passed over rather than reported one by one as broken definitions.
   */
  static String foreign(List<String> displays) {
    int shown = Math.min(displays.size(), 5);
    boolean one = displays.size() == 1;
    return "passed over "
        + displays.size()
        + (one
            ? " file found in a directory that is not a flow or data action definition: "
            : " files found in directories that are not flow or data action definitions: ")
        + String.join(", ", displays.subList(0, shown))
        + (displays.size() > shown ? " and " + (displays.size() - shown) + " more" : "")
        + " (name a file on the command line to read it as one)";
  }

  /**
   * Says why nothing was read when every file found was flowlint's own: otherwise "0 flows" would
   * not say where the definitions went.
   */
  static String allSkipped(Map<String, Integer> reasons, String outDisplay) {
    StringBuilder why = new StringBuilder();
    reasons.forEach(
        (reason, n) ->
            why.append(why.length() == 0 ? "" : "; ")
                .append(n)
                .append(n == 1 ? " file " : " files ")
                .append(reason)
                .append(reason.startsWith("in the schemas") ? ": " + outDisplay : ""));
    return "no flow definitions read: every file found was skipped as flowlint's own ("
        + why
        + "); name a definition file to read it anyway, or write the schemas elsewhere with --out";
  }

  /**
   * With {@code --out .} (or a parent) the whole tree is under the output directory: there only the
   * schema and index files directly in it are skipped.
   */
  private boolean schemaNamed(Path p, String name) {
    return outDir.equals(p.getParent())
        && (name.endsWith(FileNames.SUFFIX) || name.equals(SchemaIndex.FILE_NAME));
  }

  private static JsonNode read(Path p) {
    try {
      return Files.size(p) > MAX_OWN ? JsonNodeFactory.instance.missingNode() : JsonTrees.read(p);
    } catch (IOException | RuntimeException e) {
      return JsonNodeFactory.instance.missingNode(); // the reader says what is wrong with it
    }
  }
}
