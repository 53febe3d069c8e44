package dev.flowlint.cli;

import dev.flowlint.report.OutputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The --format options of one run: each format, and the file it goes to (none: standard output).
 */
final class FormatSpecs {
  record Spec(OutputFormat format, Optional<String> file) {}

  record Parsed(List<Spec> specs, Optional<String> error) {
    static Parsed error(String message) {
      return new Parsed(List.of(), Optional.of(message));
    }
  }

  private FormatSpecs() {}

  /**
   * @param output --output: the file of the one format given without =FILE
   */
  static Parsed parse(List<String> given, String outputGiven) {
    String output = "-".equals(outputGiven) ? null : outputGiven; // --output -: standard output
    List<String> all = given.isEmpty() ? List.of("text") : given;
    List<Spec> specs = new ArrayList<>();
    for (String g : all) {
      int eq = g.indexOf('=');
      String name = eq < 0 ? g : g.substring(0, eq);
      Optional<OutputFormat> f = OutputFormat.byName(name);
      if (f.isEmpty()) {
        return Parsed.error(
            "unknown --format \""
                + name
                + "\"; use one of "
                + String.join(", ", OutputFormat.names()));
      }
      if (eq >= 0 && g.length() == eq + 1) {
        return Parsed.error(
            "--format "
                + g
                + " names no file; write "
                + name
                + "=FILE, or "
                + name
                + " alone for standard output");
      }
      // FORMAT=- is standard output, as - is standard input (a file named "-" is ./-).
      String file = eq < 0 ? "-" : g.substring(eq + 1);
      specs.add(new Spec(f.get(), file.equals("-") ? Optional.empty() : Optional.of(file)));
    }
    List<Spec> toStdout = specs.stream().filter(s -> s.file().isEmpty()).toList();
    if (output != null && output.isEmpty()) {
      // Path.of("") is the working directory: it would be called a directory, not a missing name.
      return Parsed.error("--output names no file; write --output FILE");
    }
    if (output != null) {
      if (toStdout.size() != 1) {
        return Parsed.error(
            "--output names the file of the one --format given without =FILE; with several formats write FORMAT=FILE");
      }
      Spec only = toStdout.get(0);
      specs.set(specs.indexOf(only), new Spec(only.format(), Optional.of(output)));
    } else if (toStdout.size() > 1) {
      return Parsed.error(
          "only one report can go to standard output; give the others a file (FORMAT=FILE)");
    }
    Set<String> files = new HashSet<>();
    for (Spec s : specs) {
      if (s.file().isEmpty()) {
        continue;
      }
      String file = s.file().get();
      if (Files.isDirectory(Path.of(file))) {
        String flag = file.equals(output) ? "--output " : "--format " + s.format().id() + "=";
        return Parsed.error(
            flag
                + file
                + " is a directory; name a file such as "
                + file
                + "/flowlint."
                + s.format().id());
      }
      if (!files.add(identity(file))) {
        return Parsed.error("two reports would be written to " + file);
      }
    }
    return new Parsed(List.copyOf(specs), Optional.empty());
  }

  /**
   * Which file a report really lands in: a report file that is a symbolic link is written through
   * to its target, so "json=link.json" and "sarif=out.json" (link.json → out.json) are one file,
   * and the second report would replace the first.
   */
  private static String identity(String file) {
    Path p = Path.of(file).toAbsolutePath().normalize();
    try {
      return p.toRealPath().toString();
    } catch (IOException e) {
      // Not there yet, a link to a file not there yet (the write makes it), or a pipe.
      try {
        Path target = dev.flowlint.io.AtomicFiles.linkTarget(p).normalize();
        Path parent = target.getParent();
        return parent == null
            ? target.toString()
            : parent.toRealPath().resolve(String.valueOf(target.getFileName())).toString();
      } catch (IOException again) {
        return p.toString();
      }
    }
  }
}
