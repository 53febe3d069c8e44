package dev.flowlint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lazy walk yields what a full sort of the paths would, without listing the tree first. */
class InputFilesTest {
  @TempDir Path tmp;

  @Test
  void filesComeInTheOrderOfTheirPathsBelowTheArgument() throws IOException {
    // "a-c.json" sorts before "a/b.json" as a path ('-' < '/'), though the directory "a" sorts
    // before "a-c.json" as a name.
    for (String p :
        List.of(
            "a/b.json",
            "a-c.json",
            "a0.json",
            "ab/x.json",
            "ab.json",
            "b/c/d.json",
            "b/c.json",
            "B.json",
            ".hidden.json",
            ".git/x.json",
            "node_modules/m.json",
            "z.txt")) {
      Path f = tmp.resolve(p);
      Files.createDirectories(f.getParent());
      Files.writeString(f, "{}");
    }
    List<String> walked = new ArrayList<>();
    InputFiles.walk(List.of(tmp.toString()), n -> n.endsWith(".json"), new ArrayList<>())
        .forEachRemaining(f -> walked.add(f.display().substring(tmp.toString().length() + 1)));
    List<String> sorted;
    try (Stream<Path> all = Files.walk(tmp)) {
      sorted =
          all.filter(Files::isRegularFile)
              .map(p -> tmp.relativize(p).toString())
              .filter(
                  p -> p.endsWith(".json") && !p.startsWith(".") && !p.startsWith("node_modules"))
              .sorted(Comparator.naturalOrder())
              .toList();
    }
    assertEquals(sorted, walked);
    assertEquals(
        List.of(
            "B.json",
            "a-c.json",
            "a/b.json",
            "a0.json",
            "ab.json",
            "ab/x.json",
            "b/c.json",
            "b/c/d.json"),
        walked);
  }

  /**
   * Random trees of names that sort differently as names and as paths ("a", "a-", "a.b", "a 0"):
   * the walk, which looks at each entry only when it reaches it, still yields the paths' order.
   */
  @Test
  void randomTreesComeInTheOrderOfTheirPaths() {
    java.util.concurrent.atomic.AtomicInteger tree =
        new java.util.concurrent.atomic.AtomicInteger();
    dev.flowlint.Properties.forAll(
        "walk order == path order",
        60,
        r -> {
          List<String> files = new ArrayList<>();
          for (int i = 0; i < 1 + r.nextInt(25); i++) {
            StringBuilder p = new StringBuilder();
            for (int depth = r.nextInt(3); depth >= 0; depth--) {
              for (int c = 0; c < 1 + r.nextInt(3); c++) {
                p.append(dev.flowlint.Properties.pick(r, List.of("a", "b", "-", ".", "0", " ")));
              }
              p.append(depth == 0 ? ".json" : "/");
            }
            files.add(p.toString());
          }
          return files;
        },
        files -> {
          Path root = tmp.resolve("t" + tree.incrementAndGet());
          for (String p : files) {
            Path f = root.resolve(p);
            try {
              Files.createDirectories(f.getParent());
              if (!Files.isDirectory(f)) {
                Files.writeString(f, "{}");
              }
            } catch (IOException clash) {
              // a file where another path needs a directory: that path is left out
            }
          }
          List<String> walked = new ArrayList<>();
          InputFiles.walk(List.of(root.toString()), n -> n.endsWith(".json"), new ArrayList<>())
              .forEachRemaining(
                  f -> walked.add(f.display().substring(root.toString().length() + 1)));
          List<String> sorted;
          try (Stream<Path> all = Files.walk(root)) {
            sorted =
                all.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString())
                    .filter(p -> p.endsWith(".json") && !hidden(p))
                    .sorted(Comparator.naturalOrder())
                    .toList();
          }
          assertEquals(sorted, walked);
        });
  }

  private static boolean hidden(String path) {
    for (String part : path.split("/")) {
      if (part.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  @Test
  void overlappingArgumentsNameAFileOnce() throws IOException {
    Files.writeString(tmp.resolve("a.json"), "{}");
    List<InputFiles.Skipped> skipped = new ArrayList<>();
    List<InputFiles.InputFile> files =
        InputFiles.expand(
            List.of(tmp.toString(), tmp.resolve("a.json").toString(), "missing.json"),
            n -> true,
            skipped);
    assertEquals(1, files.size());
    assertEquals(
        List.of(new InputFiles.Skipped("missing.json", "no such file or directory")), skipped);
  }
}
