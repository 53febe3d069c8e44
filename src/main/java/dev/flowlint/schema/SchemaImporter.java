package dev.flowlint.schema;

import dev.flowlint.io.AtomicFiles;
import dev.flowlint.io.CanonicalJson;
import dev.flowlint.model.Definition;
import dev.flowlint.model.FlowDefinition;
import dev.flowlint.model.Variable;
import dev.flowlint.schema.ImportResult.Imported;
import dev.flowlint.schema.ImportResult.Problem;
import dev.flowlint.schema.ImportResult.Severity;
import dev.flowlint.schema.ImportResult.Skipped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the schemas of a set of flow definitions into a directory, with its index, all at once or
 * not at all. Used by {@code import} and {@code pull}.
 */
public final class SchemaImporter {
  private final SchemaWriter writer;
  private final Map<String, Map<String, JsonNode>> constraints;

  public SchemaImporter(RequiredPolicy policy) {
    this(policy, Map.of());
  }

  /**
   * @param constraints flowlint.yaml's {@code flows.NAME.inputs}: flow name or id → input →
   *     keywords
   */
  public SchemaImporter(RequiredPolicy policy, Map<String, Map<String, JsonNode>> constraints) {
    this.writer = new SchemaWriter(policy);
    this.constraints = constraints;
  }

  /**
   * @param flows definitions read in this run, in a stable order
   * @param problems problems found while reading (kept in the result)
   */
  public ImportResult write(
      Path outDir, String outDisplay, List<? extends Definition> flows, List<Problem> problems)
      throws IOException {
    if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
      throw new IOException("it is a file, not a directory");
    }
    List<Problem> allProblems = new ArrayList<>(problems);
    List<Skipped> skipped = new ArrayList<>();
    Map<String, List<Definition>> byName = new TreeMap<>();
    for (Definition flow : flows) {
      if (flow instanceof FlowDefinition f) {
        if (declaredTwice(f, allProblems)) {
          continue;
        }
        caseConflicts(f, allProblems);
      }
      byName.computeIfAbsent(flow.name(), k -> new ArrayList<>()).add(flow);
    }

    Map<String, ObjectNode> chosen = new TreeMap<>();
    for (Map.Entry<String, List<Definition>> e : byType(byName, allProblems).entrySet()) {
      choose(nameOf(e.getKey()), e.getValue(), allProblems)
          .map(s -> ConfigConstraints.merge(s, constraints, allProblems))
          .ifPresent(s -> chosen.put(e.getKey(), s));
    }

    Map<String, JsonNode> existing = readExisting(outDir, allProblems);
    Map<String, String> fileOfName = new HashMap<>();
    existing.forEach(
        (file, schema) ->
            fileOfName.put(
                SchemaIndex.Entry.of(file, schema).flowName()
                    + TYPE_SEPARATOR
                    + SchemaIndex.Entry.of(file, schema).flowType(),
                file));

    Map<Path, String> files = new LinkedHashMap<>();
    Map<String, SchemaIndex.Entry> index = new TreeMap<>();
    existing.forEach((file, schema) -> index.put(file, SchemaIndex.Entry.of(file, schema)));
    List<Imported> imported = new ArrayList<>();
    List<SchemaIndex.Entry> written = new ArrayList<>();
    for (Map.Entry<String, ObjectNode> e : chosen.entrySet()) {
      String name = nameOf(e.getKey());
      boolean typed = e.getKey().contains(TYPE_SEPARATOR);
      String type = e.getValue().path("x-flowlint").path("flowType").asString("");
      String id = e.getValue().path("x-flowlint").path("flowId").asString("");
      // By name and type: a name alone may be another flow's (of another type) file. Not a file
      // that holds another flow id: that flow had this name before a rename, and its schema is
      // kept, not overwritten (it may be all there is of it until its own source is imported).
      String file = fileOfName.get(name + TYPE_SEPARATOR + type);
      if (file != null && otherFlow(index.get(file), id)) {
        file = null;
      }
      if (file == null) {
        // Two flows of different types may share a name: each gets its type in its file name.
        String fileName =
            typed
                ? name + " " + e.getKey().substring(e.getKey().indexOf(TYPE_SEPARATOR) + 1)
                : name;
        file = FileNames.fileFor(fileName);
        SchemaIndex.Entry taken = index.get(file);
        if (taken != null && !(taken.flowName().equals(name) && taken.flowType().equals(type))) {
          file = FileNames.disambiguated(fileName);
        } else if (otherFlow(taken, id)) {
          file = FileNames.disambiguated(fileName, id);
        }
      }
      ObjectNode schema = e.getValue();
      index.put(file, SchemaIndex.Entry.of(file, schema));
      written.add(SchemaIndex.Entry.of(file, schema));
      files.put(outDir.resolve(file), CanonicalJson.write(schema));
      launchSchema(schema, file)
          .ifPresent(
              l -> files.put(outDir.resolve(FileNames.launchFileFor(l.getKey())), l.getValue()));
      imported.add(
          new Imported(
              name,
              schema.path("x-flowlint").path("flowType").asString(""),
              schema.path("properties").size(),
              schema.path("required").size(),
              file));
    }
    if (!files.isEmpty()) {
      SchemaIndex.ensureOurs(outDir.resolve(SchemaIndex.FILE_NAME), outDisplay);
      List<String> stale = StaleSchemas.drop(outDir, index, written, allProblems);
      files.put(outDir.resolve(SchemaIndex.FILE_NAME), SchemaIndex.of(index.values()).write());
      AtomicFiles.writeAll(files);
      // A killed run's temporary files: this run wrote the directory as a whole.
      AtomicFiles.removeStaleTemporaries(outDir);
      // After the index that no longer names them, as removeGone does.
      for (String f : stale) {
        Files.deleteIfExists(outDir.resolve(f));
        if (!files.containsKey(outDir.resolve(FileNames.launchFileFor(f)))) {
          Files.deleteIfExists(outDir.resolve(FileNames.launchFileFor(f)));
        }
      }
    }
    return new ImportResult(outDisplay, imported, skipped, allProblems);
  }

  /**
   * Removes the schemas in {@code outDir} that {@code gone} picks (flows pull wrote that are no
   * longer in the org) and whose flow is not among {@code keep}: the index is rewritten first, so
   * it never names a missing file, then the files (each inputs schema and its launch schema) are
   * deleted. Schemas of imported files are never picked: the caller matches on their {@code
   * x-flowlint.source}.
   *
   * @return the names of the flows removed, in file order
   */
  public List<String> removeGone(
      Path outDir, java.util.function.Predicate<JsonNode> gone, java.util.Set<String> keep)
      throws IOException {
    List<Problem> ignored = new ArrayList<>();
    Map<String, JsonNode> existing = readExisting(outDir, ignored);
    Map<String, SchemaIndex.Entry> index = new TreeMap<>();
    List<String> files = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    existing.forEach(
        (file, schema) -> {
          SchemaIndex.Entry e = SchemaIndex.Entry.of(file, schema);
          if (gone.test(schema) && !keep.contains(e.flowName())) {
            files.add(file);
            removed.add(e.flowName());
          } else {
            index.put(file, e);
          }
        });
    if (files.isEmpty()) {
      return removed;
    }
    SchemaIndex.ensureOurs(outDir.resolve(SchemaIndex.FILE_NAME), outDir.toString());
    AtomicFiles.write(
        outDir.resolve(SchemaIndex.FILE_NAME), SchemaIndex.of(index.values()).write());
    for (String f : files) {
      Files.deleteIfExists(outDir.resolve(f));
      Files.deleteIfExists(
          outDir.resolve(FileNames.launchFileFor(f))); // its launch schema goes with it
    }
    return removed;
  }

  /** Whether {@code entry} is the schema of a flow other than the one with id {@code id}. */
  private static boolean otherFlow(SchemaIndex.Entry entry, String id) {
    return entry != null
        && !id.isEmpty()
        && entry.flowId().isPresent()
        && !entry.flowId().get().equalsIgnoreCase(id);
  }

  private static final String TYPE_SEPARATOR = "\u0000";

  private static String nameOf(String key) {
    int at = key.indexOf(TYPE_SEPARATOR);
    return at < 0 ? key : key.substring(0, at);
  }

  /**
   * Definitions by flow, where a flow is its name, or its name and type when flows of different
   * types share one name (Architect names are unique per type only): those are different flows.
   */
  private static Map<String, List<Definition>> byType(
      Map<String, List<Definition>> byName, List<Problem> problems) {
    Map<String, List<Definition>> out = new TreeMap<>();
    for (Map.Entry<String, List<Definition>> e : byName.entrySet()) {
      java.util.Set<String> types = new java.util.TreeSet<>();
      e.getValue().forEach(d -> types.add(d.type()));
      if (types.size() == 1) {
        out.put(e.getKey(), e.getValue());
        continue;
      }
      for (Definition d : e.getValue()) {
        out.computeIfAbsent(e.getKey() + TYPE_SEPARATOR + d.type(), k -> new ArrayList<>()).add(d);
      }
      problems.add(
          new Problem(
              Severity.WARNING,
              "\""
                  + e.getKey()
                  + "\" names flows of different types ("
                  + String.join(", ", types)
                  + "); each is imported as a flow of its own, its type in its file name"));
    }
    return out;
  }

  /** The request body's schema beside the inputs schema (absent for a data action). */
  private static java.util.Optional<Map.Entry<String, String>> launchSchema(
      ObjectNode schema, String file) {
    return LaunchSchemas.of(schema, file).map(l -> Map.entry(file, CanonicalJson.write(l)));
  }

  private java.util.Optional<ObjectNode> choose(
      String name, List<Definition> unordered, List<Problem> problems) {
    // The lexicographically first source is kept among equals, so the argument order never matters.
    List<Definition> defs =
        unordered.stream().sorted(java.util.Comparator.comparing(Definition::source)).toList();
    ObjectNode first = writer.schema(defs.get(0));
    if (defs.size() == 1) {
      return java.util.Optional.of(first);
    }
    java.util.Optional<ObjectNode> newest = newestVersion(name, defs, problems);
    if (newest.isPresent()) {
      return newest;
    }
    boolean same = true;
    for (Definition other : defs.subList(1, defs.size())) {
      same &= withoutSource(writer.schema(other)).equals(withoutSource(first));
    }
    List<String> sources = defs.stream().map(Definition::source).toList();
    String noun =
        defs.get(0) instanceof dev.flowlint.model.DataActionDefinition ? "data action" : "flow";
    if (same) {
      problems.add(
          new Problem(
              Severity.WARNING,
              noun
                  + " \""
                  + name
                  + "\" is defined identically in "
                  + String.join(", ", sources)
                  + "; its schema comes from "
                  + sources.get(0)));
      return java.util.Optional.of(first);
    }
    if (sameContract(defs)) {
      problems.add(
          new Problem(
              Severity.WARNING,
              "data action \""
                  + name
                  + "\" has the same input contract in "
                  + String.join(", ", sources)
                  + " (they differ in "
                  + String.join(", ", differingKeys(defs))
                  + "); one schema, from "
                  + sources.get(0)));
      return java.util.Optional.of(first);
    }
    StringBuilder how = new StringBuilder();
    for (Definition d : defs) {
      how.append("\n  ")
          .append(d.source())
          .append(": ")
          .append(
              d.inputSummary().stream()
                  .sorted()
                  .collect(java.util.stream.Collectors.joining(", ")));
    }
    boolean sameInputs =
        defs.stream().map(d -> d.inputSummary().stream().sorted().toList()).distinct().count() == 1;
    String what =
        sameInputs
            ? " Same inputs; they differ in " + String.join(", ", differingKeys(defs)) + "."
            : " Inputs:" + how;
    problems.add(
        new Problem(
            Severity.ERROR,
            noun
                + " \""
                + name
                + "\" is defined differently in "
                + String.join(" and ", sources)
                + "; neither was written (import them separately, or remove one)."
                + what));
    return java.util.Optional.empty();
  }

  /**
   * Several definitions of one flow whose file names carry versions ({@code _v2-0}): the highest
   * version wins (a versioned file beats one without a version), and the others are named.
   */
  private java.util.Optional<ObjectNode> newestVersion(
      String name, List<Definition> defs, List<Problem> problems) {
    if (!defs.stream().allMatch(d -> d instanceof FlowDefinition)) {
      return java.util.Optional.empty();
    }
    List<FlowDefinition> flows = defs.stream().map(d -> (FlowDefinition) d).toList();
    java.util.Optional<String> top =
        flows.stream().flatMap(f -> f.version().stream()).max(SchemaImporter::compareVersions);
    if (top.isEmpty()) {
      return java.util.Optional.empty();
    }
    List<FlowDefinition> newest =
        flows.stream()
            .filter(f -> f.version().filter(v -> compareVersions(v, top.get()) == 0).isPresent())
            .toList();
    JsonNode content = withoutSource(writer.schema(newest.get(0)));
    if (newest.stream().anyMatch(f -> !withoutSource(writer.schema(f)).equals(content))) {
      return java.util.Optional
          .empty(); // one version defined two ways: no way to tell which is right
    }
    String others =
        flows.stream()
            .filter(f -> !newest.contains(f))
            .map(
                f ->
                    f.source()
                        + f.version().map(v -> " (version " + v + ")").orElse(" (no version)"))
            .collect(java.util.stream.Collectors.joining(", "));
    if (!others.isEmpty()) {
      problems.add(
          new Problem(
              Severity.WARNING,
              "flow \""
                  + name
                  + "\": version "
                  + top.get()
                  + " from "
                  + newest.get(0).source()
                  + " is imported, the newest of its definitions; not imported: "
                  + others));
    }
    return java.util.Optional.of(writer.schema(newest.get(0)));
  }

  /** "2.0" against "10.0", part by part as numbers. */
  static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      long p = i < x.length && x[i].matches("\\d{1,18}") ? Long.parseLong(x[i]) : 0;
      long q = i < y.length && y[i].matches("\\d{1,18}") ? Long.parseLong(y[i]) : 0;
      if (p != q) {
        return Long.compare(p, q);
      }
    }
    return a.compareTo(b);
  }

  /** Data actions whose input contracts are the same, whatever else differs. */
  private boolean sameContract(List<Definition> defs) {
    if (!defs.stream().allMatch(d -> d instanceof dev.flowlint.model.DataActionDefinition)) {
      return false;
    }
    return defs.stream()
            .map(d -> ((dev.flowlint.model.DataActionDefinition) d).inputSchema())
            .distinct()
            .count()
        == 1;
  }

  /** Schema keys (and x-flowlint keys) whose values differ between the definitions. */
  private List<String> differingKeys(List<Definition> defs) {
    java.util.TreeSet<String> keys = new java.util.TreeSet<>();
    JsonNode first = withoutSource(writer.schema(defs.get(0)));
    for (Definition d : defs.subList(1, defs.size())) {
      JsonNode other = withoutSource(writer.schema(d));
      java.util.Set<String> names = new java.util.TreeSet<>(first.propertyNames());
      names.addAll(other.propertyNames());
      for (String k : names) {
        if (k.equals("x-flowlint")) {
          java.util.Set<String> meta = new java.util.TreeSet<>(first.path(k).propertyNames());
          meta.addAll(other.path(k).propertyNames());
          meta.stream()
              .filter(m -> !first.path(k).path(m).equals(other.path(k).path(m)))
              .forEach(m -> keys.add("x-flowlint." + m));
        } else if (!first.path(k).equals(other.path(k))) {
          keys.add(k);
        }
      }
    }
    return List.copyOf(keys);
  }

  private static JsonNode withoutSource(ObjectNode schema) {
    ObjectNode copy = schema.deepCopy();
    ((ObjectNode) copy.path("x-flowlint")).remove("source");
    return copy;
  }

  /**
   * A variable name declared more than once: the schema could hold only one of the declarations
   * (the last silently won, so an Integer input declared again as a String took any text). Told
   * apart, the flow is an error and not written; the same declaration repeated is a warning.
   *
   * @return whether the flow is not to be written
   */
  private static boolean declaredTwice(FlowDefinition flow, List<Problem> problems) {
    Map<String, List<Variable>> byName = new LinkedHashMap<>();
    for (Variable v : flow.variables()) {
      byName.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(v);
    }
    boolean refused = false;
    for (Map.Entry<String, List<Variable>> e : byName.entrySet()) {
      List<Variable> decls = e.getValue();
      if (decls.size() < 2) {
        continue;
      }
      boolean same = decls.stream().distinct().count() == 1;
      refused |= !same;
      problems.add(
          new Problem(
              same ? Severity.WARNING : Severity.ERROR,
              flow.source()
                  + ": flow \""
                  + flow.name()
                  + "\" declares the variable \""
                  + e.getKey()
                  + "\" "
                  + decls.size()
                  + " times"
                  + (same
                      ? ", identically"
                      : " ("
                          + decls.stream()
                              .map(SchemaImporter::describe)
                              .collect(java.util.stream.Collectors.joining("; "))
                          + "); Architect cannot have both, so which one holds is unknown and"
                          + " the flow was not written")));
    }
    return refused;
  }

  private static String describe(Variable v) {
    List<String> flags = new ArrayList<>();
    if (v.input()) {
      flags.add("input");
    }
    if (v.output()) {
      flags.add("output");
    }
    return v.genesysType()
        + (flags.isEmpty() ? "" : " " + String.join(" and ", flags))
        + (v.initialValue() instanceof dev.flowlint.model.InitialValue.None
            ? ""
            : " with an initial value");
  }

  private static void caseConflicts(FlowDefinition flow, List<Problem> problems) {
    Map<String, String> seen = new HashMap<>();
    for (Variable v : flow.inputs()) {
      String folded = v.name().toLowerCase(Locale.ROOT);
      String before = seen.putIfAbsent(folded, v.name());
      if (before != null && !Objects.equals(before, v.name())) {
        problems.add(
            new Problem(
                Severity.WARNING,
                flow.source()
                    + ": flow \""
                    + flow.name()
                    + "\" has inputs \""
                    + before
                    + "\" and \""
                    + v.name()
                    + "\" that differ only by case; Architect cannot have both, so the definition is suspect"));
      }
    }
  }

  /** Schemas already in the directory, by file name; unreadable ones are left alone. */
  private static Map<String, JsonNode> readExisting(Path outDir, List<Problem> problems)
      throws IOException {
    Map<String, JsonNode> out = new TreeMap<>();
    if (!Files.isDirectory(outDir)) {
      return out;
    }
    try (Stream<Path> list = Files.list(outDir)) {
      for (Path p :
          list.filter(f -> FileNames.isInputsSchema(String.valueOf(f.getFileName())))
              .sorted()
              .toList()) {
        try {
          out.put(String.valueOf(p.getFileName()), CanonicalJson.mapper().readTree(p.toFile()));
        } catch (JacksonException | UncheckedIOException e) {
          problems.add(
              new Problem(
                  Severity.WARNING,
                  p + ": existing schema is not readable JSON; left as it is and not indexed"));
        }
      }
    }
    return out;
  }
}
