package dev.flowlint.cli;

import dev.flowlint.schema.RequiredPolicy;
import dev.flowlint.schema.SchemaImporter;
import dev.flowlint.source.FlowSources;
import dev.flowlint.source.SourceText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * Hidden: the launcher runs this once per jar to record its class-data archive. It touches the
 * classes a real run loads and leaves nothing behind.
 */
@Command(name = "__train", hidden = true)
final class TrainCommand implements Callable<Integer> {
  private final Cli.Io io;

  TrainCommand(Cli.Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("flowlint-train");
    try {
      var flows =
          new FlowSources().read(SourceText.decode(resource("workflow.yaml"), "workflow.yaml"));
      new SchemaImporter(RequiredPolicy.NO_DEFAULT)
          .write(dir.resolve("schemas"), "schemas", flows, List.of());
      // Check a payload with a typo, a wrong type and a placeholder, and render it, as a check run
      // would.
      var store = dev.flowlint.schema.SchemaStore.open(dir.resolve("schemas"), "schemas");
      var checker = new dev.flowlint.check.PayloadChecker(store, dev.flowlint.config.Config.EMPTY);
      String payload =
          "{\"flowId\": \"{{ id }}\", \"inputData\": {\"customerId\": \"{{ c }}\", \"Flow.scores\": [\"1\"], \"Flow.due\": \"2024-05-01T13:30:00Z\", \"Flow.day\": \"2024-05-01\"}}";
      var report =
          checker.check(
              "train.json",
              payload,
              new dev.flowlint.check.Target(
                  java.util.Optional.of("flowlint training flow"),
                  "--flow",
                  java.util.Optional.empty()));
      var sink =
          new java.io.PrintStream(
              java.io.OutputStream.nullOutputStream(),
              false,
              java.nio.charset.StandardCharsets.UTF_8);
      for (String format : dev.flowlint.report.Reporters.NAMES) {
        dev.flowlint.report.Reporters.byName(format, Cli.version(), false, false)
            .orElseThrow()
            .write(List.of(report), sink);
      }
      // And a check run as a hook starts it (the fast path, files in parallel, every format
      // streamed).
      Path payloads = Files.createDirectories(dir.resolve("payloads"));
      Files.writeString(payloads.resolve("a.json"), payload);
      Files.writeString(payloads.resolve("b.json"), "{\"flowId\": \"x\", \"inputData\": {}}");
      for (String format : dev.flowlint.report.Reporters.NAMES) {
        checked(
            sink,
            "check",
            payloads.toString(),
            "--schemas",
            dir.resolve("schemas").toString(),
            "--format",
            format);
      }
      checked(
          sink,
          "check",
          payloads.resolve("a.json").toString(),
          "--schemas",
          dir.resolve("schemas").toString(),
          "-q");
      return report.diagnostics().isEmpty() ? Cli.USAGE : Cli.OK;
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /**
   * One training check, which must find the payload's problems (exit 1): a check that stops early
   * (a usage error) leaves the check path out of the archive, and every later run loads it from the
   * jar, slower, without a word. The build fails instead.
   */
  private static void checked(java.io.PrintStream sink, String... args) {
    int code = Cli.run(java.io.InputStream.nullInputStream(), sink, sink, java.util.Map.of(), args);
    if (code != Cli.FINDINGS) {
      throw new IllegalStateException(
          "the training run's " + String.join(" ", args) + " exited " + code + ", not 1");
    }
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = TrainCommand.class.getResourceAsStream("/dev/flowlint/train/" + name)) {
      if (in == null) {
        throw new IOException("missing training resource " + name);
      }
      return in.readAllBytes();
    }
  }
}
