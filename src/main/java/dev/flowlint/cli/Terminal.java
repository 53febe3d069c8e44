package dev.flowlint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Whether to colour: the question is whether standard output is a terminal. JDK 17's
 * System.console() also needs standard input to be one, which it is not under pre-commit or a pipe
 * into flowlint, so it is only the last resort.
 */
final class Terminal {
  private Terminal() {}

  /**
   * Colour for --color auto: stdout a terminal, NO_COLOR unset or empty (no-color.org), TERM not
   * dumb.
   */
  static boolean colorAuto(Map<String, String> env, boolean stdoutIsTerminal) {
    if (!env.getOrDefault("NO_COLOR", "").isEmpty() || "dumb".equals(env.get("TERM"))) {
      return false;
    }
    return stdoutIsTerminal;
  }

  /** The launcher says (it asks the shell: [ -t 1 ]); else Linux's /proc; else System.console(). */
  static boolean stdoutIsTerminal() {
    String said = System.getProperty("flowlint.stdout.tty");
    if (said != null) {
      return said.equals("1");
    }
    return fd1Target().map(Terminal::isTerminalDevice).orElseGet(() -> System.console() != null);
  }

  static boolean isTerminalDevice(String target) {
    return target.startsWith("/dev/pts/")
        || target.startsWith("/dev/tty")
        || target.equals("/dev/console");
  }

  private static Optional<String> fd1Target() {
    Path fd1 = Path.of("/proc/self/fd/1");
    try {
      return Files.isSymbolicLink(fd1)
          ? Optional.of(Files.readSymbolicLink(fd1).toString())
          : Optional.empty();
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return Optional.empty();
    }
  }
}
