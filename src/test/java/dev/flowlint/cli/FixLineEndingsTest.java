package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * --fix and --diff keep a file's own line ends (LF, CRLF, a lone CR), as google-java-format's
 * idempotentCRLF tests do: the fix that adds lines uses the file's separator, and the diff is one
 * that {@code git apply} takes.
 */
class FixLineEndingsTest {
  private static final String LF_PAYLOAD =
      String.join(
          "\n",
          "{",
          "  \"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\",",
          "  \"flowVersion\": 2,",
          "  \"inputData\": {",
          "    \"Flow\": {",
          "      \"customer_id\": \"C-1\",",
          "      \"priority\": 2",
          "    }",
          "  }",
          "}",
          "");

  @TempDir Path tmp;
  private String schemas;

  @BeforeEach
  void importFixtures() {
    schemas = tmp.resolve("schemas").toString();
    assertEquals(0, CliRunner.run("import", "fixtures/flows", "--out", schemas, "-q").code());
  }

  @ParameterizedTest
  @CsvSource({"lf, '\n'", "crlf, '\r\n'", "cr, '\r'"})
  void fixAndDiffKeepTheFilesLineEnds(String name, String separator) throws Exception {
    String original = LF_PAYLOAD.replace("\n", separator);
    Path file = tmp.resolve("p-" + name + ".json");
    Files.writeString(file, original, StandardCharsets.UTF_8);

    Result diff = CliRunner.run("check", file.toString(), "--schemas", schemas, "--diff");
    assertEquals(1, diff.code(), diff.err());
    assertEquals(original, Files.readString(file), "--diff writes nothing");
    assertGitApplies(diff.out());

    Result fix = CliRunner.run("check", file.toString(), "--schemas", schemas, "--fix");
    assertEquals(0, fix.code(), fix.out());
    String fixed = Files.readString(file);
    String otherEnds = separator.equals("\n") ? "\r" : "\n";
    assertTrue(
        !fixed.replace(separator, "").contains(otherEnds),
        "only " + name + " line ends: " + visible(fixed));

    String lfFixed = fixed.replace(separator, "\n");
    String shownDiff =
        diff.out().replace(file.toString().substring(1), file.getFileName().toString());
    Approvals.verify(
        "--diff:\n" + visible(shownDiff) + "\n--fix:\n" + visible(fixed),
        new Options().withReporter(new QuietReporter()).forFile().withAdditionalInformation(name));
    assertEquals(
        lfFixed.replace("\n", separator),
        fixed,
        "the same fix as for LF, with " + name + " line ends");
  }

  /** Line ends made visible, so the golden files show them whatever an editor does to them. */
  private static String visible(String text) {
    return text.replace("\r\n", "<CRLF>\n").replace("\r", "<CR>\n");
  }

  /** The diff names the file by its path without the leading slash: apply it from the root. */
  private static void assertGitApplies(String diff) throws IOException, InterruptedException {
    Path patch = Files.createTempFile("flowlint", ".diff");
    try {
      Files.writeString(patch, diff, StandardCharsets.UTF_8);
      Process p =
          new ProcessBuilder("git", "apply", "--check", "-v", patch.toString())
              .directory(Path.of("/").toFile())
              .redirectErrorStream(true)
              .start();
      String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "git apply finished");
      assertEquals(
          0, p.exitValue(), "git apply --check refused the diff:\n" + said + "\n" + visible(diff));
    } finally {
      Files.deleteIfExists(patch);
    }
  }
}
