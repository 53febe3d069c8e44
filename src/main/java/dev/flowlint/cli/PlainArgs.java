package dev.flowlint.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The plain command lines the start-up fast paths read ({@link CheckArgs}, {@link ImportArgs}):
 * options as {@code --name}, {@code --name=value}, {@code --name value} or {@code -x}, then or
 * among them paths, and {@code --} after which every argument is a path. Anything else (an @file, a
 * second {@code --}, a value that looks like an option, a flag given a value) gives empty, and
 * picocli reads the line instead.
 */
final class PlainArgs {
  private PlainArgs() {}

  /** One option as written: its name, and its value (empty for a flag). */
  record Option(String name, Optional<String> value) {}

  /** The options in order, and the paths. */
  record Line(List<Option> options, List<String> paths) {}

  /**
   * @param args the arguments after the command's name
   * @param valued the option names that take a value
   */
  static Optional<Line> read(List<String> args, Set<String> valued) {
    List<Option> options = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    boolean ended = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("@") || (ended && a.equals("--"))) {
        return Optional.empty(); // picocli's own reading
      }
      if (ended || a.equals("-") || !a.startsWith("-")) {
        paths.add(a);
        continue;
      }
      if (a.equals("--")) {
        ended = true;
        continue;
      }
      String name = a;
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      }
      if (valued.contains(name) && value == null) {
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("-")) {
          return Optional.empty();
        }
        value = args.get(++i);
      } else if (!valued.contains(name) && value != null) {
        return Optional.empty(); // a flag given a value
      }
      options.add(new Option(name, Optional.ofNullable(value)));
    }
    return Optional.of(new Line(options, paths));
  }
}
