package dev.flowlint.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process with captured streams, as a user's shell would see it. */
public final class CliRunner {
  public record Result(int code, String out, String err) {}

  private CliRunner() {}

  public static Result withStdin(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Cli.run(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            args);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** {@code check -} of one flow's inputs, the payload on stdin, against the schemas directory. */
  public static Result checkInputs(String payload, java.nio.file.Path schemas, String flow) {
    return withStdin(
        payload,
        "check",
        "-",
        "--schemas",
        schemas.toString(),
        "--flow",
        flow,
        "--envelope",
        "inputs");
  }

  /** With an environment of the test's making (the process's own is not used). */
  public static Result withEnv(java.util.Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Cli.run(
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            args);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * With an environment of the test's making and the retry waits recorded by {@code sleeper}
   * instead of slept.
   */
  public static Result withEnv(
      java.util.Map<String, String> env,
      dev.flowlint.genesys.RetryPolicy.Sleeper sleeper,
      String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Cli.run(
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            sleeper,
            args);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  public static Result run(String... args) {
    return withStdin("", args);
  }
}
