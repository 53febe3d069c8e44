package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.LauncherJvm;
import dev.flowlint.check.FixtureSupport;
import dev.flowlint.io.CanonicalJson;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The paths the CI formats give for files inside the repository, for hostile names: a SARIF
 * artifact URI resolved against %SRCROOT% is the file, GitLab's location.path and GitHub's file=
 * are its path from the root. The repository root is the working directory (no git repository
 * around the temporary directory), so the run is a JVM of its own started there.
 */
class RepoRelativePathsTest {
  private static final String BAD =
      "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\", \"flowVersion\": 3,"
          + " \"inputData\": {\"Flow.customer_id\": \"C-1\"}}\n";

  @TempDir Path tmp;

  @Test
  void everyCiPathNamesTheFile() throws Exception {
    FixtureSupport.importFixtures(tmp.resolve("schemas"));
    Path dir = Files.createDirectories(tmp.resolve("p"));
    List<String> names =
        List.of(
            "back\\slash.json",
            "a%20b.json",
            "h#x?y.json",
            "br[1] sp.json",
            "c,d:e.json",
            "-lead.json",
            "\u00e9\uD83D\uDE00.json",
            "new\nline.json");
    Set<String> expected = new HashSet<>();
    for (String n : names) {
      Files.writeString(dir.resolve(n), BAD);
      expected.add("p/" + n);
    }
    List<String> cmd = new ArrayList<>(LauncherJvm.command());
    cmd.addAll(
        List.of(
            "dev.flowlint.cli.Main",
            "check",
            "--format",
            "sarif=r.sarif",
            "--format",
            "gitlab=r.gitlab.json",
            "--format",
            "github",
            "p"));
    Path out = tmp.resolve("out.txt");
    Process p =
        new ProcessBuilder(cmd)
            .directory(tmp.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(tmp.resolve("err.txt").toFile())
            .start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run ends");
    assertEquals(1, p.exitValue(), Files.readString(tmp.resolve("err.txt")));

    JsonNode run = CanonicalJson.mapper().readTree(tmp.resolve("r.sarif").toFile()).at("/runs/0");
    URI root = URI.create(run.at("/originalUriBaseIds/%SRCROOT%/uri").asString());
    Set<String> sarif = new HashSet<>();
    for (JsonNode r : run.get("results")) {
      URI file =
          root.resolve(
              new URI(r.at("/locations/0/physicalLocation/artifactLocation/uri").asString()));
      sarif.add(tmp.relativize(Path.of(file)).toString());
    }
    assertEquals(expected, sarif, "SARIF URIs resolve to the files");

    Set<String> gitlab = new HashSet<>();
    for (JsonNode i : CanonicalJson.mapper().readTree(tmp.resolve("r.gitlab.json").toFile())) {
      gitlab.add(i.at("/location/path").asString());
    }
    assertEquals(expected, gitlab, "GitLab paths are the files'");

    Set<String> github = new HashSet<>();
    for (GithubWorkflowCommandsTest.Command c :
        GithubWorkflowCommandsTest.runnerReads(Files.readString(out))) {
      github.add(c.properties().get("file"));
    }
    assertEquals(expected, github, "GitHub annotations name the files");
  }
}
