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

  /**
   * A copy of the tree at {@code from} (which must not exist yet at {@code to}), keeping each
   * file's permissions: how tests start from a repository set up once per class.
   */
  public static void copyTree(Path from, Path to) throws java.io.IOException {
    try (java.util.stream.Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Files.copy(
            p,
            to.resolve(from.relativize(p).toString()),
            java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  /** The real public corpus the repository carries (src/test/corpus, MIT; see its MANIFEST.md). */
  public static Optional<Path> corpus() {
    // Always present: a missing corpus must fail the corpus tests, not skip them.
    return Optional.of(Path.of("src", "test", "corpus"));
  }

  /** Reference schemas the tests validate against (SARIF 2.1.0). */
  public static Path referenceSchema(String name) {
    return Path.of("src", "test", "schemas", name);
  }
}
