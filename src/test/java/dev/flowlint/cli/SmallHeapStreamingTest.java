package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.check.FixtureSupport;
import dev.flowlint.io.CanonicalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/**
 * A guard for streaming: 20,000 payloads checked by a separate JVM with a 64 MB heap, in the
 * document formats that must wrap every result. A run that kept its reports would run out of memory
 * (the JVM is told to exit at once if it does). No timing is asserted.
 */
// The two runs only read the payloads and write files of their own: they run side by side.
@Execution(ExecutionMode.CONCURRENT)
@Order(2) // see junit-platform.properties: the slowest classes start first
class SmallHeapStreamingTest {
  private static final int FILES = 20_000;
  private static final String ORDER = "6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11";

  // In memory where there is room: creating and deleting 20,000 files on disk cost seconds of CPU.
  @TempDir(factory = dev.flowlint.MemoryTempDir.class)
  static Path tmp;

  static Path payloads;
  static Path schemas;

  @BeforeAll
  static void payloads() throws Exception {
    schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    payloads = Files.createDirectories(tmp.resolve("payloads"));
    for (int i = 0; i < FILES; i++) {
      String body =
          switch (i % 3) {
            case 0 ->
                "{\"flowId\": \""
                    + ORDER
                    + "\", \"inputData\": {\"Flow.customer_id\": \"C-"
                    + i
                    + "\", \"Flow.priority\": 2}}";
            case 1 ->
                "{\"flowId\": \"" + ORDER + "\", \"inputData\": {\"customerId\": \"C-" + i + "\"}}";
            default ->
                "{\"flowId\": \""
                    + ORDER
                    + "\", \"flowVersion\": 3, \"inputData\": {\"Flow.customer_id\": \"x\", \"Flow.priority\": \"3\"}}";
          };
      Files.writeString(payloads.resolve(String.format("p%05d.json", i)), body);
    }
  }

  /** Runs flowlint in a JVM of its own with a small heap; gives the exit code. */
  private static int fork(Path stdout, String... args) throws IOException, InterruptedException {
    List<String> cmd = dev.flowlint.LauncherJvm.command("-Xmx64m", "-XX:+ExitOnOutOfMemoryError");
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    Path err = stdout.resolveSibling(stdout.getFileName() + ".stderr.txt");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the run did not finish");
    String errText = Files.readString(err, StandardCharsets.UTF_8);
    assertTrue(errText.isEmpty() || !errText.contains("OutOfMemoryError"), errText);
    return p.exitValue();
  }

  @Test
  void sarifToAFileAndTheTextSummaryToTheTerminal() throws Exception {
    Path sarif = tmp.resolve("report.sarif");
    Path out = tmp.resolve("text.txt");
    int code =
        fork(
            out,
            "check",
            payloads.toString(),
            "--schemas",
            schemas.toString(),
            "--format",
            "sarif",
            "-o",
            sarif.toString());
    assertEquals(1, code, "findings, and no crash");
    JsonNode run = CanonicalJson.mapper().readTree(sarif.toFile()).get("runs").get(0);
    java.util.Set<String> files = new java.util.HashSet<>();
    run.get("results")
        .forEach(
            r -> files.add(r.at("/locations/0/physicalLocation/artifactLocation/uri").asString()));
    assertEquals(
        FILES - (FILES + 2) / 3, files.size(), "every payload but the clean third has findings");
    String text = Files.readString(out, StandardCharsets.UTF_8);
    long[] levels = new long[2];
    run.get("results").forEach(r -> levels[r.get("level").asString().equals("error") ? 0 : 1]++);
    assertTrue(
        text.strip()
            .endsWith(
                "checked "
                    + FILES
                    + " files: "
                    + levels[0]
                    + " errors, "
                    + levels[1]
                    + " warnings, 0 infos"),
        text.substring(Math.max(0, text.length() - 300)));
  }

  @Test
  void junitOnStandardOutput() throws Exception {
    Path xml = tmp.resolve("report.xml");
    int code =
        fork(
            xml,
            "check",
            payloads.toString(),
            "--schemas",
            schemas.toString(),
            "--format",
            "junit");
    assertEquals(1, code);
    Element root =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(xml.toFile())
            .getDocumentElement();
    assertEquals(FILES, root.getElementsByTagName("testsuite").getLength());
    assertEquals(
        String.valueOf(root.getElementsByTagName("failure").getLength()),
        root.getAttribute("failures"));
  }
}
