package dev.flowlint.source;

import dev.flowlint.io.YamlTrees;
import dev.flowlint.model.CallLocation;
import dev.flowlint.model.CallSite;
import dev.flowlint.model.CallSite.Binding;
import dev.flowlint.model.CallSite.Kind;
import dev.flowlint.model.CallSite.ValueKind;
import dev.flowlint.model.FlowCalls;
import dev.flowlint.model.TextLines;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Finds the call sites of an Archy YAML flow ({@code callCommonModule}, {@code callData}, {@code
 * callDataSecure}, {@code callBotFlow}) with the place of every key. The YAML is composed into
 * nodes, which keep their marks; Terraform {@code {{placeholders}}} are masked with characters of
 * the same length first, so no line or column moves.
 */
public final class YamlCallSites {
  private static final int MAX_DEPTH = 500;

  private YamlCallSites() {}

  public static FlowCalls read(SourceText source) throws SourceException {
    String path = source.displayPath();
    String text = source.text();
    Node root;
    try {
      // Import's settings: no cap on aliases (a flow whose variables each merge one base passed 50
      // and was "cannot read this flow"), as the walk below visits each mapping and list once.
      root =
          new Compose(YamlTrees.settings())
              .composeString(TemplatePlaceholders.protect(text))
              .orElse(null);
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> m = e.getProblemMark();
      String why = "not valid YAML: " + ArchyYamlReader.firstLine(e.getMessage());
      throw m.isPresent()
          ? new SourceException(path, m.get().getLine() + 1, m.get().getColumn() + 1, why)
          : new SourceException(path, why);
    } catch (YamlEngineException e) {
      throw new SourceException(
          path, "not valid YAML: " + ArchyYamlReader.firstLine(e.getMessage()));
    } catch (StackOverflowError e) {
      // SnakeYAML's composer has no depth limit of its own: a pathological nesting ends here.
      throw new SourceException(path, "not valid YAML: nested too deeply");
    }
    if (!(root instanceof MappingNode map)
        || map.getValue().size() != 1
        || !(map.getValue().get(0).getKeyNode() instanceof ScalarNode key)
        || !(map.getValue().get(0).getValueNode() instanceof MappingNode flow)) {
      throw new SourceException(
          path,
          1,
          1,
          "not an Archy flow: expected one top-level key naming the flow type (workflow:, commonModule:, inboundCall: ...)");
    }
    String type = ArchyYamlReader.flowType(key.getValue());
    String name =
        scalar(child(flow, "name"))
            .map(TemplatePlaceholders::restore)
            .filter(n -> !n.contains("{{") && !n.contains("${") && !n.isBlank())
            .orElse(ArchyYamlReader.fileStem(path)); // a template names its flow at deploy time
    Walker walker = new Walker(new TextLines(text), text.codePoints().count() != text.length());
    walker.visit(flow, "/" + token(key.getValue()), 0);
    return new FlowCalls(name, type, walker.calls, walker.repeats);
  }

  private static final class Walker {
    final TextLines lines;
    final boolean surrogates;
    final List<CallSite> calls = new ArrayList<>();
    final List<FlowCalls.RepeatedKey> repeats = new ArrayList<>();

    /** Reached again through an alias, a mapping or list has been walked: its sites are found. */
    final java.util.Set<Node> visited =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    Walker(TextLines lines, boolean surrogates) {
      this.lines = lines;
      this.surrogates = surrogates;
    }

    void visit(Node node, String pointer, int depth) {
      if (depth > MAX_DEPTH || (!(node instanceof ScalarNode) && !visited.add(node))) {
        return;
      }
      if (node instanceof MappingNode map) {
        // Composed with duplicates allowed, so a repeat is a finding, not an unreadable file.
        Map<String, ScalarNode> seen = map.getValue().size() > 1 ? new HashMap<>() : null;
        for (NodeTuple t : map.getValue()) {
          if (!(t.getKeyNode() instanceof ScalarNode k)) {
            continue;
          }
          String key = TemplatePlaceholders.restore(k.getValue());
          String ptr = pointer + "/" + token(key);
          if (seen != null && !YamlTrees.isMerge(k) && !key.contains("{{")) {
            ScalarNode first = seen.putIfAbsent(key, k);
            if (first != null) {
              repeats.add(new FlowCalls.RepeatedKey(key, at(k, ptr), at(first, ptr)));
            }
          }
          if (t.getValueNode() instanceof MappingNode body) {
            switch (k.getValue()) {
              case "callCommonModule" -> flowCall(Kind.MODULE, body, "commonModule", ptr);
              case "callBotFlow" -> flowCall(Kind.BOT_FLOW, body, "botFlow", ptr);
              // Secure Call Data Action binds its data action exactly as Call Data Action does.
              case "callData", "callDataSecure" -> dataCall(body, ptr);
              default -> {}
            }
          }
          visit(t.getValueNode(), ptr, depth + 1);
        }
      } else if (node instanceof SequenceNode seq) {
        List<Node> items = seq.getValue();
        for (int i = 0; i < items.size(); i++) {
          visit(items.get(i), pointer + "/" + i, depth + 1);
        }
      }
    }

    /**
     * {@code commonModule: {<name>: {ver_latestPublished: {inputs, outputs}}}}, and botFlow alike.
     */
    private void flowCall(Kind kind, MappingNode body, String calleeKey, String pointer) {
      Optional<NodeTuple> callee = only(child(body, calleeKey));
      if (callee.isEmpty() || !(callee.get().getKeyNode() instanceof ScalarNode name)) {
        return;
      }
      String calleePtr =
          pointer + "/" + calleeKey + "/" + token(TemplatePlaceholders.restore(name.getValue()));
      Optional<String> version = Optional.empty();
      Node bindings = callee.get().getValueNode();
      Optional<NodeTuple> ver = only(bindings);
      if (ver.isPresent()
          && ver.get().getKeyNode() instanceof ScalarNode v
          && v.getValue().startsWith("ver_")) {
        version = Optional.of(v.getValue().substring(4));
        calleePtr += "/" + token(v.getValue());
        bindings = ver.get().getValueNode();
      }
      calls.add(
          new CallSite(
              kind,
              TemplatePlaceholders.restore(name.getValue()),
              Optional.empty(),
              version,
              bindings(child(bindings, "inputs"), calleePtr + "/inputs"),
              bindings(child(bindings, "outputs"), calleePtr + "/outputs"),
              at(name, calleePtr)));
    }

    /** {@code category: {<integration>: {dataAction: {<action>: {inputs, successOutputs}}}}}. */
    private void dataCall(MappingNode body, String pointer) {
      Optional<NodeTuple> integration = only(child(body, "category"));
      if (integration.isEmpty() || !(integration.get().getKeyNode() instanceof ScalarNode cat)) {
        return;
      }
      String ptr =
          pointer
              + "/category/"
              + token(TemplatePlaceholders.restore(cat.getValue()))
              + "/dataAction";
      Optional<NodeTuple> action = only(child(integration.get().getValueNode(), "dataAction"));
      if (action.isEmpty() || !(action.get().getKeyNode() instanceof ScalarNode name)) {
        return;
      }
      String calleePtr = ptr + "/" + token(TemplatePlaceholders.restore(name.getValue()));
      Node b = action.get().getValueNode();
      calls.add(
          new CallSite(
              Kind.DATA_ACTION,
              TemplatePlaceholders.restore(name.getValue()),
              Optional.empty(),
              Optional.empty(),
              bindings(child(b, "inputs"), calleePtr + "/inputs"),
              bindings(child(b, "successOutputs"), calleePtr + "/successOutputs"),
              at(name, calleePtr)));
    }

    private List<Binding> bindings(Node node, String pointer) {
      List<Binding> out = new ArrayList<>();
      bindings(node, pointer, out, new java.util.HashSet<>(), 0);
      return out;
    }

    /**
     * A mapping's bindings; YAML merge keys ({@code <<: *shared}) bring in the merged mapping's
     * entries, those written here winning, as a YAML loader gives them.
     */
    private void bindings(
        Node node, String pointer, List<Binding> out, java.util.Set<String> seen, int depth) {
      if (!(node instanceof MappingNode map) || depth > 50) {
        return;
      }
      List<Node> merged = new ArrayList<>();
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && YamlTrees.isMerge(k)) {
          if (t.getValueNode() instanceof SequenceNode seq) {
            merged.addAll(seq.getValue());
          } else {
            merged.add(t.getValueNode());
          }
        } else if (t.getKeyNode() instanceof ScalarNode k) {
          String name = TemplatePlaceholders.restore(k.getValue());
          if (seen.add(name) || depth == 0) {
            out.add(binding(name, t.getValueNode(), at(k, pointer + "/" + token(name))));
          }
        }
      }
      for (Node m : merged) {
        bindings(m, pointer, out, seen, depth + 1);
      }
    }

    private static Binding binding(String name, Node value, CallLocation at) {
      if (value instanceof ScalarNode s) {
        return new Binding(
            name, ValueKind.LIT, Optional.of(TemplatePlaceholders.restore(s.getValue())), at);
      }
      if (!(value instanceof MappingNode m) || m.getValue().isEmpty()) {
        return new Binding(name, ValueKind.EXP, Optional.empty(), at);
      }
      List<String> keys = valueKeys(m);
      if (keys.contains("noValue")) {
        return new Binding(name, ValueKind.NO_VALUE, Optional.empty(), at, Optional.empty(), keys);
      }
      Node lit = child(m, "lit");
      if (lit != null) {
        Optional<String> shape =
            lit instanceof MappingNode
                ? Optional.of("mapping")
                : lit instanceof SequenceNode ? Optional.of("list") : Optional.empty();
        return new Binding(
            name, ValueKind.LIT, scalar(lit).map(TemplatePlaceholders::restore), at, shape, keys);
      }
      ValueKind kind = keys.contains("var") ? ValueKind.VAR : ValueKind.EXP;
      return new Binding(name, kind, Optional.empty(), at, Optional.empty(), keys);
    }

    /** The value keys a binding writes; {@code noValue: false} gives no value, so it is none. */
    private static List<String> valueKeys(MappingNode m) {
      List<String> keys = new ArrayList<>();
      for (String k : List.of("lit", "exp", "var", "noValue")) {
        Node v = child(m, k);
        boolean given =
            k.equals("noValue")
                ? v instanceof ScalarNode nv && !nv.getValue().equals("false")
                : v != null;
        if (given) {
          keys.add(k);
        }
      }
      return keys;
    }

    private CallLocation at(Node key, String pointer) {
      String text = lines.text();
      int end = Math.min(Math.max(0, offset(key.getEndMark())), text.length());
      int start = Math.min(offset(key.getStartMark()), end);
      // A node's start mark is that of its properties: the key itself follows any anchor (&a) and
      // tag (!!str).
      while (start < end && (text.charAt(start) == '&' || text.charAt(start) == '!')) {
        while (start < end && !Character.isWhitespace(text.charAt(start))) {
          start++;
        }
        while (start < end && Character.isWhitespace(text.charAt(start))) {
          start++;
        }
      }
      return new CallLocation.YamlKey(lines.span(start, end), pointer);
    }

    /** SnakeYAML counts code points; spans count UTF-16 units. */
    private int offset(Optional<Mark> mark) {
      if (mark.isEmpty()) {
        return 0;
      }
      int index = mark.get().getIndex();
      if (!surrogates) {
        return index;
      }
      String text = lines.text();
      return text.offsetByCodePoints(0, Math.min(index, text.codePointCount(0, text.length())));
    }
  }

  private static Node child(Node node, String key) {
    if (node instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return t.getValueNode();
        }
      }
    }
    return null;
  }

  /** The single entry of a one-entry mapping. */
  private static Optional<NodeTuple> only(Node node) {
    return node instanceof MappingNode map && map.getValue().size() == 1
        ? Optional.of(map.getValue().get(0))
        : Optional.empty();
  }

  private static Optional<String> scalar(Node node) {
    return node instanceof ScalarNode s ? Optional.of(s.getValue()) : Optional.empty();
  }

  static String token(String s) {
    return s.replace("~", "~0").replace("/", "~1");
  }
}
