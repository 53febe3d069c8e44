package dev.flowlint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The arrows of ARCHITECTURE.md, checked on the sources: packages depend downwards only (cli →
 * check/report → config/schema/source/payload/fix/genesys → model/io), never in a cycle, and only
 * the CLI knows picocli.
 */
class ArchitectureTest {
  /**
   * Layer of each package: a package may use packages of a lower layer, or of its own without a
   * cycle.
   */
  private static final Map<String, Integer> LAYER =
      Map.ofEntries(
          Map.entry("model", 0),
          Map.entry("io", 0),
          Map.entry("config", 1),
          Map.entry("schema", 1),
          Map.entry("source", 1),
          Map.entry("payload", 1),
          Map.entry("fix", 1),
          Map.entry("genesys", 1),
          Map.entry("check", 2),
          Map.entry("report", 2),
          Map.entry("serve", 3),
          Map.entry("cli", 4));

  private static final Pattern USE = Pattern.compile("\\bdev\\.flowlint\\.([a-z]+)\\.[A-Za-z]");
  private static final Path MAIN = Path.of("src/main/java/dev/flowlint");

  /** package → the packages its sources name (imports and fully qualified names). */
  private static Map<String, Set<String>> graph() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = MAIN.relativize(f).getName(0).toString();
        Set<String> to = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
        String text = Files.readString(f).replaceFirst("package [^;]+;", "");
        Matcher m = USE.matcher(text);
        while (m.find()) {
          if (!m.group(1).equals(pkg)) {
            to.add(m.group(1));
          }
        }
      }
    }
    return uses;
  }

  @Test
  void everyPackageHasALayer() throws IOException {
    assertEquals(
        new TreeSet<>(LAYER.keySet()),
        graph().keySet(),
        "a new package needs its place in LAYER and ARCHITECTURE.md");
  }

  @Test
  void noPackageImportsUpwards() throws IOException {
    List<String> upward = new ArrayList<>();
    graph()
        .forEach(
            (from, tos) ->
                tos.stream()
                    .filter(to -> LAYER.get(to) > LAYER.get(from))
                    .forEach(to -> upward.add(from + " -> " + to)));
    assertEquals(List.of(), upward);
  }

  @Test
  void noPackageCycle() throws IOException {
    assertEquals(Optional.empty(), cycle(graph()));
  }

  @Test
  void theCycleFinderFindsACycle() {
    Map<String, Set<String>> g =
        Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
    assertTrue(cycle(g).isPresent());
    assertEquals(Optional.empty(), cycle(Map.of("a", Set.of("b"), "b", Set.of())));
  }

  @Test
  void onlyTheCliKnowsPicocli() throws IOException {
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (!MAIN.relativize(f).getName(0).toString().equals("cli")
            && Files.readString(f).contains("picocli")) {
          offenders.add(MAIN.relativize(f).toString());
        }
      }
    }
    assertEquals(List.of(), offenders);
  }

  @Test
  void onlyCommonsTextSimilarityIsUsedAsTheJarCarriesNothingElseOfIt() throws IOException {
    List<String> offenders = new ArrayList<>();
    Pattern commons =
        Pattern.compile("org\\.apache\\.commons\\.(?!text\\.similarity\\.)[a-z0-9.]*[A-Z]");
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (commons.matcher(Files.readString(f)).find()) {
          offenders.add(MAIN.relativize(f).toString());
        }
      }
    }
    assertEquals(
        List.of(),
        offenders,
        "the shade filter in pom.xml keeps only org.apache.commons.text.similarity");
  }

  /** A cycle in the graph, as "a -> b -> a", if there is one. */
  private static Optional<String> cycle(Map<String, Set<String>> g) {
    Map<String, Integer> state = new TreeMap<>(); // 1 on the path, 2 done
    for (String start : new TreeSet<>(g.keySet())) {
      Optional<String> found = visit(start, g, state, new ArrayList<>());
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> visit(
      String node, Map<String, Set<String>> g, Map<String, Integer> state, List<String> path) {
    Integer s = state.get(node);
    if (s != null && s == 2) {
      return Optional.empty();
    }
    path.add(node);
    if (s != null && s == 1) {
      return Optional.of(String.join(" -> ", path.subList(path.indexOf(node), path.size())));
    }
    state.put(node, 1);
    for (String next : new TreeSet<>(g.getOrDefault(node, Set.of()))) {
      Optional<String> found = visit(next, g, state, path);
      if (found.isPresent()) {
        return found;
      }
    }
    state.put(node, 2);
    path.remove(path.size() - 1);
    return Optional.empty();
  }
}
