package dev.flowlint.check;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.flowlint.schema.SchemaStore.BadSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one place schemas are compiled and run. A schema made only of the keywords flowlint writes
 * goes to {@link SubsetSchema}, which gives networknt's errors without networknt's start-up; any
 * other schema goes to networknt, set up on first need, in the dialect its own {@code $schema}
 * names (2020-12 when it names none), with {@code format} asserted rather than merely annotated: a
 * person who writes {@code "format": "email"} into a schema means it.
 */
final class SchemaEngine {
  /** Which engine a schema may go to: both (the default), or networknt alone (for comparing). */
  enum Route {
    SUBSET_FIRST,
    NETWORKNT_ONLY
  }

  private final Route route;
  private SchemaRegistry registry; // made on first need: a run of subset schemas never pays for it
  private final Map<String, Function<JsonNode, List<SchemaError>>> compiled = new HashMap<>();

  SchemaEngine() {
    this(Route.SUBSET_FIRST);
  }

  SchemaEngine(Route route) {
    this.route = route;
  }

  /**
   * @param key identifies the document for the run (its file, plus anything that changed it)
   * @param what names the schema in a message when it cannot be used
   */
  List<SchemaError> validate(String key, JsonNode document, JsonNode instance, String what) {
    try {
      return compiled.computeIfAbsent(key, k -> compile(document)).apply(instance);
    } catch (BoundedPatterns.Runaway e) {
      // A pattern written by hand: import cannot mend it.
      throw new BadSchema(
          what + culprit(document, instance) + " cannot be used" + why(e) + "; simplify it");
    } catch (RuntimeException e) {
      throw new BadSchema(
          what
              + culprit(document, instance)
              + " cannot be used"
              + why(e)
              + "; fix it or re-run flowlint import");
    } catch (StackOverflowError e) {
      // Some of networknt's format checks (hostname, uri-template) recurse once per character of
      // the value: a long value gets a thread with a deep stack. A $ref that leads back to itself
      // runs out of any stack. The stack is unwound by now, so trying again is safe.
      Function<JsonNode, List<SchemaError>> check = compiled.get(key);
      Optional<List<SchemaError>> deep;
      try {
        deep = check == null ? Optional.empty() : onDeepStack(check, instance);
      } catch (RuntimeException again) {
        throw new BadSchema(
            what
                + culprit(document, instance)
                + " cannot be used"
                + why(again)
                + "; fix it or re-run flowlint import");
      }
      if (deep.isPresent()) {
        return deep.get();
      }
      throw new BadSchema(
          what
              + culprit(document, instance)
              + " cannot be used: a $ref leads back to itself without end"
              + "; fix it or re-run flowlint import");
    }
  }

  /** The check run again on a thread with a 256 MiB stack; empty when it overflows that too. */
  private static Optional<List<SchemaError>> onDeepStack(
      Function<JsonNode, List<SchemaError>> check, JsonNode instance) {
    List<List<SchemaError>> result = new ArrayList<>(1);
    RuntimeException[] failure = new RuntimeException[1];
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                result.add(check.apply(instance));
              } catch (RuntimeException e) {
                failure[0] = e;
              } catch (StackOverflowError e) {
                // no result: a loop, not a long value
              }
            },
            "flowlint-deep-check",
            256L << 20);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    return result.isEmpty() ? Optional.empty() : Optional.of(result.get(0));
  }

  private Function<JsonNode, List<SchemaError>> compile(JsonNode document) {
    Optional<SubsetSchema> fast =
        route == Route.SUBSET_FIRST ? SubsetSchema.compile(document) : Optional.empty();
    if (fast.isPresent()) {
      return fast.get()::validate;
    }
    Schema schema = registry().getSchema(document);
    return instance -> adapt(schema.validate(instance));
  }

  private SchemaRegistry registry() {
    if (registry == null) {
      registry =
          SchemaRegistry.withDefaultDialect(
              SpecificationVersion.DRAFT_2020_12,
              b ->
                  b.schemaRegistryConfig(
                      SchemaRegistryConfig.builder()
                          .formatAssertionsEnabled(true)
                          .regularExpressionFactory(BoundedPatterns.NETWORKNT)
                          .build()));
    }
    return registry;
  }

  private static List<SchemaError> adapt(List<Error> errors) {
    List<SchemaError> out = new ArrayList<>(errors.size());
    for (Error e : errors) {
      List<Object> at = new ArrayList<>();
      for (int i = 0; i < e.getInstanceLocation().getNameCount(); i++) {
        at.add(e.getInstanceLocation().getElement(i));
      }
      out.add(
          new SchemaError(
              e.getKeyword(),
              at,
              Optional.ofNullable(e.getProperty()),
              e.getSchemaNode(),
              e.getSchemaLocation() == null ? "" : e.getSchemaLocation().toString(),
              e.getMessage() == null ? "" : e.getMessage()));
    }
    return out;
  }

  /**
   * Which property's schema cannot be used, found by trying each alone with networknt: ": the
   * schema of Flow.x".
   */
  private String culprit(JsonNode document, JsonNode instance) {
    JsonNode props = document.path("properties");
    for (String name : props.propertyNames()) {
      ObjectNode alone = JsonNodeFactory.instance.objectNode();
      if (document.has("$schema")) {
        alone.set("$schema", document.get("$schema"));
      }
      alone.set("properties", JsonNodeFactory.instance.objectNode().set(name, props.get(name)));
      try {
        registry().getSchema(alone).validate(instance);
      } catch (RuntimeException | StackOverflowError e) {
        return ": the schema of " + name;
      }
    }
    return "";
  }

  private static String why(RuntimeException e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
  }
}
