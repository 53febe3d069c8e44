package dev.flowlint.check;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;

/** Which files inside a directory are payloads: JSON and the usual JSON template suffixes. */
public final class PayloadFiles {
  public static final List<String> DEFAULT_SUFFIXES = List.of(".json", ".json.tmpl", ".json.tpl", ".json.template",
      ".json.vm", ".json.hbs", ".json.mustache", ".json.j2", ".json.jinja", ".json.jinja2");

  private final List<PathMatcher> globs;

  /** @param globs file-name globs from --include or the config; empty means the default suffixes */
  public PayloadFiles(List<String> globs) {
    this.globs = globs.stream().map(PayloadFiles::matcher).toList();
  }

  /** A file-name glob as a matcher; a malformed one is an IllegalArgumentException naming it in words. */
  private static PathMatcher matcher(String glob) {
    try {
      return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new IllegalArgumentException("the glob \"" + glob + "\" is malformed: " + e.getDescription()
          + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : ""));
    }
  }

  /** Why {@code paths} gave no payload file to check, in words: each path that is missing, empty or has no match. */
  public static String whyNone(List<String> paths, List<String> globs) {
    List<String> why = new java.util.ArrayList<>();
    for (String p : paths) {
      Path path = Path.of(p);
      if (java.nio.file.Files.isDirectory(path)) {
        boolean empty;
        try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(path)) {
          empty = entries.findAny().isEmpty();
        } catch (java.io.IOException e) {
          empty = false;
        }
        why.add(p + (empty ? " is an empty directory" : " has no payload files ("
            + (globs.isEmpty() ? "*.json and JSON templates" : String.join(", ", globs)) + ")"));
      }
    }
    return why.isEmpty() ? "the paths given matched no payload file" : String.join("; ", why);
  }

  public boolean accepts(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".schema.json")) {
      return false;
    }
    if (globs.isEmpty()) {
      return DEFAULT_SUFFIXES.stream().anyMatch(n::endsWith);
    }
    return globs.stream().anyMatch(m -> m.matches(Path.of(fileName)));
  }
}
