package dev.flowlint.io;

import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a JSON file into the tree {@code JsonMapper.readTree} gives, with Jackson's streaming
 * parser alone: setting up a databind mapper costs more start-up time than a check of one payload,
 * and reading schemas needs none of it.
 */
public final class JsonTrees {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {}

  /**
   * The file's JSON value; a missing node for an empty file. Bad JSON throws a located
   * JacksonException.
   */
  public static JsonNode read(Path file) throws JacksonException {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), file)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return NODES.missingNode();
      }
      JsonNode root = value(p, t);
      if (p.nextToken() != null) {
        throw new StreamReadException(
            p, "Trailing token (of type " + p.currentToken() + ") found after value");
      }
      return root;
    }
  }

  /** Makes the node of the scalar the parser stands on. */
  @FunctionalInterface
  public interface Scalars {
    JsonNode node(JsonParser p, JsonToken t);
  }

  /**
   * The tree of the value starting at {@code t}: objects and arrays as the parser gives them, each
   * scalar as {@code scalars} makes it (YAML's text tree keeps every scalar's text).
   */
  public static JsonNode tree(JsonParser p, JsonToken t, Scalars scalars) {
    switch (t) {
      case START_OBJECT -> {
        ObjectNode o = NODES.objectNode();
        for (JsonToken k = p.nextToken(); k == JsonToken.PROPERTY_NAME; k = p.nextToken()) {
          String name = p.currentName();
          o.set(name, tree(p, p.nextToken(), scalars));
        }
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = NODES.arrayNode();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          a.add(tree(p, e, scalars));
        }
        return a;
      }
      default -> {
        return scalars.node(p, t);
      }
    }
  }

  private static JsonNode value(JsonParser p, JsonToken t) {
    return tree(p, t, JsonTrees::scalar);
  }

  /** The node readTree makes of a JSON scalar. */
  private static JsonNode scalar(JsonParser p, JsonToken t) {
    switch (t) {
      case VALUE_STRING -> {
        return NODES.stringNode(p.getString());
      }
      case VALUE_NUMBER_INT -> {
        return switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          default -> NODES.numberNode(p.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(p.getDoubleValue());
      }
      case VALUE_TRUE -> {
        return NODES.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return NODES.booleanNode(false);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> throw new StreamReadException(p, "Unexpected token " + t);
    }
  }
}
