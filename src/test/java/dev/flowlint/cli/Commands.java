package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Real processes (git, pre-commit, the flowlint command) run by the end-to-end hook tests. */
final class Commands {
  private Commands() {}

  /** What a command printed (standard output and error together) and its exit code. */
  record Run(int code, String output) {}

  static Run sh(Map<String, String> env, Path dir, String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "finished: " + List.of(cmd));
    return new Run(p.exitValue(), out);
  }

  static void ok(Map<String, String> env, Path dir, String... cmd) throws Exception {
    Run r = sh(env, dir, cmd);
    assertEquals(0, r.code(), List.of(cmd) + ": " + r.output());
  }
}
