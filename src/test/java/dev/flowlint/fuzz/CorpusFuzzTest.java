package dev.flowlint.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.TestFiles;
import dev.flowlint.check.CheckRun;
import dev.flowlint.check.PayloadFiles;
import dev.flowlint.config.Config;
import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.FileReport;
import dev.flowlint.payload.ParsedPayload;
import dev.flowlint.payload.TemplateJsonParser;
import dev.flowlint.schema.SchemaStore;
import dev.flowlint.source.FlowSources;
import dev.flowlint.source.SourceException;
import dev.flowlint.source.SourceText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Mutated corpus files (truncated, bytes flipped, placeholders and slices inserted or cut) through
 * every reader, the payload parser and the checker: each either reads or says what is wrong in a
 * {@link SourceException} or a finding; nothing else is thrown, and every span is inside the text.
 *
 * <p>In CI a few mutations per file (seconds). {@code scripts/fuzz.sh} runs many more: {@code
 * -Dfuzz.perFile=N -Dfuzz.seed=S}. A failing input is saved under target/fuzz-failures/.
 */
@Order(7) // see junit-platform.properties: the slowest classes start first
class CorpusFuzzTest {
  private static final String[] INSERTS = {
    "{{ x }}",
    "${input.x}",
    "$!{input.y}",
    "{{",
    "}}",
    "{{{",
    "${",
    "$esc.jsonString(${input.x})",
    "\"",
    "\\",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\n",
    "\t- ",
    ": ",
    "&",
    "*a",
    "!!binary ",
    "%",
    "\u0000",
    "\uFEFF",
    "é",
    "\uD83D\uDE00"
  };

  @Test
  void mutatedCorpusNeverBreaksAReader() throws Exception {
    int perFile = Integer.getInteger("fuzz.perFile", 3);
    long seed = Long.getLong("fuzz.seed", 20261129L);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(TestFiles.corpus().orElseThrow())) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().endsWith(".md"))
              .sorted()
              .toList();
    }
    assertTrue(files.size() > 100, "the corpus is there");
    SchemaStore store = SchemaStore.open(Path.of("schemas"), "schemas");
    CheckRun checkAny =
        new CheckRun(
            store, Config.EMPTY, Optional.empty(), Optional.empty(), new PayloadFiles(List.of()));
    CheckRun checkOrder =
        new CheckRun(
            store,
            Config.EMPTY,
            Optional.of("Order Lookup"),
            Optional.empty(),
            new PayloadFiles(List.of()));
    Random random = new Random(seed);
    List<String> failures = new ArrayList<>();
    int runs = 0;
    for (Path file : files) {
      byte[] original = Files.readAllBytes(file);
      for (int i = 0; i < perFile; i++) {
        Mutation m = mutate(original, random);
        runs++;
        String name = file.getFileName().toString();
        try {
          readAll(name, m.bytes(), random.nextBoolean() ? checkAny : checkOrder);
        } catch (Throwable t) {
          failures.add(name + " [" + m.what() + "]: " + t);
          save(name, i, m.bytes());
        }
      }
    }
    System.out.println(
        "fuzz: "
            + runs
            + " mutated inputs from "
            + files.size()
            + " corpus files, seed "
            + seed
            + ", "
            + failures.size()
            + " failures");
    assertTrue(
        failures.isEmpty(),
        failures.size()
            + " of "
            + runs
            + " mutated inputs broke a reader (seed "
            + seed
            + "):\n"
            + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
  }

  /**
   * Every way flowlint reads a file: as a definition, as a payload template, as plain JSON, and the
   * whole check.
   */
  private static void readAll(String name, byte[] bytes, CheckRun check) throws Exception {
    try {
      new FlowSources().read(SourceText.decode(bytes, name));
    } catch (SourceException expected) {
      assertTrue(!expected.getMessage().isBlank());
      assertTrue(!expected.getMessage().contains("Exception"), expected.getMessage());
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    inside(text, TemplateJsonParser.parse(text));
    inside(text, TemplateJsonParser.parseStrict(text));
    List<FileReport> reports = check.run(List.of("-"), new ByteArrayInputStream(bytes));
    for (FileReport r : reports) {
      for (Diagnostic d : r.diagnostics()) {
        int length = r.lines().text().length();
        assertTrue(
            d.span().start() >= 0 && d.span().end() <= length,
            () -> "finding outside the text: " + d);
      }
    }
    check.fix(List.of("-"), new ByteArrayInputStream(bytes));
  }

  private static void inside(String text, ParsedPayload p) {
    assertTrue(p.root().isPresent() != p.error().isPresent());
    p.error()
        .ifPresent(
            e -> assertTrue(e.span().start() >= 0 && e.span().end() <= text.length(), e::toString));
    p.root().ifPresent(r -> assertTrue(r.span().end() <= text.length()));
  }

  record Mutation(byte[] bytes, String what) {}

  static Mutation mutate(byte[] in, Random random) {
    int n = in.length;
    int at = n == 0 ? 0 : random.nextInt(n + 1);
    switch (random.nextInt(6)) {
      case 0 -> {
        return new Mutation(java.util.Arrays.copyOf(in, at), "truncated at " + at);
      }
      case 1 -> {
        byte[] out = in.clone();
        int flips = 1 + random.nextInt(4);
        for (int k = 0; k < flips && n > 0; k++) {
          out[random.nextInt(n)] ^= (byte) (1 + random.nextInt(255));
        }
        return new Mutation(out, flips + " bytes flipped");
      }
      case 2 -> {
        String insert = INSERTS[random.nextInt(INSERTS.length)];
        return new Mutation(
            splice(in, at, at, insert.getBytes(StandardCharsets.UTF_8)),
            "inserted " + insert + " at " + at);
      }
      case 3 -> {
        int end = Math.min(n, at + random.nextInt(64));
        return new Mutation(splice(in, at, end, new byte[0]), "cut " + at + ".." + end);
      }
      case 4 -> {
        int end = Math.min(n, at + random.nextInt(256));
        byte[] slice = java.util.Arrays.copyOfRange(in, at, end);
        int to = n == 0 ? 0 : random.nextInt(n + 1);
        return new Mutation(splice(in, to, to, slice), "copied " + at + ".." + end + " to " + to);
      }
      default -> {
        // Deep nesting and long runs, the shapes that hurt recursive readers.
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        return new Mutation(
            splice(
                in,
                at,
                at,
                open.repeat(50 + random.nextInt(1000)).getBytes(StandardCharsets.UTF_8)),
            "nested at " + at);
      }
    }
  }

  private static byte[] splice(byte[] in, int from, int to, byte[] insert) {
    byte[] out = new byte[in.length - (to - from) + insert.length];
    System.arraycopy(in, 0, out, 0, from);
    System.arraycopy(insert, 0, out, from, insert.length);
    System.arraycopy(in, to, out, from + insert.length, in.length - to);
    return out;
  }

  private static void save(String name, int i, byte[] bytes) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
      Files.write(dir.resolve(i + "-" + name), bytes);
    } catch (IOException ignored) {
      // The assertion message still names the input.
    }
  }
}
