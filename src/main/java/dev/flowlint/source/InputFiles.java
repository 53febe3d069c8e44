package dev.flowlint.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

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
        || n.contains(".i3") || n.endsWith(".tf");
  }

  /** A path that could not be read, with the reason in words. */
  public record Skipped(String display, String reason) {}

  /**
   * @param accept which files found inside directories are taken (named files always are)
   * @param skipped receives arguments that do not exist and entries that cannot be read
   */
  public static List<InputFile> expand(List<String> args, Predicate<String> accept, List<Skipped> skipped) {
    List<InputFile> out = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (String arg : args) {
      Path root = Path.of(arg);
      if (Files.isRegularFile(root)) {
        if (seen.add(root.toAbsolutePath().normalize())) {
          out.add(new InputFile(root, arg));
        }
      } else if (Files.isDirectory(root)) {
        String prefix = arg.endsWith("/") ? arg : arg + "/";
        List<Path> found = new ArrayList<>();
        walk(root, prefix, accept, found, skipped);
        found.sort(Comparator.comparing(p -> root.relativize(p).toString()));
        for (Path p : found) {
          if (seen.add(p.toAbsolutePath().normalize())) {
            out.add(new InputFile(p, prefix + slashes(root.relativize(p))));
          }
        }
      } else {
        skipped.add(new Skipped(arg, "no such file or directory"));
      }
    }
    return out;
  }

  /** Walks a directory, following links (loops are reported, not followed) and skipping hidden entries. */
  private static void walk(Path root, String prefix, Predicate<String> accept, List<Path> found, List<Skipped> skipped) {
    try {
      Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          Path last = dir.getFileName();
          String name = last == null ? "" : last.toString();
          boolean skip = !dir.equals(root) && (name.startsWith(".") || name.equals("node_modules"));
          return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String name = String.valueOf(file.getFileName());
          if (attrs.isRegularFile() && !name.startsWith(".") && accept.test(name)) {
            found.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          String why = e instanceof FileSystemLoopException ? "a symbolic link loop; not followed"
              : e instanceof AccessDeniedException ? "permission denied" : "cannot read (" + e.getClass().getSimpleName() + ")";
          skipped.add(new Skipped(prefix + slashes(root.relativize(file)), why));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      skipped.add(new Skipped(prefix, "cannot read the directory (" + e.getClass().getSimpleName() + ")"));
    }
  }

  private static String slashes(Path relative) {
    return relative.toString().replace('\\', '/');
  }
}
