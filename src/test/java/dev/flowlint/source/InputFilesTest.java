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
