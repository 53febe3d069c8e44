package dev.flowlint.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

  /**
   * On Linux and macOS a backslash is part of a file name, not a separator: a staged file named
   * {@code a\b.json} is read as staged (it was looked up as a/b.json, which is not in the index).
   */
  @Test
  void aBackslashInAFileNameIsPartOfTheName() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(java.io.File.separatorChar == '/');
    git("init", "-q");
    Files.writeString(repo.resolve("a\\b.json"), "staged");
    git("add", ".");
    GitIndex index = new GitIndex(repo, 1 << 20);
    index.preload(List.of("a\\b.json"));
    assertEquals("staged", new String(index.staged("a\\b.json"), UTF_8));
    assertEquals(Optional.of("100644"), index.mode("a\\b.json"));
  }

  /**
   * Preloaded files are read as staged, not as in the working tree, through one batch reader that
   * survives a refusal (a file too large) and a path git does not have, and starts again after
   * release.
   */
  @Test
  void preloadedFilesAreReadAsStaged() throws Exception {
    git("init", "-q");
    Files.writeString(repo.resolve("a.json"), "staged a");
    Files.writeString(repo.resolve("b c.json"), "staged b");
    Files.writeString(repo.resolve("big.json"), "x".repeat(100));
    Files.writeString(repo.resolve("empty.json"), "");
    git("add", ".");
    Files.writeString(repo.resolve("a.json"), "working tree a");
    GitIndex index = new GitIndex(repo, 64);
    index.preload(List.of("a.json", "b c.json", "big.json", "empty.json", "none.json"));

    assertEquals("staged a", new String(index.staged("a.json"), UTF_8));
    GitIndex.Unavailable big =
        assertThrows(GitIndex.Unavailable.class, () -> index.staged("big.json"));
    assertTrue(big.getMessage().contains("larger than"), big.getMessage());
    assertEquals("staged b", new String(index.staged("b c.json"), UTF_8));
    assertEquals("", new String(index.staged("empty.json"), UTF_8));
    GitIndex.Unavailable none =
        assertThrows(GitIndex.Unavailable.class, () -> index.staged("none.json"));
    assertTrue(none.getMessage().contains("not in git's index"), none.getMessage());
    index.release();
    assertEquals("staged a", new String(index.staged("./a.json"), UTF_8));
    index.release();
  }

  /**
   * Review: in a merge conflict the index holds base, ours and theirs; none is what is committed.
   */
  @Test
  void anUnmergedFileIsUnavailableNotItsMergeBase() throws Exception {
    git("init", "-q", "-b", "main");
    git("config", "user.email", "t@example.com");
    git("config", "user.name", "t");
    Files.writeString(repo.resolve("p.json"), "base\n");
    git("add", "p.json");
    git("commit", "-q", "-m", "base");
    git("checkout", "-q", "-b", "other");
    Files.writeString(repo.resolve("p.json"), "theirs\n");
    git("commit", "-q", "-am", "theirs");
    git("checkout", "-q", "main");
    Files.writeString(repo.resolve("p.json"), "ours\n");
    git("commit", "-q", "-am", "ours");
    Process merge =
        new ProcessBuilder("git", "-C", repo.toString(), "merge", "-q", "other")
            .redirectErrorStream(true)
            .start();
    merge.getInputStream().readAllBytes();
    assertEquals(1, merge.waitFor(), "the merge conflicts");
    GitIndex index = new GitIndex(repo, 1 << 20);
    index.preload(List.of("p.json"));
    GitIndex.Unavailable e = assertThrows(GitIndex.Unavailable.class, () -> index.staged("p.json"));
    assertTrue(e.getMessage().contains("unmerged"), e.getMessage());
    index.release();
  }

  /** A tree's or commit's body is read past, so the next blob comes out whole. */
  @Test
  void theBatchReaderStaysInStepPastATree() throws Exception {
    git("init", "-q");
    git("config", "user.email", "t@example.com");
    git("config", "user.name", "t");
    Files.writeString(repo.resolve("a.json"), "staged a");
    git("add", "a.json");
    git("commit", "-q", "-m", "one");
    String tree = output("rev-parse", "HEAD^{tree}");
    String blob = output("rev-parse", ":a.json");
    BlobReader reader = new BlobReader(repo, 1 << 20);
    assertTrue(reader.read(tree).isEmpty());
    assertEquals("staged a", new String(reader.read(blob).orElseThrow(), UTF_8));
    reader.close();
  }

  private String output(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    String out = new String(p.getInputStream().readAllBytes(), UTF_8).strip();
    assertEquals(0, p.waitFor());
    return out;
  }
}
