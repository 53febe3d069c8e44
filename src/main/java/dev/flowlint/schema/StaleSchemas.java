package dev.flowlint.schema;

import dev.flowlint.io.CanonicalJson;
import dev.flowlint.schema.ImportResult.Problem;
import dev.flowlint.schema.ImportResult.Severity;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Schemas an earlier import wrote for a flow this import writes under another file (the flow was
 * renamed: same id; or its file name changed: same name and type). Left in place they would give
 * one id two schemas, and check would pick the old one.
 */
final class StaleSchemas {
  private StaleSchemas() {}

  /**
   * Removes the stale entries from {@code index} and returns the files to delete once the new index
   * is written. Only files the existing flowlint index lists are deleted (import owns those); any
   * other schema in the way is left as it is, unindexed, with a warning.
   */
  static List<String> drop(
      Path outDir,
      Map<String, SchemaIndex.Entry> index,
      Collection<SchemaIndex.Entry> written,
      List<Problem> problems) {
    Set<String> writtenFiles = new TreeSet<>();
    written.forEach(w -> writtenFiles.add(w.file()));
    Set<String> listed = listed(outDir.resolve(SchemaIndex.FILE_NAME));
    List<String> delete = new ArrayList<>();
    for (SchemaIndex.Entry old : List.copyOf(index.values())) {
      if (writtenFiles.contains(old.file())) {
        continue;
      }
      for (SchemaIndex.Entry now : written) {
        if (sameFlow(old, now)) {
          index.remove(old.file());
          if (listed.contains(old.file())) {
            delete.add(old.file());
          } else {
            problems.add(
                new Problem(
                    Severity.WARNING,
                    old.file()
                        + " describes the flow \""
                        + now.flowName()
                        + "\" written to "
                        + now.file()
                        + ", but flowlint's index did not list it; left as it is and not indexed"));
          }
          break;
        }
      }
    }
    return delete;
  }

  private static boolean sameFlow(SchemaIndex.Entry old, SchemaIndex.Entry now) {
    if (old.flowId().isPresent() && now.flowId().isPresent()) {
      return old.flowId().get().equalsIgnoreCase(now.flowId().get());
    }
    return old.flowName().equals(now.flowName()) && old.flowType().equals(now.flowType());
  }

  /** The files an index.json flowlint wrote lists; none when it is missing or someone else's. */
  private static Set<String> listed(Path indexFile) {
    Set<String> out = new TreeSet<>();
    try {
      if (!Files.isRegularFile(indexFile, LinkOption.NOFOLLOW_LINKS)) {
        return out;
      }
      JsonNode root = CanonicalJson.mapper().readTree(indexFile.toFile());
      if (!SchemaIndex.isOurs(root)) {
        return out;
      }
      for (JsonNode f : root.path("flows")) {
        String file = f.path("file").asString("");
        if (SchemaIndex.plainFileName(file)) {
          out.add(file);
        }
      }
    } catch (RuntimeException e) {
      // An unreadable index lists nothing: nothing is deleted.
    }
    return out;
  }
}
