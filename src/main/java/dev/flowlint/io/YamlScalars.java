package dev.flowlint.io;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A YAML document's tree with every scalar kept as the text it is written with. {@code readTree}
 * turns a plain {@code 1.10} into the number 1.1 and {@code 1e3} into 1000.0, so a flow named
 * {@code 1.10} would be imported as "1.1"; here each scalar is a string node of its text ({@code
 * 1.10}, {@code 1e3}, {@code true}, {@code null}), and only a scalar with no text at all ({@code
 * name:}) is a null node. The tree has the shape {@code mapper.readTree} gives for the same text
 * (it is read from the same parser's tokens), so a place in one is the same place in the other.
 */
public final class YamlScalars {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private YamlScalars() {}

  /** The text tree of {@code text}; a missing node for an empty document. */
  public static JsonNode textTree(YAMLMapper mapper, String text) throws JacksonException {
    try (JsonParser p = mapper.createParser(text)) {
      JsonToken t = p.nextToken();
      return t == null ? NODES.missingNode() : value(p, t);
    }
  }

  private static JsonNode value(JsonParser p, JsonToken t) {
    return JsonTrees.tree(p, t, YamlScalars::text);
  }

  /** A scalar as its text; a scalar with no text at all ({@code name:}) is null. */
  private static JsonNode text(JsonParser p, JsonToken t) {
    switch (t) {
      case VALUE_STRING,
          VALUE_NUMBER_INT,
          VALUE_NUMBER_FLOAT,
          VALUE_TRUE,
          VALUE_FALSE,
          VALUE_NULL,
          VALUE_EMBEDDED_OBJECT -> {
        String s = p.getString();
        return t == JsonToken.VALUE_NULL && (s == null || s.isEmpty())
            ? NODES.nullNode()
            : NODES.stringNode(s == null ? "" : s);
      }
      default -> throw new StreamReadException(p, "Unexpected token " + t);
    }
  }
}
