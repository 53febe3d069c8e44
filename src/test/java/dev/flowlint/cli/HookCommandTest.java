package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowlint.cli.CliRunner.Result;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

// One test sets the flowlint.launcher property that hook install reads.
@ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ_WRITE)
class HookCommandTest {
  @TempDir Path tmp;

  private static int sh(Path dir, Map<String, String> env, String... cmd) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(".out").toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished: " + List.of(cmd));
    return p.exitValue();
  }

  private static boolean gitAvailable() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "git"))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void outsideARepositoryIsAUsageError() {
    Result r = CliRunner.run("hook", "install", "--repo", tmp.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("is not inside a git repository"), r.err());
  }

  @Test
  void installsAnExecutableHookAndRefusesToReplaceAForeignOne() throws Exception {
    assumeTrue(gitAvailable(), "git is not installed");
    assertEquals(0, sh(tmp, Map.of(), "git", "init", "-q"));
    Files.createDirectories(tmp.resolve("sub"));
    Path hook = tmp.resolve(".git/hooks/pre-commit");
    Result r = CliRunner.run("hook", "install", "--repo", tmp.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isExecutable(hook));
    assertTrue(Files.readString(hook).contains(HookCommand.MARKER));
    assertEquals(
        0,
        CliRunner.run("hook", "install", "--repo", tmp.resolve("sub").toString()).code(),
        "its own hook is rewritten");

    Files.writeString(hook, "#!/bin/sh\necho mine\n");
    Result refused = CliRunner.run("hook", "install", "--repo", tmp.toString());
    assertEquals(2, refused.code());
    assertTrue(
        refused.err().contains("exists and was not written by flowlint; rerun with --force"),
        refused.err());
    assertEquals("#!/bin/sh\necho mine\n", Files.readString(hook));

    assertEquals(0, CliRunner.run("hook", "install", "--repo", tmp.toString(), "--force").code());
    assertTrue(Files.readString(hook).contains(HookCommand.MARKER));
    assertEquals(
        "#!/bin/sh\necho mine\n",
        Files.readString(tmp.resolve(".git/hooks/pre-commit.before-flowlint")));
  }

  @Test
  void theHookChecksOnlyStagedPayloads() throws Exception {
    assumeTrue(gitAvailable(), "git is not installed");
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve("schemas"));
    assertEquals(0, sh(repo, Map.of(), "git", "init", "-q"));
    assertEquals(0, CliRunner.run("hook", "install", "--repo", repo.toString()).code());
    Files.writeString(repo.resolve("a b.json"), "{}");
    Files.writeString(repo.resolve("t.json.hbs"), "{}");
    Files.writeString(repo.resolve("x.schema.json"), "{}");
    Files.writeString(repo.resolve("schemas/index.json"), "{}");
    Files.writeString(repo.resolve("notes.txt"), "x");
    Files.writeString(repo.resolve("unstaged.json"), "{}");
    assertEquals(
        0,
        sh(
            repo,
            Map.of(),
            "git",
            "add",
            "a b.json",
            "t.json.hbs",
            "x.schema.json",
            "schemas/index.json",
            "notes.txt"));
    Path stub = tmp.resolve("stub.sh");
    Files.writeString(
        stub,
        "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > \"" + tmp.resolve("args") + "\"\nexit 1\n");
    stub.toFile().setExecutable(true);
    int code = sh(repo, Map.of("FLOWLINT", stub.toString()), "bash", ".git/hooks/pre-commit");
    assertEquals(1, code, "the hook fails the commit when flowlint finds problems");
    assertEquals(
        List.of("check", "--staged", "--", "a b.json", "t.json.hbs"),
        Files.readAllLines(tmp.resolve("args")));
  }

  @Test
  void aLauncherPathWithShellCharactersStaysAPath() throws Exception {
    assumeTrue(gitAvailable(), "git is not installed");
    Path repo = tmp.resolve("r");
    Files.createDirectories(repo);
    assertEquals(0, sh(repo, Map.of(), "git", "init", "-q"));
    Path odd = tmp.resolve("a $HOME `x` 'q\"/flowlint");
    Files.createDirectories(odd.getParent());
    Files.writeString(odd, "#!/usr/bin/env bash\necho \"ran $1\" > \"$(dirname \"$0\")/ran\"\n");
    assertTrue(odd.toFile().setExecutable(true));
    String before = System.getProperty("flowlint.launcher");
    System.setProperty("flowlint.launcher", odd.toString());
    try {
      assertEquals(0, CliRunner.run("hook", "install", "--repo", repo.toString()).code());
    } finally {
      if (before == null) {
        System.clearProperty("flowlint.launcher");
      } else {
        System.setProperty("flowlint.launcher", before);
      }
    }
    Files.writeString(repo.resolve("p.json"), "{}");
    assertEquals(0, sh(repo, Map.of(), "git", "add", "p.json"));
    assertEquals(0, sh(repo, Map.of(), "bash", ".git/hooks/pre-commit"));
    assertEquals("ran check\n", Files.readString(odd.getParent().resolve("ran")));
  }

  @Test
  void preCommitManifestIsValidForTheFramework() throws Exception {
    JsonNode hooks =
        YAMLMapper.builder().build().readTree(Path.of(".pre-commit-hooks.yaml").toFile());
    assertTrue(hooks.isArray());
    java.util.Map<String, JsonNode> byId = new java.util.LinkedHashMap<>();
    hooks.forEach(h -> byId.put(h.get("id").asString(), h));
    assertEquals(
        List.of(
            "flowlint",
            "flowlint-flows",
            "flowlint-system",
            "flowlint-schemas",
            "flowlint-schemas-system"),
        List.copyOf(byId.keySet()));
    for (JsonNode h : hooks) {
      for (String key : List.of("id", "name", "entry", "language")) {
        assertTrue(h.has(key), "pre-commit requires " + key);
      }
      assertTrue(h.get("require_serial").asBoolean());
      if (h.get("language").asString().equals("script")) {
        String script = h.get("entry").asString().split(" ")[0];
        assertTrue(
            Files.isExecutable(Path.of(script)), "entry script " + script + " is executable");
      } else {
        assertEquals("system", h.get("language").asString());
        assertTrue(
            h.get("entry").asString().startsWith("flowlint "), "an installed flowlint on PATH");
      }
    }
    for (String id : List.of("flowlint", "flowlint-system")) {
      JsonNode h = byId.get(id);
      assertEquals("flowlint check", h.get("entry").asString());
      assertEquals(
          "--", h.get("args").get(h.get("args").size() - 1).asString(), "file names come after --");
      assertTrue(h.get("pass_filenames").asBoolean());
      Pattern files = Pattern.compile(h.get("files").asString());
      Pattern exclude = Pattern.compile(h.get("exclude").asString());
      for (String yes :
          List.of("payloads/a.json", "x.json.tmpl", "t/x.json.vm", "x.json.hbs", "x.json.j2")) {
        assertTrue(files.matcher(yes).find() && !exclude.matcher(yes).find(), yes);
      }
      for (String no :
          List.of(
              "schemas/order.schema.json", "schemas/index.json", "flowlint.yaml", "a.json.bak")) {
        assertTrue(!files.matcher(no).find() || exclude.matcher(no).find(), no);
      }
      // Exactly the names check takes as payloads, any case: an upper-case name is no way round.
      assertEquals(dev.flowlint.check.PayloadFiles.nameEre(), h.get("files").asString());
      assertEquals(dev.flowlint.check.PayloadFiles.excludeEre(), h.get("exclude").asString());
      dev.flowlint.check.PayloadFiles accepts = new dev.flowlint.check.PayloadFiles(List.of());
      for (String name :
          List.of(
              "P.JSON",
              "p.Json",
              "x.JSON.TMPL",
              "x.json.J2",
              "x.json.Jinja2",
              "S.SCHEMA.JSON",
              "a.json.bak",
              "a.jsonx",
              "a.yaml")) {
        assertEquals(
            accepts.accepts(name),
            files.matcher(name).find() && !exclude.matcher(name).find(),
            name);
      }
    }
    for (String id : List.of("flowlint-schemas", "flowlint-schemas-system")) {
      JsonNode h = byId.get(id);
      assertEquals("flowlint import --check", h.get("entry").asString());
      assertFalse(h.get("pass_filenames").asBoolean(), "the user's args name the definitions");
      Pattern files = Pattern.compile(h.get("files").asString());
      for (String yes : List.of("flows/a.yaml", "x.i3WorkFlow", "api/flows.json", "t.yaml.tftpl")) {
        assertTrue(files.matcher(yes).find(), yes);
      }
      // Any file import reads from a directory, any case, starts the check.
      assertEquals(dev.flowlint.source.InputFiles.DEFINITION_NAME_ERE, h.get("files").asString());
      for (String name :
          List.of(
              "F.YAML",
              "a.Yml",
              "API.JSON",
              "x.I3WorkFlow",
              "t.YAML.TFTPL",
              "x.i3",
              "notes.txt",
              "a.yaml.bak",
              "x.js")) {
        assertEquals(
            dev.flowlint.source.InputFiles.isDefinitionName(name),
            files.matcher(name).find(),
            name);
      }
    }
  }

  @Test
  void preCommitManifestOffersAHookForFlowDefinitions() throws Exception {
    JsonNode h = null;
    for (JsonNode each :
        YAMLMapper.builder().build().readTree(Path.of(".pre-commit-hooks.yaml").toFile())) {
      if (each.get("id").asString().equals("flowlint-flows")) {
        h = each;
      }
    }
    assertTrue(h != null, "the manifest has the hook flowlint-flows");
    assertEquals("script", h.get("language").asString());
    assertEquals("flowlint check", h.get("entry").asString());
    assertTrue(h.get("pass_filenames").asBoolean());
    Pattern files = Pattern.compile(h.get("files").asString());
    for (String yes :
        List.of(
            "flows/Main.yaml",
            "a.yml",
            "exports/Resolve Contact.i3CommonModuleFlow",
            "x/InQueue_v2-0.i3InQueueFlow.i3flow")) {
      assertTrue(files.matcher(yes).find(), yes);
    }
    for (String no : List.of("payloads/a.json", "a.yaml.bak", "notes.i3", "schemas/index.json")) {
      assertTrue(!files.matcher(no).find(), no);
    }
    // Exactly the files check reads as flows: Terraform templates and any case included.
    assertEquals(dev.flowlint.check.FileKinds.FLOW_NAME_ERE, h.get("files").asString());
    for (String name :
        List.of(
            "tf/flow.yaml.tftpl",
            "tf/flow2.tftpl",
            "flow3.yml",
            "Main.YAML",
            "x.I3InboundFlow",
            "a.TFTPL",
            "x.i3Flow.bak",
            "x.i3",
            "a.yaml.tmpl",
            "a.\u212Aml",
            "x.\u01303Flow",
            "a.json")) {
      assertEquals(
          dev.flowlint.check.FileKinds.isFlowFileName(name), files.matcher(name).find(), name);
    }
  }
}
