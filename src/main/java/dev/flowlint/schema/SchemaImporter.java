package dev.flowlint.schema;

import dev.flowlint.io.AtomicFiles;
import dev.flowlint.io.CanonicalJson;
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
 * Writes the schemas of a set of flow definitions into a directory, with its index, all at once
 * or not at all. Used by {@code import} and {@code pull}.
 */
public final class SchemaImporter {
  private final SchemaWriter writer;

  public SchemaImporter(RequiredPolicy policy) {
    this.writer = new SchemaWriter(policy);
  }

  /**
   * @param flows definitions read in this run, in a stable order
   * @param problems problems found while reading (kept in the result)
   */
  public ImportResult write(Path outDir, String outDisplay, List<FlowDefinition> flows, List<Problem> problems)
      throws IOException {
    List<Problem> allProblems = new ArrayList<>(problems);
    List<Skipped> skipped = new ArrayList<>();
    Map<String, List<FlowDefinition>> byName = new TreeMap<>();
    for (FlowDefinition flow : flows) {
      if (!flow.hasInputs()) {
        skipped.add(new Skipped(flow.name(), flow.type(), flow.source(), "no inputs"));
        continue;
      }
      byName.computeIfAbsent(flow.name(), k -> new ArrayList<>()).add(flow);
      caseConflicts(flow, allProblems);
    }

    Map<String, ObjectNode> chosen = new TreeMap<>();
    for (Map.Entry<String, List<FlowDefinition>> e : byName.entrySet()) {
      choose(e.getKey(), e.getValue(), allProblems).ifPresent(s -> chosen.put(e.getKey(), s));
    }

    Map<String, JsonNode> existing = readExisting(outDir, allProblems);
    Map<String, String> fileOfName = new HashMap<>();
    existing.forEach((file, schema) -> fileOfName.put(SchemaIndex.Entry.of(file, schema).flowName(), file));

    Map<Path, String> files = new LinkedHashMap<>();
    Map<String, SchemaIndex.Entry> index = new TreeMap<>();
    existing.forEach((file, schema) -> index.put(file, SchemaIndex.Entry.of(file, schema)));
    List<Imported> imported = new ArrayList<>();
    for (Map.Entry<String, ObjectNode> e : chosen.entrySet()) {
      String name = e.getKey();
      String file = fileOfName.get(name);
      if (file == null) {
        file = FileNames.fileFor(name);
        SchemaIndex.Entry taken = index.get(file);
        if (taken != null && !taken.flowName().equals(name)) {
          file = FileNames.disambiguated(name);
        }
      }
      ObjectNode schema = e.getValue();
      index.put(file, SchemaIndex.Entry.of(file, schema));
      files.put(outDir.resolve(file), CanonicalJson.write(schema));
      imported.add(new Imported(name, schema.path("x-flowlint").path("flowType").asString(""),
          schema.path("properties").size(), schema.path("required").size(), file));
    }
    if (!files.isEmpty()) {
      files.put(outDir.resolve(SchemaIndex.FILE_NAME), SchemaIndex.of(index.values()).write());
      AtomicFiles.writeAll(files);
    }
    return new ImportResult(outDisplay, imported, skipped, allProblems);
  }

  private java.util.Optional<ObjectNode> choose(String name, List<FlowDefinition> defs, List<Problem> problems) {
    ObjectNode first = writer.schema(defs.get(0));
    boolean same = true;
    for (FlowDefinition other : defs.subList(1, defs.size())) {
      same &= withoutSource(writer.schema(other)).equals(withoutSource(first));
    }
    if (defs.size() == 1) {
      return java.util.Optional.of(first);
    }
    List<String> sources = defs.stream().map(FlowDefinition::source).toList();
    if (same) {
      problems.add(new Problem(Severity.WARNING, "flow \"" + name + "\" is defined identically in "
          + String.join(", ", sources) + "; its schema comes from " + sources.get(0)));
      return java.util.Optional.of(first);
    }
    StringBuilder how = new StringBuilder();
    for (FlowDefinition d : defs) {
      how.append("\n  ").append(d.source()).append(": ").append(d.inputs().stream()
          .map(v -> v.name() + " " + v.genesysType() + (v.initialValue().literal().isPresent() ? " = " + v.initialValue().literal().get() : ""))
          .sorted().collect(java.util.stream.Collectors.joining(", ")));
    }
    problems.add(new Problem(Severity.ERROR, "flow \"" + name + "\" is defined differently in "
        + String.join(" and ", sources) + "; neither was written (import them separately, or remove one). Inputs:" + how));
    return java.util.Optional.empty();
  }

  private static JsonNode withoutSource(ObjectNode schema) {
    ObjectNode copy = schema.deepCopy();
    ((ObjectNode) copy.path("x-flowlint")).remove("source");
    return copy;
  }

  private static void caseConflicts(FlowDefinition flow, List<Problem> problems) {
    Map<String, String> seen = new HashMap<>();
    for (Variable v : flow.inputs()) {
      String folded = v.name().toLowerCase(Locale.ROOT);
      String before = seen.putIfAbsent(folded, v.name());
      if (before != null && !Objects.equals(before, v.name())) {
        problems.add(new Problem(Severity.WARNING, flow.source() + ": flow \"" + flow.name()
            + "\" has inputs \"" + before + "\" and \"" + v.name()
            + "\" that differ only by case; Architect cannot have both, so the definition is suspect"));
      }
    }
  }

  /** Schemas already in the directory, by file name; unreadable ones are left alone. */
  private static Map<String, JsonNode> readExisting(Path outDir, List<Problem> problems) throws IOException {
    Map<String, JsonNode> out = new TreeMap<>();
    if (!Files.isDirectory(outDir)) {
      return out;
    }
    try (Stream<Path> list = Files.list(outDir)) {
      for (Path p : list.filter(f -> f.getFileName().toString().endsWith(FileNames.SUFFIX)).sorted().toList()) {
        try {
          out.put(p.getFileName().toString(), CanonicalJson.mapper().readTree(p.toFile()));
        } catch (JacksonException | UncheckedIOException e) {
          problems.add(new Problem(Severity.WARNING, p + ": existing schema is not readable JSON; left as it is and not indexed"));
        }
      }
    }
    return out;
  }
}
