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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The pre-commit framework running this repository's .pre-commit-hooks.yaml on real commits, set up
 * as docs/ci.md says: a hooks repository tagged v0.2.0 (a scratch copy, tagged there), the -system
 * hooks, flowlint on PATH.
 */
// Each test has its own repositories, pre-commit home and PATH: they run side by side.
@Execution(ExecutionMode.CONCURRENT)
@Order(1) // see junit-platform.properties: the slowest classes start first
class PreCommitEndToEndTest {
  /** The tagged hooks repository, the repository set up once, and flowlint on PATH: see once(). */
  @TempDir static Path shared;

  static String preCommit;
  static String flowlint;
  static Path template;

  @TempDir Path tmp;
  Path repo;
  Map<String, String> env;

  /**
   * The pre-commit to run: FLOWLINT_TEST_PRE_COMMIT (CI points it at pre-commit 4, see
   * src/test/sh/pre-commit-4.sh), else the one on PATH (Debian bookworm's is 3.0.4).
   */
  static java.util.Optional<Path> preCommit() {
    String given = System.getenv("FLOWLINT_TEST_PRE_COMMIT");
    if (given != null && !given.isBlank()) {
      return java.util.Optional.of(Path.of(given)).filter(Files::isExecutable);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "pre-commit"))) {
        return java.util.Optional.of(Path.of(dir, "pre-commit"));
      }
    }
    return java.util.Optional.empty();
  }

  /** flowlint on PATH; a home and pre-commit home of their own under {@code home}. */
  static Map<String, String> environment(Path home) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", Path.of(flowlint).getParent() + File.pathSeparator + System.getenv("PATH"));
    env.put("PRE_COMMIT_HOME", home.resolve("pre-commit-home").toString());
    env.put("HOME", home.toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_AUTHOR_NAME", "t");
    env.put("GIT_AUTHOR_EMAIL", "t@example.com");
    env.put("GIT_COMMITTER_NAME", "t");
    env.put("GIT_COMMITTER_EMAIL", "t@example.com");
    return env;
  }

  Commands.Run sh(Path dir, String... cmd) throws Exception {
    return Commands.sh(env, dir, cmd);
  }

  void ok(Path dir, String... cmd) throws Exception {
    Commands.ok(env, dir, cmd);
  }

  /**
   * The hooks repository (which pre-commit only clones) and a repository set up with pre-commit
   * installed, made once: each test commits in a copy of the latter, with a home and pre-commit
   * home of its own. Setting it up per test cost a flowlint JVM and a dozen git and pre-commit
   * processes each time.
   */
  @BeforeAll
  static void once() throws Exception {
    assumeTrue(GitHookEndToEndTest.gitAvailable(), "git is not installed");
    assumeTrue(preCommit().isPresent(), "pre-commit is not installed");
    preCommit = preCommit().get().toString();
    Path bin = Files.createDirectories(shared.resolve("bin"));
    Files.move(GitHookEndToEndTest.flowlintScript(shared), bin.resolve("flowlint"));
    flowlint = bin.resolve("flowlint").toString();
    Map<String, String> env = environment(shared);

    Path hooks = shared.resolve("flowlint-hooks");
    Files.createDirectories(hooks);
    Files.copy(Path.of(".pre-commit-hooks.yaml"), hooks.resolve(".pre-commit-hooks.yaml"));
    Commands.ok(env, hooks, "git", "init", "-q");
    Commands.ok(env, hooks, "git", "add", ".");
    Commands.ok(env, hooks, "git", "commit", "-q", "-m", "hooks");
    Commands.ok(env, hooks, "git", "tag", "v0.2.0");

    template = shared.resolve("repo");
    Files.createDirectories(template.resolve("payloads"));
    Files.createDirectories(template.resolve("flows"));
    Files.copy(
        Path.of("fixtures/flows/WFM-HR-GetEmployeeBalances_v2-0.yaml"),
        template.resolve("flows/balances.yaml"));
    Commands.ok(env, template, "git", "init", "-q");
    FixtureSupport.importFixtures(template.resolve("schemas"));
    Commands.ok(env, template, flowlint, "import", "flows", "-q");
    Files.writeString(
        template.resolve(".pre-commit-config.yaml"),
        """
        repos:
          - repo: %s
            rev: v0.2.0
            hooks:
              - id: flowlint-system
              - id: flowlint-schemas-system
                args: [flows/]
        """
            .formatted(hooks.toUri()));
    Commands.ok(env, template, "git", "add", ".");
    Commands.ok(env, template, "git", "commit", "-q", "-m", "setup", "--no-verify");
    Commands.Run version = Commands.sh(env, template, preCommit, "--version");
    System.out.println("PreCommitEndToEndTest runs " + version.output().strip());
    Commands.ok(env, template, preCommit, "install");
  }

  @BeforeEach
  void setUp() throws Exception {
    env = environment(tmp);
    repo = tmp.resolve("repo");
    TestFiles.copyTree(template, repo);
  }

  @Test
  void aStagedBadPayloadIsBlockedEvenWhenTheWorkingTreeIsFixed() throws Exception {
    Files.writeString(repo.resolve("payloads/order.json"), GitHookEndToEndTest.BAD);
    ok(repo, "git", "add", "payloads/order.json");
    Files.writeString(repo.resolve("payloads/order.json"), GitHookEndToEndTest.GOOD);
    Commands.Run commit = sh(repo, "git", "commit", "-m", "bad");
    assertNotEquals(0, commit.code(), commit.output());
    assertTrue(commit.output().contains("payloads/order.json:1:"), commit.output());
    assertTrue(commit.output().contains("unknown-input"), commit.output());
    assertEquals(
        GitHookEndToEndTest.GOOD,
        Files.readString(repo.resolve("payloads/order.json")),
        "pre-commit restored the unstaged fix");
  }

  @Test
  void aGoodPayloadNextToPackageJsonAndAFlowListingPasses() throws Exception {
    Files.writeString(repo.resolve("payloads/order.json"), GitHookEndToEndTest.GOOD);
    Files.writeString(repo.resolve("package.json"), "{\"name\": \"x\", \"version\": \"1.0.0\"}\n");
    Files.copy(Path.of("fixtures/flows/api/divisionviews-page.json"), repo.resolve("listing.json"));
    ok(repo, "git", "add", ".");
    Commands.Run commit = sh(repo, "git", "commit", "-m", "good");
    assertEquals(0, commit.code(), commit.output());
  }

  @Test
  void aFileNamedLikeAnOptionIsAFile() throws Exception {
    Files.writeString(repo.resolve("--output=x.json"), GitHookEndToEndTest.BAD);
    ok(repo, "git", "add", "--", "--output=x.json");
    Commands.Run commit = sh(repo, "git", "commit", "-m", "hostile");
    assertNotEquals(0, commit.code(), commit.output());
    assertTrue(commit.output().contains("--output=x.json:1:"), commit.output());
    assertFalse(Files.exists(repo.resolve("x.json")), "no report was written to x.json");
  }

  @Test
  void aChangedFlowDefinitionNeedsItsSchemas() throws Exception {
    String flow = Files.readString(repo.resolve("flows/balances.yaml"));
    Files.writeString(repo.resolve("flows/balances.yaml"), flow.replace("Flow.", "Flow.x_"));
    ok(repo, "git", "add", "flows/balances.yaml");
    Commands.Run commit = sh(repo, "git", "commit", "-m", "flow changed");
    assertNotEquals(0, commit.code(), commit.output());
    assertTrue(commit.output().contains("schemas out of date"), commit.output());
    assertTrue(
        commit.output().contains("flow \"WFM-HR-GetEmployeeBalances\": input Flow.x_"),
        commit.output());

    ok(repo, flowlint, "import", "flows", "-q");
    ok(repo, "git", "add", "flows", "schemas");
    Commands.Run again = sh(repo, "git", "commit", "-m", "flow and schemas");
    assertEquals(0, again.code(), again.output());
  }
}
