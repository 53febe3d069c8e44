package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * action.yml: a composite action as GitHub reads it, and its check step run by bash as the runner
 * would.
 */
class GithubActionTest {
  @TempDir Path tmp;

  private static JsonNode action() throws Exception {
    return YAMLMapper.builder().build().readTree(Path.of("action.yml").toFile());
  }

  private static JsonNode step(JsonNode action, String key, String value) {
    for (JsonNode s : action.at("/runs/steps")) {
      if (s.path(key).asString("").startsWith(value)) {
        return s;
      }
    }
    throw new AssertionError("no step with " + key + " " + value);
  }

  @Test
  void isACompositeActionThatSetsUpJavaRunsFlowlintAndUploadsSarif() throws Exception {
    JsonNode a = action();
    assertEquals("composite", a.at("/runs/using").asString());
    for (String key : List.of("name", "description")) {
      assertTrue(a.has(key), key);
    }
    step(a, "uses", "actions/setup-java@");
    JsonNode upload = step(a, "uses", "github/codeql-action/upload-sarif@");
    assertTrue(
        upload.get("if").asString().contains("always()"),
        "uploads findings even when the check failed");
    for (JsonNode s : a.at("/runs/steps")) {
      if (s.has("run")) {
        assertEquals("bash", s.get("shell").asString(), "composite run steps need a shell");
        assertFalse(
            s.get("run").asString().contains("${{"),
            "no expression pasted into a script (injection)");
      }
    }
    assertTrue(
        Files.readString(Path.of("docs/ci.md")).contains("uses: <owner>/flowlint@v0.2.0"),
        "docs/ci.md shows the action");
  }

  @Test
  void theCheckStepPassesInputsAsArgumentsAndRecordsTheExitCode() throws Exception {
    String script = step(action(), "id", "check").get("run").asString();
    Path actionPath = tmp.resolve("action");
    Files.createDirectories(actionPath);
    Path stub = actionPath.resolve("flowlint");
    Files.writeString(
        stub,
        "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > \"" + tmp.resolve("args") + "\"\nexit 1\n");
    assertTrue(stub.toFile().setExecutable(true));
    Path output = tmp.resolve("github_output");
    Files.writeString(output, "");
    ProcessBuilder pb =
        new ProcessBuilder("bash", "-c", script).directory(tmp.toFile()).redirectErrorStream(true);
    pb.environment().put("GITHUB_ACTION_PATH", actionPath.toString());
    pb.environment().put("GITHUB_OUTPUT", output.toString());
    pb.environment().put("FLOWLINT_PATHS", "payloads *.json $(touch pwned)");
    pb.environment().put("FLOWLINT_ARGS", "--fail-on warning");
    pb.environment().put("FLOWLINT_SARIF", "out.sarif");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), "the step itself passes so the upload runs: " + out);
    assertEquals("exit-code=1\n", Files.readString(output));
    List<String> args = new ArrayList<>(Files.readAllLines(tmp.resolve("args")));
    assertEquals(
        List.of(
            "check",
            "--format",
            "github",
            "--format",
            "sarif=out.sarif",
            "--fail-on",
            "warning",
            "--",
            "payloads",
            "*.json",
            "$(touch",
            "pwned)"),
        args);
    assertFalse(Files.exists(tmp.resolve("pwned")), "inputs are not evaluated");
  }
}
