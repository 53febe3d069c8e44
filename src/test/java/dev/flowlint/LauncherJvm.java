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
}
