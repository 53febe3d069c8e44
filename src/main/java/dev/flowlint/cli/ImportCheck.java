package dev.flowlint.cli;

import dev.flowlint.fix.UnifiedDiff;
import dev.flowlint.io.AtomicFiles;
import dev.flowlint.io.PathText;
import dev.flowlint.io.SafeText;
import dev.flowlint.model.Definition;
import dev.flowlint.schema.ImportResult;
import dev.flowlint.schema.ImportResult.Problem;
import dev.flowlint.schema.RequiredPolicy;
import dev.flowlint.schema.SchemaDrift;
import dev.flowlint.schema.SchemaImporter;
import dev.flowlint.schema.SchemaStore;
import dev.flowlint.schema.SchemaWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * {@code import --check}: what import would change in the schemas directory, written nowhere. The
 * import runs for real into a scratch copy of the directory, so the comparison covers every file
 * import writes, byte for byte; SchemaDrift (as {@code pull --check}) says per flow what changed.
 */
final class ImportCheck {
  private final Cli.Io io;

  ImportCheck(Cli.Io io) {
    this.io = io;
  }

  int run(
      Path outDir,
      String outDisplay,
      RequiredPolicy policy,
      java.util.Map<String, java.util.Map<String, tools.jackson.databind.JsonNode>> constraints,
      List<Definition> flows,
      List<Problem> problems) {
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory("flowlint-import-check");
      Map<String, byte[]> before = contents(outDir);
      for (Map.Entry<String, byte[]> e : before.entrySet()) {
        Path copy = scratch.resolve(e.getKey());
        Path copyDir = copy.toAbsolutePath().getParent();
        if (copyDir != null) {
          Files.createDirectories(copyDir);
        }
        Files.write(copy, e.getValue());
      }
      ImportResult result =
          new SchemaImporter(policy, constraints).write(scratch, outDisplay, flows, problems);
      io.err().print(result.problemsText());
      if (flows.isEmpty()) {
        // As import exits 2 on "0 flows imported": nothing read is nothing checked, never clean.
        io.err()
            .println(
                "flowlint import --check: no flow definitions read from the arguments given;"
                    + " nothing to compare with "
                    + outDisplay);
        return Cli.USAGE;
      }
      Map<String, byte[]> after = contents(scratch);
      // Files import would delete (an earlier schema of a renamed flow) count as changed too.
      Set<String> files = new java.util.TreeSet<>(after.keySet());
      files.addAll(before.keySet());
      List<String> changed =
          files.stream()
              .filter(f -> !java.util.Arrays.equals(after.get(f), before.get(f)))
              .sorted(flowsFirst())
              .toList();
      if (changed.isEmpty()) {
        int n = result.imported().size();
        String matched =
            n
                + plural(n, " flow")
                + " from the definitions given "
                + (n == 1 ? "matches " : "match ")
                + outDisplay;
        if (result.errors() > 0) {
          // What could not be read or imported was compared with nothing: not "up to date".
          io.out()
              .println(
                  "schemas not checked in full: "
                      + matched
                      + "; "
                      + result.errors()
                      + plural(result.errors(), " error")
                      + " above");
          return Cli.USAGE;
        }
        io.out().println("schemas up to date: " + matched);
        return Cli.OK;
      }
      // Only now: on the hook's usual run (up to date) reading the store back and writing every
      // schema again was work whose answer was dropped.
      semanticDrift(outDir, outDisplay, policy, flows)
          .forEach(line -> io.out().println(SafeText.escape(line)));
      for (String file : changed) {
        String display = outDisplay.endsWith("/") ? outDisplay + file : outDisplay + "/" + file;
        String diff = UnifiedDiff.of(display, text(before.get(file)), text(after.get(file)));
        if (!before.containsKey(file)) {
          diff = diff.replaceFirst("^--- a/\\S*", "--- /dev/null");
        } else if (!after.containsKey(file)) {
          diff = diff.replaceFirst("\n\\+\\+\\+ b/\\S*", "\n+++ /dev/null");
        }
        io.out().print(diff);
      }
      long flowFiles =
          changed.stream()
              .filter(f -> !f.equals(dev.flowlint.schema.SchemaIndex.FILE_NAME))
              .count();
      io.out()
          .println(
              "schemas out of date: "
                  + flowFiles
                  + plural(flowFiles, " schema file")
                  + " in "
                  + outDisplay
                  + (flowFiles == 1 ? " differs" : " differ")
                  + " from the definitions given; run 'flowlint import' with the same arguments to update them");
      // A definition that could not be read is unusable input (exit 2), as in import itself and
      // as when nothing else changed: the drift shown is not the whole story.
      return result.errors() > 0 ? Cli.USAGE : Cli.FINDINGS;
    } catch (IOException e) {
      io.err()
          .println(
              "flowlint import --check: cannot compare with " + outDisplay + ": " + e.getMessage());
      return Cli.USAGE;
    } finally {
      delete(scratch);
    }
  }

  /**
   * What changed per flow in words, as pull --check says it; empty when the directory cannot be
   * read.
   */
  private List<String> semanticDrift(
      Path outDir, String outDisplay, RequiredPolicy policy, List<Definition> flows) {
    if (!Files.isDirectory(outDir)) {
      return List.of();
    }
    SchemaWriter writer = new SchemaWriter(policy);
    List<JsonNode> fresh =
        flows.stream().filter(Definition::hasInputs).map(f -> (JsonNode) writer.schema(f)).toList();
    try {
      SchemaStore store = SchemaStore.open(outDir, outDisplay);
      return SchemaDrift.compare(Optional.of(store), fresh, false, Set.of());
    } catch (SchemaStore.StoreException | RuntimeException e) {
      return List.of();
    }
  }

  /** Flow schemas in name order, the index last. */
  private static Comparator<String> flowsFirst() {
    return Comparator.comparing((String f) -> f.equals(dev.flowlint.schema.SchemaIndex.FILE_NAME))
        .thenComparing(f -> f);
  }

  private static String text(byte[] bytes) {
    return bytes == null ? "" : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static Map<String, byte[]> contents(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    // A schemas directory reached through a symbolic link is walked where it is: walked as the
    // link, it held no file, so every schema was reported out of date.
    Path root = dir.toRealPath();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f :
          files
              .filter(Files::isRegularFile)
              // A killed run's leftovers are no schema: import removes them, but they are no drift.
              .filter(f -> !AtomicFiles.isTemporary(String.valueOf(f.getFileName())))
              .toList()) {
        out.put(PathText.slashed(root.relativize(f).toString()), Files.readAllBytes(f));
      }
    }
    return out;
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A scratch directory left in the temp folder is harmless.
    }
  }

  private static String plural(long n, String word) {
    return word + (n == 1 ? "" : "s");
  }
}
