package dev.flowlint.check;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which files are payloads: inside directories, JSON and the usual JSON template suffixes (or the
 * include globs); named or found, whatever the include and exclude globs leave in.
 */
public final class PayloadFiles {
  public static final List<String> DEFAULT_SUFFIXES =
      List.of(
          ".json",
          ".json.tmpl",
          ".json.tpl",
          ".json.template",
          ".json.vm",
          ".json.hbs",
          ".json.mustache",
          ".json.j2",
          ".json.jinja",
          ".json.jinja2");

  /**
   * The names {@link #accepts} takes by default, any case, as a regex for pre-commit's {@code
   * files} (Python): letters spelled out, as {@link FileKinds#FLOW_NAME_ERE} does. A method, not a
   * constant: only the manifest's test asks for it, and every check loads this class.
   */
  public static String nameEre() {
    return DEFAULT_SUFFIXES.stream()
        .map(PayloadFiles::spelled)
        .collect(java.util.stream.Collectors.joining("|", "(", ")$"));
  }

  /** What {@link #accepts} leaves out by name (schemas), and flowlint's index, for pre-commit. */
  public static String excludeEre() {
    return "(" + spelled(".schema.json") + "|(^|/)schemas/index\\.json)$";
  }

  /** {@code .json} → {@code \.[jJ][sS][oO][nN]}: a suffix as a case-blind regex. */
  private static String spelled(String suffix) {
    StringBuilder out = new StringBuilder();
    for (char c : suffix.toCharArray()) {
      if (Character.isLetter(c)) {
        out.append('[')
            .append(Character.toLowerCase(c))
            .append(Character.toUpperCase(c))
            .append(']');
      } else if (c == '.') {
        out.append("\\.");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private final List<String> include;
  private final List<String> exclude;

  /**
   * @param globs file-name globs from --include or the config; empty means the default suffixes
   */
  public PayloadFiles(List<String> globs) {
    this(globs, List.of());
  }

  /**
   * @param include globs from --include or the config; empty means the default suffixes
   * @param exclude globs from the config: matching files are never checked
   */
  public PayloadFiles(List<String> include, List<String> exclude) {
    // A malformed glob is the user's mistake: refuse it here, naming it, rather than fail on first
    // use.
    include.forEach(PayloadFiles::matcher);
    exclude.forEach(PayloadFiles::matcher);
    this.include = List.copyOf(include);
    this.exclude = List.copyOf(exclude);
  }

  /**
   * A file-name glob as a matcher; a malformed one is an IllegalArgumentException naming it in
   * words.
   */
  private static PathMatcher matcher(String glob) {
    try {
      return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "the glob \""
              + glob
              + "\" is malformed: "
              + e.getDescription()
              + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : ""));
    }
  }

  /**
   * Why {@code paths} gave no payload file to check, in words: each path that is missing, empty or
   * has no match.
   */
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
        why.add(
            p
                + (empty
                    ? " is an empty directory"
                    : " has no payload files ("
                        + (globs.isEmpty() ? "*.json and JSON templates" : String.join(", ", globs))
                        + ")"));
      }
    }
    return why.isEmpty() ? "the paths given matched no payload file" : String.join("; ", why);
  }

  /** Whether a file found inside a directory is taken (its name only is known here). */
  public boolean accepts(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".schema.json")) {
      return false;
    }
    if (include.isEmpty()) {
      return DEFAULT_SUFFIXES.stream().anyMatch(n::endsWith);
    }
    // Globs with a directory part are decided on the whole path, by leavesOut.
    return include.stream().anyMatch(g -> g.contains("/") || matches(g, fileName));
  }

  /** Why a file (named on the command line or found) is left out by include/exclude, if it is. */
  public Optional<String> leavesOut(String path) {
    for (String g : exclude) {
      if (matches(g, path)) {
        return Optional.of("excluded by exclude \"" + g + "\"");
      }
    }
    if (!include.isEmpty() && include.stream().noneMatch(g -> matches(g, path))) {
      return Optional.of("matches no include glob (" + String.join(", ", include) + ")");
    }
    return Optional.empty();
  }

  /**
   * A glob against a path as typed: a glob without "/" matches the file name, one with "/" the
   * whole (normalised, relative) path; a leading "**&#47;" also matches at the top.
   */
  public static boolean matches(String glob, String path) {
    String p = dev.flowlint.io.PathText.slashed(path);
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    Path asPath = Path.of(p).normalize();
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    if (!glob.contains("/")) {
      return asPath.getFileName() != null && m.matches(asPath.getFileName());
    }
    if (m.matches(asPath)) {
      return true;
    }
    return glob.startsWith("**/")
        && FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)).matches(asPath);
  }
}
