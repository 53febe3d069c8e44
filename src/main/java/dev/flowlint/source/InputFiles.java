package dev.flowlint.source;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Expands command-line paths into files, each with the name to show for it: the argument as
 * typed, joined with the path below it. Directories are walked in sorted order, skipping hidden
 * entries, so every run sees the same files in the same order.
 */
public final class InputFiles {
  public record InputFile(Path path, String display) {}

  private InputFiles() {}

  /** File names that may hold a flow definition: YAML, Terraform templates, JSON, Architect exports. */
  public static boolean isDefinitionName(String fileName) {
    String n = fileName.toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".tftpl") || n.endsWith(".json")
        || n.contains(".i3");
  }

  /**
   * @param accept which files found inside directories are taken (named files always are)
   * @param missing receives arguments that do not exist
   */
  public static List<InputFile> expand(List<String> args, Predicate<String> accept, List<String> missing)
      throws IOException {
    List<InputFile> out = new ArrayList<>();
    java.util.Set<Path> seen = new java.util.HashSet<>();
    for (String arg : args) {
      Path root = Path.of(arg);
      if (Files.isRegularFile(root)) {
        if (seen.add(root.toAbsolutePath().normalize())) {
          out.add(new InputFile(root, arg));
        }
      } else if (Files.isDirectory(root)) {
        String prefix = arg.endsWith("/") ? arg : arg + "/";
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> !hidden(root.relativize(p)))
              .filter(p -> accept.test(p.getFileName().toString()))
              .sorted(Comparator.comparing(p -> root.relativize(p).toString()))
              .filter(p -> seen.add(p.toAbsolutePath().normalize()))
              .forEach(p -> out.add(new InputFile(p, prefix + slashes(root.relativize(p)))));
        }
      } else {
        missing.add(arg);
      }
    }
    return out;
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String slashes(Path relative) {
    return relative.toString().replace('\\', '/');
  }
}
