package dev.flowlint.serve;

import dev.flowlint.check.CheckRun;
import dev.flowlint.check.PayloadFiles;
import dev.flowlint.config.Config;
import dev.flowlint.schema.SchemaStore;
import dev.flowlint.schema.SchemaStore.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The schemas directory as it is now: every request compares a cheap fingerprint of the directory
 * (names, sizes, modification times) with the last one, so a {@code flowlint import} in another
 * terminal is picked up on the next request. Each worker thread keeps its own checker (the store
 * and the compiled schemas are not shared between threads), rebuilt when the directory changed.
 */
final class LiveSchemas {
  private final Path dir;
  private final String display;
  private final Config config;
  private Generation current = new Generation(0, List.of());
  private final ThreadLocal<Engine> engines = new ThreadLocal<>();

  private record Generation(long number, List<String> fingerprint) {}

  /** One thread's view of one generation of the schemas. */
  record Engine(long generation, SchemaStore store, CheckRun run) {}

  LiveSchemas(Path dir, String display, Config config) {
    this.dir = dir;
    this.display = display;
    this.config = config;
  }

  Config config() {
    return config;
  }

  /** The checker for the schemas as they are on disk now. */
  Engine engine() throws StoreException {
    long generation = generation();
    Engine e = engines.get();
    if (e == null || e.generation() != generation) {
      SchemaStore store = SchemaStore.open(dir, display);
      e =
          new Engine(
              generation,
              store,
              new CheckRun(
                  store, config, Optional.empty(), Optional.empty(), new PayloadFiles(List.of())));
      engines.set(e);
    }
    return e;
  }

  private synchronized long generation() throws StoreException {
    List<String> now = fingerprint();
    if (!now.equals(current.fingerprint())) {
      current = new Generation(current.number() + 1, now);
    }
    return current.number();
  }

  private List<String> fingerprint() throws StoreException {
    if (!Files.isDirectory(dir)) {
      throw new StoreException(
          "no schemas directory " + display + " (it was there when the server started)");
    }
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        try {
          BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
          out.add(
              f.getFileName()
                  + " "
                  + a.size()
                  + " "
                  + a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        } catch (java.nio.file.NoSuchFileException gone) {
          // removed while listing (an import replacing files): the next request sees the new state
        }
      }
    } catch (IOException e) {
      throw new StoreException("cannot list " + display + ": " + e.getMessage());
    }
    return out;
  }
}
