package dev.flowlint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A java command line for flowlint in a JVM of its own, on this build's classes, with the JVM
 * options src/dist/bin/flowlint starts it with (so a forked run is the launcher's, and starts as
 * fast).
 */
public final class LauncherJvm {
  /** The launcher's options (src/dist/bin/flowlint), less its log switches. */
  public static final List<String> OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  private LauncherJvm() {}

  /** java, the launcher's options, {@code extra}, then -cp and the class path: add a main class. */
  public static List<String> command(String... extra) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(OPTIONS);
    cmd.addAll(List.of(extra));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    return cmd;
  }

  /**
   * Runs flowlint's Main with {@code args} in a JVM of its own, standard input empty, standard
   * output and error written to {@code out} and {@code err}, {@code env} added to the environment.
   * Returns the exit code.
   */
  public static int run(Path out, Path err, java.util.Map<String, String> env, List<String> args)
      throws java.io.IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(command());
    cmd.add("dev.flowlint.cli.Main");
    cmd.addAll(args);
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the run did not end in 60 s: " + args);
    }
    return p.exitValue();
  }
}
