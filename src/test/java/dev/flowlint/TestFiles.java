package dev.flowlint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where tests find the project's fixtures and the shared corpus. */
public final class TestFiles {
  private TestFiles() {}

  public static Path fixtures() {
    return Path.of("fixtures");
  }

  /** File name → text of every file directly in {@code dir}, in name order. */
  public static java.util.Map<String, String> contents(Path dir) throws java.io.IOException {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        out.put(f.getFileName().toString(), Files.readString(f));
      }
    }
    return out;
  }

  /** {@code ../shared/corpus}, present on developer machines and in CI, absent in a bare clone. */
  public static Optional<Path> corpus() {
    Path p = Path.of("..", "shared", "corpus");
    return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
  }
}
