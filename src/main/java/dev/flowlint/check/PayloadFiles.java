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
    this.globs = globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
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
