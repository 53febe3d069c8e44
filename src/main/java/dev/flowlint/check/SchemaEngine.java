package dev.flowlint.check;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.flowlint.schema.SchemaStore.BadSchema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  private final BoundedPatterns.Allowance patterns;
  private SchemaRegistry registry; // made on first need: a run of subset schemas never pays for it
  private final Map<String, Function<JsonNode, List<SchemaError>>> compiled = new HashMap<>();

  SchemaEngine() {
    this(Route.SUBSET_FIRST);
  }

  SchemaEngine(Route route) {
    this(route, BoundedPatterns.PAYLOAD_STEPS);
  }

  /** With the characters one payload's patterns may read together (tests use fewer). */
  SchemaEngine(Route route, long payloadSteps) {
    this.route = route;
    this.patterns = new BoundedPatterns.Allowance(payloadSteps);
  }

  /**
   * A new payload: its patterns get the whole allowance of characters read ({@link
   * BoundedPatterns#PAYLOAD_STEPS}), whatever the last one used.
   */
  void startPayload() {
    patterns.reset();
  }

  /**
   * @param key identifies the document for the run (its file, plus anything that changed it)
   * @param what names the schema in a message when it cannot be used
   */
  List<SchemaError> validate(String key, JsonNode document, JsonNode instance, String what) {
    patterns.takeRecent();
    List<SchemaError> errors =
        BoundedPatterns.within(patterns, () -> run(key, document, instance, what));
    List<List<String>> undecided = patterns.takeRecent();
    return undecided.isEmpty() ? errors : undecided(errors, instance, undecided);
  }

  /**
   * The errors with each pattern error of an undecided match marked, and one error more for an
   * undecided match no error names (under {@code not}, or a {@code patternProperties} key): never a
   * quiet pass. That one is at the value when the instance holds it, so it is reported there.
   */
  private List<SchemaError> undecided(
      List<SchemaError> errors, JsonNode instance, List<List<String>> undecided) {
    List<SchemaError> out = new ArrayList<>(errors.size() + 1);
    Set<List<String>> named = new HashSet<>();
    for (SchemaError e : errors) {
      JsonNode value = instance.at(e.pointer());
      if (e.keyword().equals("pattern")
          && e.schemaNode().isString()
          && value.isString()
          && patterns.undecided(e.schemaNode().asString(), value.asString())) {
        named.add(List.of(e.schemaNode().asString(), value.asString()));
        out.add(
            new SchemaError(
                e.keyword(),
                e.at(),
                e.property(),
                e.schemaNode(),
                e.schemaLocation(),
                e.message(),
                true));
      } else {
        out.add(e);
      }
    }
    for (List<String> pair : undecided) {
      if (named.add(pair)) {
        out.add(
            new SchemaError(
                "pattern",
                where(instance, pair.get(1)),
                Optional.empty(),
                JsonNodeFactory.instance.stringNode(pair.get(0)),
                "",
                "the pattern "
                    + pair.get(0)
                    + " was not fully checked on a "
                    + pair.get(1).length()
                    + "-character value: "
                    + UNDECIDED,
                true));
      }
    }
    return out;
  }

  /**
   * Where the instance first holds the string as a value (looked for without recursion: an instance
   * may nest deeper than the stack); empty when only a key is that string.
   */
  private static List<Object> where(JsonNode instance, String value) {
    Deque<Map.Entry<JsonNode, List<Object>>> todo = new ArrayDeque<>();
    todo.push(Map.entry(instance, List.of()));
    while (!todo.isEmpty()) {
      Map.Entry<JsonNode, List<Object>> next = todo.pop();
      JsonNode node = next.getKey();
      if (node.isString() && node.asString().equals(value)) {
        return next.getValue();
      }
      List<Map.Entry<JsonNode, List<Object>>> children = new ArrayList<>();
      if (node.isObject()) {
        for (String name : node.propertyNames()) {
          children.add(Map.entry(node.get(name), append(next.getValue(), name)));
        }
      } else if (node.isArray()) {
        for (int k = 0; k < node.size(); k++) {
          children.add(Map.entry(node.get(k), append(next.getValue(), k)));
        }
      }
      for (int k = children.size() - 1; k >= 0; k--) {
        todo.push(children.get(k)); // the first child is looked at first
      }
    }
    return List.of();
  }

  private static List<Object> append(List<Object> path, Object step) {
    List<Object> out = new ArrayList<>(path);
    out.add(step);
    return out;
  }

  /** Why a value was not fully checked against a pattern, in the finding. */
  static final String UNDECIDED =
      "this payload's pattern checks used up their allowance ("
          + BoundedPatterns.PAYLOAD_STEPS / 1_000_000
          + " million characters read), so it is not known to match; simplify the pattern or"
          + " check fewer long values in one payload";

  private List<SchemaError> run(String key, JsonNode document, JsonNode instance, String what) {
    try {
      return compiled.computeIfAbsent(key, k -> compile(document)).apply(instance);
    } catch (BoundedPatterns.Runaway e) {
      // A pattern written by hand: import cannot mend it.
      // The property is found by where the pattern is written: running each again would spend a
      // runaway's budget once more.
      String at = holding(document, e.pattern()).orElseGet(() -> culprit(document, instance));
      throw new BadSchema(what + at + " cannot be used" + why(e) + "; simplify it");
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
    BoundedPatterns.Allowance allowance = BoundedPatterns.current();
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                result.add(
                    allowance == null
                        ? check.apply(instance)
                        : BoundedPatterns.within(allowance, () -> check.apply(instance)));
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

  /** ": the schema of Flow.x" when one property's schema alone writes this pattern. */
  private static Optional<String> holding(JsonNode document, String pattern) {
    String found = null;
    JsonNode props = document.path("properties");
    for (String name : props.propertyNames()) {
      if (writes(props.get(name), pattern)) {
        if (found != null) {
          return Optional.empty(); // two hold it: which value ran away is the run's to tell
        }
        found = name;
      }
    }
    return Optional.ofNullable(found).map(name -> ": the schema of " + name);
  }

  private static boolean writes(JsonNode schema, String pattern) {
    if (schema.isObject()) {
      JsonNode p = schema.get("pattern");
      if (p != null && p.isString() && p.asString().equals(pattern)) {
        return true;
      }
    }
    for (JsonNode child : schema) {
      if (writes(child, pattern)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Which property's schema cannot be used, found by trying each alone with networknt: ": the
   * schema of Flow.x".
   */
  private String culprit(JsonNode document, JsonNode instance) {
    // An allowance of its own: the payload's may be spent, and a runaway must run away again.
    return BoundedPatterns.within(
        new BoundedPatterns.Allowance(), () -> culpritWithin(document, instance));
  }

  private String culpritWithin(JsonNode document, JsonNode instance) {
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
