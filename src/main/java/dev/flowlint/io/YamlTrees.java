package dev.flowlint.io;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A YAML document as two Jackson trees of the same shape, as a YAML loader sees it: aliases ({@code
 * *name}) stand for what their anchor names and merge keys ({@code <<: *base}) bring in the merged
 * mapping's entries (those written beside them win), as js-yaml, which Archy reads flows with,
 * gives them. Jackson's own YAML parser does neither: an alias reads as the text of its anchor's
 * name ({@code isInput: *yes} was the string "yes") and {@code <<} as an ordinary key.
 *
 * <p>{@link Trees#typed} has YAML 1.2 core types (numbers, booleans, null); {@link Trees#text} has
 * every scalar as the text it is written with ({@code 1.10} stays "1.10"), and only a scalar with
 * no text at all ({@code name:}) is null there. A key written twice in one mapping, more than one
 * document, aliases that expand beyond {@link #MAX_VALUES} values or the text's length (billion
 * laughs) and nesting deeper than {@link #MAX_DEPTH} are {@link Invalid}, located where the YAML
 * says.
 */
public final class YamlTrees {
  public static final int MAX_DEPTH = 500;
  public static final int MAX_VALUES = 1_000_000;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern BOOLEANS = Pattern.compile("true|True|TRUE|false|False|FALSE");

  private YamlTrees() {}

  /** The two trees of one document. */
  public record Trees(JsonNode typed, JsonNode text) {}

  /** Why the text is no usable YAML, with a 1-based line and column when one is known. */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    Invalid(String message, int line, int column) {
      super(message);
      this.line = line;
      this.column = column;
    }

    Invalid(String message, Optional<Mark> mark) {
      this(
          message,
          mark.map(m -> m.getLine() + 1).orElse(0),
          mark.map(m -> m.getColumn() + 1).orElse(0));
    }

    /** 1-based; 0 when unknown. */
    public int line() {
      return line;
    }

    /** 1-based; 0 when unknown. */
    public int column() {
      return column;
    }
  }

  /**
   * Composing gives a graph in which an alias is its anchor's node, so no number of aliases costs
   * anything there; only {@link Builder} expands them, and it counts what it builds. SnakeYAML's
   * default of 50 aliases to collections refused a flow whose 51 variables each merge a common base
   * ({@code <<: *input}), with no place named.
   */
  private static final LoadSettings SETTINGS =
      LoadSettings.builder()
          .setCodePointLimit((int) StrictText.MAX_BYTES)
          .setMaxAliasesForCollections(Integer.MAX_VALUE)
          .setAllowRecursiveKeys(false)
          .setAllowDuplicateKeys(true)
          .setSchema(new CoreSchema())
          .build();

  /** How flowlint composes YAML (for a reader that walks the nodes itself, keeping their marks). */
  public static LoadSettings settings() {
    return SETTINGS;
  }

  /** A plain {@code <<} or one tagged as a merge; a quoted "<<" is an ordinary key. */
  public static boolean isMerge(ScalarNode k) {
    return k.getTag().equals(Tag.MERGE)
        || (k.getValue().equals("<<") && k.getScalarStyle() == ScalarStyle.PLAIN);
  }

  /** The document's trees; both null for an empty document. */
  public static Trees read(String text) throws Invalid {
    List<Node> docs = compose(text, 2);
    if (docs.size() > 1) {
      throw new Invalid(
          "more than one YAML document (a second starts after ---); the file must hold one",
          docs.get(1).getStartMark());
    }
    if (docs.isEmpty()) {
      return new Trees(null, null);
    }
    // The typed tree is built first and refuses a repeated key, so the text tree need not look.
    return new Trees(
        new Builder(budget(text), true).build(docs.get(0), true, 0),
        new Builder(budget(text), false).build(docs.get(0), false, 0));
  }

  /**
   * The text tree of every document, to judge a file of another tool (a Kubernetes manifest holds
   * several): a key written twice keeps its first value there, as judging needs no more.
   */
  public static List<JsonNode> textTrees(String text) throws Invalid {
    List<JsonNode> out = new ArrayList<>();
    for (Node doc : compose(text, Integer.MAX_VALUE)) {
      out.add(new Builder(budget(text), false).build(doc, false, 0));
    }
    return out;
  }

  /** Without aliases a document has fewer values than characters: only aliases can exceed this. */
  private static int budget(String text) {
    return Math.max(MAX_VALUES, text.length());
  }

  /** The first {@code most} documents of {@code text}, composed. */
  private static List<Node> compose(String text, int most) throws Invalid {
    List<Node> out = new ArrayList<>();
    try {
      java.util.Iterator<Node> docs = new Compose(SETTINGS).composeAllFromString(text).iterator();
      while (out.size() < most && docs.hasNext()) {
        out.add(docs.next());
      }
    } catch (MarkedYamlEngineException e) {
      throw new Invalid(plain(e.getMessage()), e.getProblemMark());
    } catch (YamlEngineException e) {
      throw new Invalid(plain(e.getMessage()), 0, 0);
    } catch (StackOverflowError e) {
      throw new Invalid("nested too deeply", 0, 0);
    }
    return out;
  }

  /** SnakeYAML's multi-line report as "problem (context)". */
  private static String plain(String message) {
    if (message == null) {
      return "unreadable";
    }
    List<String> lines = message.lines().filter(l -> !l.isEmpty() && !l.startsWith(" ")).toList();
    if (lines.isEmpty()) {
      return message.strip();
    }
    String last = lines.get(lines.size() - 1).strip();
    return lines.size() > 1 ? last + " (" + lines.get(0).strip() + ")" : last;
  }

  private static final class Builder {
    private final int budget;
    private final boolean refuseRepeats;
    private int values;
    private final Map<MappingNode, Boolean> checked = new IdentityHashMap<>();

    Builder(int budget, boolean refuseRepeats) {
      this.budget = budget;
      this.refuseRepeats = refuseRepeats;
    }

    JsonNode build(Node node, boolean typed, int depth) throws Invalid {
      if (depth > MAX_DEPTH) {
        throw new Invalid(
            "nested too deeply (more than " + MAX_DEPTH + " levels)", node.getStartMark());
      }
      if (++values > budget) {
        throw new Invalid(
            "its aliases expand to more than " + budget + " values", node.getStartMark());
      }
      if (node instanceof ScalarNode s) {
        return typed ? typed(s) : text(s);
      }
      if (node instanceof SequenceNode seq) {
        ArrayNode out = NODES.arrayNode();
        for (Node item : seq.getValue()) {
          out.add(build(item, typed, depth + 1));
        }
        return out;
      }
      if (!(node instanceof MappingNode map)) {
        throw new Invalid("a value of an unknown kind", node.getStartMark());
      }
      ObjectNode out = NODES.objectNode();
      List<Node> merged = new ArrayList<>();
      boolean check = refuseRepeats && checked.put(map, Boolean.TRUE) == null;
      for (NodeTuple t : map.getValue()) {
        Node keyNode = t.getKeyNode();
        if (!(keyNode instanceof ScalarNode k)) {
          throw new Invalid("a mapping key is not a plain value", keyNode.getStartMark());
        }
        if (isMerge(k)) {
          Node v = t.getValueNode();
          if (v instanceof SequenceNode seq) {
            merged.addAll(seq.getValue());
          } else {
            merged.add(v);
          }
          continue;
        }
        String key = k.getValue();
        if (out.has(key)) {
          if (check) {
            throw new Invalid("the key \"" + key + "\" is repeated", k.getStartMark());
          }
          continue;
        }
        out.set(key, build(t.getValueNode(), typed, depth + 1));
      }
      // Entries written here win over merged ones; among merged mappings, the first wins.
      for (Node m : merged) {
        if (!(m instanceof MappingNode)) {
          throw new Invalid("a merge key (<<) must name a mapping", m.getStartMark());
        }
        JsonNode from = build(m, typed, depth + 1);
        for (String key : from.propertyNames()) {
          if (!out.has(key)) {
            out.set(key, from.get(key));
          }
        }
      }
      return out;
    }

    private static JsonNode text(ScalarNode s) {
      return s.getValue().isEmpty() && s.getScalarStyle() == ScalarStyle.PLAIN
          ? NODES.nullNode()
          : NODES.stringNode(s.getValue());
    }

    private static JsonNode typed(ScalarNode s) {
      String v = s.getValue();
      Tag tag = s.getTag();
      try {
        if (tag.equals(Tag.NULL)) {
          return NODES.nullNode();
        }
        if (tag.equals(Tag.BOOL)) {
          // Only YAML 1.2's six spellings, as js-yaml resolves them: "!!bool yes" is no boolean
          // (js-yaml refuses it), and was read as false, which made an isInput silently no input.
          return BOOLEANS.matcher(v).matches()
              ? NODES.booleanNode(v.equalsIgnoreCase("true"))
              : NODES.stringNode(v);
        }
        if (tag.equals(Tag.INT)) {
          String digits = v.startsWith("+") ? v.substring(1) : v;
          BigInteger n =
              digits.startsWith("0x")
                  ? new BigInteger(digits.substring(2), 16)
                  : digits.startsWith("0o")
                      ? new BigInteger(digits.substring(2), 8)
                      : new BigInteger(digits);
          // As Jackson reads JSON numbers, so a value compares equal to the same one read there.
          return n.bitLength() < 32
              ? NODES.numberNode(n.intValue())
              : n.bitLength() < 64 ? NODES.numberNode(n.longValue()) : NODES.numberNode(n);
        }
        if (tag.equals(Tag.FLOAT)) {
          String lower = v.toLowerCase(Locale.ROOT);
          if (lower.endsWith(".inf") || lower.equals(".nan")) {
            return NODES.stringNode(v);
          }
          return NODES.numberNode(Double.parseDouble(v));
        }
      } catch (NumberFormatException e) {
        return NODES.stringNode(v);
      }
      return NODES.stringNode(v);
    }
  }
}
