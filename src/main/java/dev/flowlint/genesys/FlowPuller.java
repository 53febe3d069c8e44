package dev.flowlint.genesys;

import dev.flowlint.model.FlowDefinition;
import dev.flowlint.source.ApiJsonReader;
import dev.flowlint.source.SourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lists the org's flows, keeps those the filters select, fills in schemas missing from the listing
 * from each flow's published version (a few requests at a time), and reads them as definitions.
 */
public final class FlowPuller {
  /** At most this many version requests in flight: well under the rate limit. */
  private static final int IN_FLIGHT = 3;

  public record Filters(List<String> types, Optional<String> nameGlob, List<String> ids) {
    boolean accepts(JsonNode entity) {
      String type = entity.path("type").asString("").toLowerCase(Locale.ROOT);
      if (!types.isEmpty() && !types.contains(type)) {
        return false;
      }
      if (!ids.isEmpty() && !ids.contains(entity.path("id").asString(""))) {
        return false;
      }
      return nameGlob
          .map(g -> glob(g).matcher(entity.path("name").asString("")).matches())
          .orElse(true);
    }

    boolean narrowed() {
      return nameGlob.isPresent() || !ids.isEmpty();
    }
  }

  public record Pulled(List<FlowDefinition> flows, List<String> notes) {}

  private final GenesysClient client;
  private final String sourceName;

  public FlowPuller(GenesysClient client, String sourceName) {
    this.client = client;
    this.sourceName = sourceName;
  }

  public Pulled pull(Filters filters) throws GenesysException {
    List<JsonNode> selected = new ArrayList<>();
    for (JsonNode e : client.divisionViews(filters.types())) {
      if (filters.accepts(e)) {
        selected.add(e);
      }
    }
    List<String> notes = new ArrayList<>();
    List<JsonNode> complete = withSchemas(selected, notes);
    ApiJsonReader reader = new ApiJsonReader();
    List<FlowDefinition> flows = new ArrayList<>();
    for (JsonNode e : complete) {
      String version = e.path("publishedVersion").path("id").asString("");
      String source = sourceName + (version.isEmpty() ? "" : ", version " + version);
      try {
        reader.flow("flow " + e.path("id").asString(""), source, e).ifPresent(flows::add);
      } catch (SourceException ex) {
        notes.add(ex.getMessage());
      }
    }
    return new Pulled(flows, notes);
  }

  private List<JsonNode> withSchemas(List<JsonNode> entities, List<String> notes)
      throws GenesysException {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            IN_FLIGHT,
            r -> {
              Thread t = new Thread(r, "flowlint-pull");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<Optional<JsonNode>>> futures = new ArrayList<>();
      for (JsonNode e : entities) {
        futures.add(pool.submit(() -> complete(e, notes)));
      }
      List<JsonNode> out = new ArrayList<>();
      for (Future<Optional<JsonNode>> f : futures) {
        try {
          f.get().ifPresent(out::add);
        } catch (ExecutionException ex) {
          if (ex.getCause() instanceof GenesysException g) {
            throw g;
          }
          throw new GenesysException(
              "pulling flows failed: an unexpected error while reading flow versions");
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
          throw new GenesysException("interrupted");
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private Optional<JsonNode> complete(JsonNode entity, List<String> notes) throws GenesysException {
    if (entity.path("inputSchema").isObject()) {
      return Optional.of(entity);
    }
    String id = entity.path("id").asString("");
    String version = entity.path("publishedVersion").path("id").asString("");
    if (version.isEmpty()) {
      synchronized (notes) {
        notes.add(
            "flow "
                + entity.path("name").asString(id)
                + " has no published version and no schema in the listing; skipped");
      }
      return Optional.empty();
    }
    JsonNode v = client.flowVersion(id, version);
    ObjectNode merged = ((ObjectNode) entity).deepCopy();
    merged.set("inputSchema", v.path("inputSchema").isObject() ? v.get("inputSchema") : null);
    merged.set("outputSchema", v.path("outputSchema").isObject() ? v.get("outputSchema") : null);
    if (!merged.path("inputSchema").isObject()) {
      merged.remove("inputSchema");
    }
    if (!merged.path("outputSchema").isObject()) {
      merged.remove("outputSchema");
    }
    return Optional.of(merged);
  }

  /** A glob on flow names: * any run, ? one character; case ignored. */
  static Pattern glob(String glob) {
    StringBuilder re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
