package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowlint.TestFiles;
import dev.flowlint.check.FixtureSupport;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The hook 'flowlint hook install' writes, run by a real git on real commits, with a flowlint
 * started from this build's classes (what the launcher would run).
 */
// hook install reads the flowlint.launcher property, which HookCommandTest sets.
@ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ)
// Each test has its own repository and environment: they run side by side.
@Execution(ExecutionMode.CONCURRENT)
@Order(3) // see junit-platform.properties: the slowest classes start first
class GitHookEndToEndTest {
  static final String ORDER = "6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11";
  static final String GOOD =
      "{\"flowId\": \"" + ORDER + "\", \"inputData\": {\"Flow.customer_id\": \"C-1\"}}\n";
  static final String BAD =
      "{\"flowId\": \"" + ORDER + "\", \"inputData\": {\"customerId\": \"C-1\"}}\n";

  /** The flowlint command and the repository every test starts from: see once(). */
  @TempDir static Path shared;

  static Path flowlint;
  static Path template;

  @TempDir Path tmp;
  Path repo;
  Map<String, String> env;

  static boolean gitAvailable() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "git"))) {
        return true;
      }
    }
    return false;
  }

  /** A flowlint command on this build's classpath, like the launcher. */
  static Path flowlintScript(Path dir) throws Exception {
    Path script = dir.resolve("flowlint-under-test");
    Files.writeString(
        script,
        "#!/usr/bin/env bash\nexec "
            + dev.flowlint.LauncherJvm.command().stream()
                .map(a -> "'" + a + "'")
                .collect(java.util.stream.Collectors.joining(" "))
            + " dev.flowlint.cli.Main \"$@\"\n");
    assertTrue(script.toFile().setExecutable(true));
    return script;
  }

  Commands.Run sh(Path dir, String... cmd) throws Exception {
    return Commands.sh(env, dir, cmd);
  }

  void ok(Path dir, String... cmd) throws Exception {
    Commands.ok(env, dir, cmd);
  }

  /**
   * A repository with the fixtures' schemas committed, and the flowlint command, made once: each
   * test works in a copy of the repository, with a home of its own.
   */
  @BeforeAll
  static void once() throws Exception {
    assumeTrue(gitAvailable(), "git is not installed");
    flowlint = flowlintScript(shared);
    template = shared.resolve("repo");
    Files.createDirectories(template.resolve("payloads"));
    Map<String, String> env = environment(shared);
    Commands.ok(env, template, "git", "init", "-q");
    FixtureSupport.importFixtures(template.resolve("schemas"));
    Commands.ok(env, template, "git", "add", "schemas");
    Commands.ok(env, template, "git", "commit", "-q", "-m", "schemas");
  }

  static Map<String, String> environment(Path home) {
    Map<String, String> env = new HashMap<>();
    env.put("FLOWLINT", flowlint.toString());
    env.put("GIT_AUTHOR_NAME", "t");
    env.put("GIT_AUTHOR_EMAIL", "t@example.com");
    env.put("GIT_COMMITTER_NAME", "t");
    env.put("GIT_COMMITTER_EMAIL", "t@example.com");
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("HOME", home.toString());
    return env;
  }

  @BeforeEach
  void repository() throws Exception {
    env = environment(tmp);
    repo = tmp.resolve("repo");
    TestFiles.copyTree(template, repo);
  }

  private void install(Path dir) {
    CliRunner.Result r = CliRunner.run("hook", "install", "--repo", dir.toString());
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void aStagedBadPayloadIsBlockedEvenWhenTheWorkingTreeIsFixed() throws Exception {
    install(repo);
    Files.writeString(repo.resolve("payloads/order.json"), BAD);
    ok(repo, "git", "add", "payloads/order.json");
    Files.writeString(repo.resolve("payloads/order.json"), GOOD);
    Commands.Run commit = sh(repo, "git", "commit", "-q", "-m", "bad");
    assertNotEquals(0, commit.code(), commit.output());
    assertTrue(commit.output().contains("payloads/order.json:1:"), commit.output());
    assertTrue(commit.output().contains("unknown-input"), commit.output());

    ok(repo, "git", "add", "payloads/order.json");
    ok(repo, "git", "commit", "-q", "-m", "fixed");
  }

  /** check reads P.JSON as a payload: the hook must hand it over, not let it through unread. */
  @Test
  void anUpperCaseNameIsCheckedAndAnUpperCaseSchemaIsNot() throws Exception {
    install(repo);
    Files.writeString(repo.resolve("payloads/ORDER.JSON"), BAD);
    Files.writeString(repo.resolve("payloads/Order.Json.J2"), BAD);
    Files.writeString(repo.resolve("X.SCHEMA.JSON"), "{\"type\": \"object\"}\n");
    ok(repo, "git", "add", ".");
    Commands.Run commit = sh(repo, "git", "commit", "-q", "-m", "bad");
    assertNotEquals(0, commit.code(), commit.output());
    assertTrue(commit.output().contains("payloads/ORDER.JSON:1:"), commit.output());
    assertTrue(commit.output().contains("payloads/Order.Json.J2:1:"), commit.output());
    assertFalse(commit.output().contains("X.SCHEMA.JSON"), commit.output());
  }

  @Test
  void aGoodPayloadNextToPackageJsonAndAFlowListingPasses() throws Exception {
    install(repo);
    Files.writeString(repo.resolve("payloads/order.json"), GOOD);
    Files.writeString(
        repo.resolve("package.json"),
        "{\"name\": \"x\", \"version\": \"1.0.0\", \"scripts\": {}}\n");
    Files.copy(Path.of("fixtures/flows/api/divisionviews-page.json"), repo.resolve("flows.json"));
    Files.createDirectories(repo.resolve("generated"));
    Files.copy(repo.resolve("schemas/index.json"), repo.resolve("generated/index.json"));
    ok(repo, "git", "add", ".");
    Commands.Run commit = sh(repo, "git", "commit", "-q", "-m", "good");
    assertEquals(0, commit.code(), commit.output());
    assertTrue(commit.output().contains("skipped package.json: no envelope keys"), commit.output());
    assertFalse(
        commit.output().contains("flows.json"),
        "a flow listing is skipped quietly: " + commit.output());
  }

  /** The hook checks staged flows too (call sites), as README says: YAML, templates, exports. */
  @Test
  void stagedFlowsWithBrokenCallSitesAreBlockedAndOtherYamlIsNot() throws Exception {
    install(repo);
    Files.createDirectories(repo.resolve("flows"));
    Files.createDirectories(repo.resolve(".github/workflows"));
    Files.writeString(repo.resolve(".github/workflows/ci.yml"), "name: CI\non: push\n");
    ok(repo, "git", "add", ".github");
    ok(repo, "git", "commit", "-q", "-m", "other YAML is no flow: the hook lets it through");
    String caller = Files.readString(Path.of("fixtures/callers/caller.fail.yaml"));
    String export = Files.readString(Path.of("fixtures/callers/caller.fail.i3InboundEmailFlow"));
    for (String name : List.of("flows/base.yaml", "flows/base.yaml.tftpl", "flows/Base.YML")) {
      Files.writeString(repo.resolve(name), caller);
      ok(repo, "git", "add", "--", name);
      Commands.Run commit = sh(repo, "git", "commit", "-q", "-m", "caller");
      assertNotEquals(0, commit.code(), name + ": " + commit.output());
      assertTrue(commit.output().contains(name + ":19:23:"), commit.output());
      assertTrue(commit.output().contains("call-unknown-input"), commit.output());
      ok(repo, "git", "rm", "-q", "--cached", "--", name);
    }
    Files.writeString(repo.resolve("flows/Caller.i3InboundEmailFlow"), export);
    ok(repo, "git", "add", "flows/Caller.i3InboundEmailFlow");
    Commands.Run commit = sh(repo, "git", "commit", "-q", "-m", "export");
    assertNotEquals(0, commit.code(), commit.output());
    assertTrue(
        commit.output().contains("flows/Caller.i3InboundEmailFlow:1:1: error[call-"),
        commit.output());
    ok(repo, "git", "rm", "-q", "--cached", "flows/Caller.i3InboundEmailFlow");
    // Named like an export but not one (.i3Flow.bak): not a flow, and not passed as a payload.
    Files.writeString(repo.resolve("flows/old.i3Flow.bak"), "not base64\n");
    ok(repo, "git", "add", "flows/old.i3Flow.bak");
    ok(repo, "git", "commit", "-q", "-m", "a backup is no flow");
  }

  /**
   * A staged symbolic link is committed as its link text, not its target: skipped with a note, not
   * read as a payload (it was invalid-json on "ok.json"); a staged target is checked on its own.
   */
  @Test
  void aStagedSymbolicLinkIsSkippedAndItsTargetCheckedOnItsOwn() throws Exception {
    install(repo);
    Files.writeString(repo.resolve("payloads/ok.json"), GOOD);
    Files.createSymbolicLink(repo.resolve("payloads/link.json"), Path.of("ok.json"));
    ok(repo, "git", "add", "payloads/ok.json", "payloads/link.json");
    Commands.Run check =
        sh(repo, flowlint.toString(), "check", "--staged", "--", "payloads/link.json");
    assertEquals(0, check.code(), check.output());
    assertTrue(
        check.output().contains("skipped payloads/link.json: a symbolic link"), check.output());
    assertFalse(check.output().contains("invalid-json"), check.output());
    ok(repo, "git", "commit", "-q", "-m", "a link beside its good target");

    Files.writeString(repo.resolve("payloads/ok.json"), BAD);
    ok(repo, "git", "add", "payloads/ok.json");
    Commands.Run commit = sh(repo, "git", "commit", "-q", "-m", "a bad target");
    assertNotEquals(0, commit.code(), commit.output());
    assertTrue(commit.output().contains("payloads/ok.json:1:"), commit.output());
  }

  @Test
  void aFileNamedLikeAnOptionIsAFile() throws Exception {
    install(repo);
    Files.writeString(repo.resolve("--output=victim.json"), BAD);
    Files.writeString(repo.resolve("victim.json"), GOOD);
    ok(repo, "git", "add", "--", "--output=victim.json", "victim.json");
    Commands.Run commit = sh(repo, "git", "commit", "-q", "-m", "hostile name");
    assertNotEquals(0, commit.code(), commit.output());
    assertTrue(commit.output().contains("--output=victim.json:1:"), commit.output());
    assertEquals(
        GOOD, Files.readString(repo.resolve("victim.json")), "victim.json is not overwritten");
  }

  @Test
  void theHookRunsWhereCoreHooksPathPoints() throws Exception {
    ok(repo, "git", "config", "core.hooksPath", ".husky");
    install(repo);
    assertTrue(Files.isExecutable(repo.resolve(".husky/pre-commit")));
    assertFalse(Files.exists(repo.resolve(".git/hooks/pre-commit")));
    Files.writeString(repo.resolve("payloads/order.json"), BAD);
    ok(repo, "git", "add", "payloads/order.json");
    Commands.Run commit = sh(repo, "git", "commit", "-q", "-m", "bad");
    assertNotEquals(0, commit.code(), "git ran the hook in .husky: " + commit.output());
    assertTrue(commit.output().contains("unknown-input"), commit.output());
  }

  @Test
  void theHookInstalledFromAWorktreeRunsThere() throws Exception {
    Path wt = tmp.resolve("wt");
    ok(repo, "git", "worktree", "add", "-q", wt.toString());
    install(wt);
    Files.createDirectories(wt.resolve("payloads"));
    Files.writeString(wt.resolve("payloads/order.json"), BAD);
    ok(wt, "git", "add", "payloads/order.json");
    Commands.Run commit = sh(wt, "git", "commit", "-q", "-m", "bad");
    assertNotEquals(0, commit.code(), "git ran the hook in the worktree: " + commit.output());
    assertTrue(commit.output().contains("payloads/order.json:1:"), commit.output());
    Files.writeString(wt.resolve("payloads/order.json"), GOOD);
    ok(wt, "git", "add", "payloads/order.json");
    ok(wt, "git", "commit", "-q", "-m", "good");
  }

  @Test
  void checkTakesDoubleDashAsTheEndOfOptions() throws Exception {
    List<String> args =
        new ArrayList<>(List.of("check", "--schemas", repo.resolve("schemas").toString(), "--"));
    Path hostile = repo.resolve("--output=x.json");
    Files.writeString(hostile, GOOD);
    args.add(hostile.toString());
    CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("checked 1 file: no problems"), r.out());
  }
}
