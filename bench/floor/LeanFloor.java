import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * A lean floor for a payload checker on the JVM, for bench/floor.sh: what ajv does and no more. It
 * reads every payload on two threads, parses it once with Jackson's streaming parser (no tree),
 * and checks the envelope's flowId and the inputs against one flow's schema (names, the JSON type,
 * the pattern of a string, required inputs), making a one-line finding with line and column and a
 * nearest name for an unknown key. No spans, fixes, help, templates, envelope detection, other
 * rules or report: flowlint does all of that on top. Not part of flowlint.
 *
 * <p>Usage: java -cp target/flowlint.jar:DIR LeanFloor PAYLOAD_DIR SCHEMA_FILE FLOW_ID
 */
public final class LeanFloor {
  private record Input(Set<String> types, Pattern pattern) {}

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(4);
  private static Map<String, Input> inputs;
  private static Set<String> required;
  private static String flowId;

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    readSchema(Path.of(args[1]));
    flowId = args[2];
    String[] names = dir.toFile().list();
    Arrays.sort(names);
    AtomicInteger next = new AtomicInteger();
    AtomicLong findings = new AtomicLong();
    AtomicLong withFindings = new AtomicLong();
    Runnable worker =
        () -> {
          for (int i; (i = next.getAndIncrement()) < names.length; ) {
            try {
              List<String> out = check(Files.readAllBytes(dir.resolve(names[i])));
              if (!out.isEmpty()) {
                withFindings.incrementAndGet();
                findings.addAndGet(out.size());
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        };
    Thread second = new Thread(worker);
    second.start();
    worker.run();
    second.join();
    System.out.println(
        names.length + " files, " + withFindings + " with findings, " + findings + " findings");
  }

  /** The schema's properties (type, pattern) and required list, read as a stream: no databind. */
  private static void readSchema(Path file) throws IOException {
    inputs = new HashMap<>();
    required = new HashSet<>();
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), file.toFile())) {
      p.nextToken();
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String key = p.currentName();
        p.nextToken();
        if (key.equals("properties")) {
          while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            p.nextToken();
            inputs.put(name, input(p));
          }
        } else if (key.equals("required")) {
          while (p.nextToken() == JsonToken.VALUE_STRING) {
            required.add(p.getString());
          }
        } else {
          p.skipChildren();
        }
      }
    }
  }

  private static Input input(JsonParser p) {
    Set<String> types = new HashSet<>();
    Pattern pattern = null;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String key = p.currentName();
      JsonToken t = p.nextToken();
      if (key.equals("type") && t == JsonToken.VALUE_STRING) {
        types.add(p.getString());
      } else if (key.equals("type") && t == JsonToken.START_ARRAY) {
        while (p.nextToken() == JsonToken.VALUE_STRING) {
          types.add(p.getString());
        }
      } else if (key.equals("pattern") && t == JsonToken.VALUE_STRING) {
        pattern = Pattern.compile(p.getString());
      } else {
        p.skipChildren();
      }
    }
    return new Input(types, pattern);
  }

  private static List<String> check(byte[] bytes) {
    List<String> out = new ArrayList<>(2);
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        out.add("1:1 the payload must be a JSON object");
        return out;
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String key = p.currentName();
        TokenStreamLocation at = p.currentTokenLocation();
        JsonToken value = p.nextToken();
        switch (key) {
          case "inputData" -> {
            if (value == JsonToken.START_OBJECT) {
              inputs(p, out);
            } else {
              out.add(where(at) + " inputData must be an object");
              p.skipChildren();
            }
          }
          case "flowId" -> {
            if (value != JsonToken.VALUE_STRING || !p.getString().equals(flowId)) {
              out.add(where(at) + " flowId names no imported flow");
            }
          }
          case "flowVersion", "name" -> {
            if (value != JsonToken.VALUE_STRING) {
              out.add(where(at) + " " + key + " must be a string");
            }
            p.skipChildren();
          }
          default -> {
            out.add(where(at) + " unknown envelope key " + key);
            p.skipChildren();
          }
        }
      }
    } catch (RuntimeException e) {
      out.add("invalid JSON: " + e.getMessage());
    }
    return out;
  }

  private static void inputs(JsonParser p, List<String> out) {
    Set<String> seen = new HashSet<>();
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String key = p.currentName();
      TokenStreamLocation at = p.currentTokenLocation();
      JsonToken value = p.nextToken();
      Input input = inputs.get(key);
      if (input == null) {
        out.add(where(at) + " inputData has no input \"" + key + "\"" + nearest(key));
      } else if (!seen.add(key)) {
        out.add(where(at) + " the key \"" + key + "\" is repeated");
      } else {
        String type = jsonType(p, value);
        boolean typed =
            input.types().contains(type)
                || (type.equals("integer") && input.types().contains("number"));
        if (!typed) {
          out.add(where(at) + " " + key + " expects " + input.types() + ", got " + type);
        } else if (type.equals("string")
            && input.pattern() != null
            && !input.pattern().matcher(p.getString()).find()) {
          out.add(where(at) + " " + key + " does not match " + input.pattern());
        }
      }
      p.skipChildren();
    }
    for (String r : required) {
      if (!seen.contains(r)) {
        out.add("inputData lacks the required input \"" + r + "\"");
      }
    }
  }

  private static String jsonType(JsonParser p, JsonToken t) {
    return switch (t) {
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT -> "integer";
      case VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case VALUE_NULL -> "null";
      case START_OBJECT -> "object";
      case START_ARRAY -> "array";
      default -> "unknown";
    };
  }

  private static String nearest(String key) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String name : inputs.keySet()) {
      int d = DISTANCE.apply(fold(key), fold(name.substring(name.indexOf('.') + 1)));
      if (d >= 0 && d < bestDistance) {
        bestDistance = d;
        best = name;
      }
    }
    return best == null ? "" : "; did you mean \"" + best + "\"?";
  }

  private static String fold(String s) {
    return s.toLowerCase(java.util.Locale.ROOT).replace("_", "");
  }

  private static String where(TokenStreamLocation at) {
    return at.getLineNr() + ":" + at.getColumnNr();
  }
}
