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

  private static JsonNode value(JsonParser p, JsonToken t) {
    switch (t) {
      case START_OBJECT -> {
        ObjectNode o = NODES.objectNode();
        for (JsonToken k = p.nextToken(); k == JsonToken.PROPERTY_NAME; k = p.nextToken()) {
          String name = p.currentName();
          o.set(name, value(p, p.nextToken()));
        }
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = NODES.arrayNode();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          a.add(value(p, e));
        }
        return a;
      }
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
