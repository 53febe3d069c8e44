package dev.flowlint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Index modes for check --staged: read for every file at once, then looked up. */
class GitIndexTest {
  @TempDir Path repo;

  private void git(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), String.join(" ", args) + ": " + out);
  }

  /**
   * One git run gives every mode: after preload the answers come without git (here: once the
   * repository is gone), however each path was written.
   */
  @Test
  void preloadReadsEveryModeInOneGo() throws Exception {
    git("init", "-q");
    Files.createDirectories(repo.resolve("p"));
    Files.writeString(repo.resolve("p/ok.json"), "{}\n");
    Files.writeString(repo.resolve("p/a b*.json"), "{}\n");
    Files.createSymbolicLink(repo.resolve("p/link.json"), Path.of("ok.json"));
    Files.writeString(repo.resolve("p/unstaged.json"), "{}\n");
    git("add", "p/ok.json", "p/a b*.json", "p/link.json");
    GitIndex index = new GitIndex(repo, 1 << 20);
    String absolute = repo.resolve("p/link.json").toString();
    index.preload(List.of("p/ok.json", "./p/a b*.json", absolute, "p/x/../unstaged.json"));

    Files.move(repo.resolve(".git"), repo.resolve("git-gone"));
    assertEquals(Optional.of("100644"), index.mode("p/ok.json"));
    assertEquals(Optional.of("100644"), index.mode("./p/a b*.json"));
    assertEquals(Optional.of("120000"), index.mode(absolute));
    assertEquals(Optional.empty(), index.mode("p/x/../unstaged.json"));
    // A path not preloaded is asked of git on its own, which is gone now.
    assertTrue(index.mode("p/other.json").isEmpty());
  }
}
