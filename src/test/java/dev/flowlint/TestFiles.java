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

  /** {@code ../shared/corpus}, present on developer machines and in CI, absent in a bare clone. */
  public static Optional<Path> corpus() {
    Path p = Path.of("..", "shared", "corpus");
    return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
  }
}
