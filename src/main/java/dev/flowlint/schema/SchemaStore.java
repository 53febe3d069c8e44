package dev.flowlint.schema;

import dev.flowlint.io.JsonTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The schemas directory: its index read once, each flow's schema read the first time a payload
 * needs it.
 */
public final class SchemaStore {
  private final Path dir;
  private final SchemaIndex index;
  private final Map<String, FlowSchema> loaded = new ConcurrentHashMap<>();

  /**
   * The index's entries of each flow id a run has asked for, as asked: every payload of a run names
   * one of a few ids, and the index is scanned once per id, not once per payload. Bounded, so a run
   * of payloads with ever new ids (or ever new casings of one) keeps flat memory.
   */
  private final Map<String, List<SchemaIndex.Entry>> byIdAsked = new ConcurrentHashMap<>();

  private static final int ASKED_IDS = 1024;

  /**
   * index.json's {@code byId}, lower-cased id → file: what an id names when two entries share it.
   */
  private final Map<String, String> idFiles;

  private SchemaStore(Path dir, SchemaIndex index, Map<String, String> idFiles) {
    this.dir = dir;
    this.index = index;
    this.idFiles = idFiles;
  }

  /** A schemas directory that cannot be used. */
  public static class StoreException extends Exception {
    public StoreException(String message) {
      super(message, null, false, false);
    }
  }

  /** A name that several flows of different types share, and nothing picked one: a usage error. */
  public static final class AmbiguousFlow extends StoreException {
    private final List<String> candidates;

    AmbiguousFlow(String message, List<String> candidates) {
      super(message);
      this.candidates = List.copyOf(candidates);
    }

    /** Each flow the name could mean, as "type (id ID, FILE)". */
    public List<String> candidates() {
      return candidates;
    }
  }

  /** A schema that reads as JSON but cannot be used to validate (a bad pattern, a bad type). */
  public static final class BadSchema extends RuntimeException {
    public BadSchema(String message) {
      super(message, null, false, false);
    }
  }

  public static SchemaStore open(Path dir, String display) throws StoreException {
    if (!Files.isDirectory(dir)) {
      throw new StoreException(
          "no schemas directory "
              + display
              + "; run 'flowlint import FILE|DIR' first, or name one with --schemas");
    }
    Path indexFile = dir.resolve(SchemaIndex.FILE_NAME);
    List<SchemaIndex.Entry> entries = new ArrayList<>();
    Map<String, String> idFiles = new java.util.HashMap<>();
    if (Files.isRegularFile(indexFile)) {
      JsonNode root = read(indexFile, display + "/" + SchemaIndex.FILE_NAME);
      root.path("byId")
          .properties()
          .forEach(
              e -> idFiles.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asString("")));
      for (JsonNode f : root.path("flows")) {
        String id = f.path("flowId").asString("");
        if (!SchemaIndex.plainFileName(f.path("file").asString(""))) {
          throw new StoreException(
              display
                  + "/"
                  + SchemaIndex.FILE_NAME
                  + " names \""
                  + f.path("file").asString("")
                  + "\""
                  + ", which is not a file name inside "
                  + display
                  + "; re-run flowlint import");
        }
        entries.add(
            new SchemaIndex.Entry(
                f.path("file").asString(""),
                f.path("flowName").asString(""),
                id.isEmpty() ? Optional.empty() : Optional.of(id),
                f.path("flowType").asString("")));
      }
    } else {
      // No index (hand-made schemas): read every schema's x-flowlint instead.
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p :
            files
                .filter(f -> FileNames.isInputsSchema(String.valueOf(f.getFileName())))
                .sorted()
                .toList()) {
          entries.add(
              SchemaIndex.Entry.of(
                  String.valueOf(p.getFileName()), read(p, display + "/" + p.getFileName())));
        }
      } catch (IOException e) {
        throw new StoreException(
            "cannot list " + display + ": " + dev.flowlint.io.AtomicFiles.describe(e));
      }
    }
    if (entries.isEmpty()) {
      throw new StoreException(
          "no flow schemas in " + display + "; run 'flowlint import FILE|DIR' first");
    }
    return new SchemaStore(dir, SchemaIndex.of(entries), Map.copyOf(idFiles));
  }

  private static JsonNode read(Path file, String display) throws StoreException {
    try {
      return JsonTrees.read(file);
    } catch (JacksonException e) {
      throw new StoreException(
          display
              + " is not valid JSON (line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
              + "); re-run flowlint import");
    } catch (RuntimeException e) {
      throw new StoreException("cannot read " + display);
    }
  }

  public List<SchemaIndex.Entry> entries() {
    return index.entries();
  }

  /**
   * The schema of a flow id: the one index.json's byId names when several entries carry the id (an
   * index an older import left), else the only one; two and no say is an error, never a guess.
   */
  public Optional<FlowSchema> byId(String id) throws StoreException {
    List<SchemaIndex.Entry> all = byIdAsked.get(id);
    if (all == null) {
      all = index.allById(id);
      if (byIdAsked.size() < ASKED_IDS) {
        byIdAsked.put(id, all);
      }
    }
    if (all.size() > 1) {
      String file = idFiles.get(id.toLowerCase(Locale.ROOT));
      Optional<SchemaIndex.Entry> named =
          all.stream().filter(e -> e.file().equals(file)).findFirst();
      if (named.isEmpty()) {
        throw new StoreException(
            "flow id "
                + id
                + " has several schemas ("
                + String.join(", ", all.stream().map(SchemaIndex.Entry::file).toList())
                + ") and index.json does not say which is current; re-run flowlint import");
      }
      return Optional.of(load(named.get()));
    }
    return all.isEmpty() ? Optional.empty() : Optional.of(load(all.get(0)));
  }

  /** By exact name, else by a name that matches ignoring case when only one does. */
  public Optional<FlowSchema> byName(String name) throws StoreException {
    return byName(name, type -> true);
  }

  /**
   * As {@link #byName(String)}; when the name is several flows' (Architect names are unique per
   * type only), {@code fits} says which types the caller can mean (a shared-flow body: a common
   * module), and one fitting flow is the answer. Otherwise it is {@link AmbiguousFlow}, never a
   * guess.
   */
  public Optional<FlowSchema> byName(String name, Predicate<String> fits) throws StoreException {
    List<SchemaIndex.Entry> exact =
        index.entries().stream().filter(x -> x.flowName().equals(name)).toList();
    if (exact.isEmpty()) {
      List<SchemaIndex.Entry> folded =
          index.entries().stream()
              .filter(
                  x -> x.flowName().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
              .toList();
      return folded.size() == 1 ? Optional.of(load(folded.get(0))) : Optional.empty();
    }
    if (exact.size() == 1) {
      return Optional.of(load(exact.get(0)));
    }
    List<SchemaIndex.Entry> fitting = exact.stream().filter(e -> fits.test(e.flowType())).toList();
    if (fitting.size() == 1) {
      return Optional.of(load(fitting.get(0)));
    }
    List<String> candidates = exact.stream().map(SchemaStore::candidate).toList();
    throw new AmbiguousFlow(ambiguity(name, exact, candidates), candidates);
  }

  private static String candidate(SchemaIndex.Entry e) {
    return (e.flowType().isEmpty() ? "no type" : e.flowType())
        + " ("
        + e.flowId().map(id -> "id " + id + ", ").orElse("")
        + e.file()
        + ")";
  }

  private static String ambiguity(
      String name, List<SchemaIndex.Entry> entries, List<String> candidates) {
    SchemaIndex.Entry first = entries.get(0);
    return "flow name \""
        + name
        + "\" is used by flows of several types: "
        + String.join(", ", candidates)
        + "; name one by its id or its schema file (--flow "
        + first.flowId().orElse(first.file())
        + ", or flow: in flowlint.yaml)";
  }

  public Optional<FlowSchema> byNameOrId(String nameOrId) throws StoreException {
    return byNameOrId(nameOrId, type -> true);
  }

  /** By id, by schema file name (the way to pick one of several flows of one name), by name. */
  public Optional<FlowSchema> byNameOrId(String nameOrId, Predicate<String> fits)
      throws StoreException {
    Optional<FlowSchema> byId = byId(nameOrId);
    if (byId.isPresent()) {
      return byId;
    }
    Optional<SchemaIndex.Entry> file =
        nameOrId.endsWith(FileNames.SUFFIX)
            ? index.entries().stream().filter(e -> e.file().equals(nameOrId)).findFirst()
            : Optional.empty();
    return file.isPresent() ? Optional.of(load(file.get())) : byName(nameOrId, fits);
  }

  /** The schema of an index entry. */
  public FlowSchema schema(SchemaIndex.Entry entry) throws StoreException {
    return load(entry);
  }

  /** The {@code x-flowlint.source} of an entry's schema: which file or API it came from. */
  public String source(SchemaIndex.Entry entry) throws StoreException {
    Path file = dir.resolve(entry.file());
    return Files.isRegularFile(file)
        ? read(file, entry.file()).path("x-flowlint").path("source").asString("")
        : "";
  }

  /** The checker threads of a run share the store: a schema already read is had without a lock. */
  private FlowSchema load(SchemaIndex.Entry entry) throws StoreException {
    FlowSchema cached = loaded.get(entry.file());
    return cached != null ? cached : loadOnce(entry);
  }

  private synchronized FlowSchema loadOnce(SchemaIndex.Entry entry) throws StoreException {
    FlowSchema cached = loaded.get(entry.file());
    if (cached != null) {
      return cached;
    }
    Path file = dir.resolve(entry.file());
    if (!Files.isRegularFile(file)) {
      throw new StoreException(
          "index.json names " + entry.file() + ", which is missing; re-run flowlint import");
    }
    FlowSchema schema = FlowSchema.of(entry.file(), read(file, entry.file()));
    loaded.put(entry.file(), schema);
    return schema;
  }
}
