package dev.flowlint.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Files as git's index holds them: what the commit being made will contain, which is not the
 * working tree when a fix was made but not staged. The pre-commit hook checks these bytes.
 */
public final class GitIndex {
  private final Path workDir;
  private final long maxBytes;

  /** A file the index cannot give; the message is plain words. */
  public static final class Unavailable extends Exception {
    public Unavailable(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * @param workDir where relative paths start (git is run there)
   */
  public GitIndex(Path workDir, long maxBytes) {
    this.workDir = workDir;
    this.maxBytes = maxBytes;
    this.batch = new BlobReader(workDir.toAbsolutePath(), maxBytes);
  }

  /** Ends the batch reader's git process, if one was started; a later read starts another. */
  public void release() {
    batch.close();
  }

  /** The staged bytes of {@code path} (relative to the working directory, or absolute). */
  public byte[] staged(String path) throws Unavailable {
    Preloaded m = preloaded;
    Path k = key(path);
    if (m != null && m.asked().contains(k)) {
      Entry e = m.entries().get(k);
      if (e == null) {
        throw new Unavailable("not in git's index (not staged, or not in a git repository)");
      }
      if (e.unmerged()) {
        throw new Unavailable(
            "unmerged in git's index (a merge conflict): resolve it and stage the result");
      }
      Optional<byte[]> bytes = batch.read(e.object());
      if (bytes.isPresent()) {
        return bytes.get();
      }
    }
    return stagedAlone(path);
  }

  /** One git process for one file: for a path not preloaded, or when the batch reader failed. */
  private byte[] stagedAlone(String path) throws Unavailable {
    // ":./path" is a path relative to the current directory in git's revision syntax, whatever it
    // starts with; an argument starting with ":" is never read as an option.
    ProcessBuilder pb =
        new ProcessBuilder("git", "cat-file", "blob", ":./" + relative(path))
            .directory(workDir.toAbsolutePath().toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process;
    try {
      process = pb.start();
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new Unavailable("cannot run git to read the staged file (is git installed?)");
    }
    try (InputStream in = process.getInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        process.destroy();
        throw new Unavailable("staged file is larger than " + maxBytes / (1024 * 1024) + " MiB");
      }
      int code = process.waitFor();
      if (code != 0) {
        throw new Unavailable("not in git's index (not staged, or not in a git repository)");
      }
      return bytes;
    } catch (IOException e) {
      throw new Unavailable(
          "cannot read the staged file from git (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroy();
      throw new Unavailable("interrupted while reading the staged file from git");
    }
  }

  /**
   * One index entry: its mode and the blob it holds; {@code unmerged} when the index holds only a
   * merge conflict's stages (base, ours, theirs) for the path, none of which is what gets
   * committed.
   */
  private record Entry(String mode, String object, boolean unmerged) {}

  /**
   * Entries read ahead by {@link #preload}: the paths asked about and what the index gave for them.
   */
  private record Preloaded(Set<Path> asked, Map<Path, Entry> entries) {}

  /** Staged files' bytes, all through one {@code git cat-file --batch}. */
  private final BlobReader batch;

  private volatile Preloaded preloaded;

  /**
   * Reads the index entries (mode, blob, stage) of all {@code paths} with one {@code git ls-files}
   * (one process per file made {@code check --staged} of hundreds of files several times slower
   * than a plain check); {@link #mode} and {@link #staged} then look them up. Call it before the
   * files are checked.
   */
  public void preload(List<String> paths) {
    Set<Path> asked = new HashSet<>();
    paths.forEach(p -> asked.add(key(p)));
    lsFiles(paths)
        .ifPresent(entries -> preloaded = new Preloaded(Set.copyOf(asked), Map.copyOf(entries)));
  }

  /**
   * Git's mode of {@code path} in the index ({@code 100644}, {@code 120000} for a symbolic link,
   * {@code 160000} for a submodule), or empty when git gives none (not staged, no git).
   */
  public Optional<String> mode(String path) {
    Path k = key(path);
    Preloaded m = preloaded;
    if (m != null && m.asked().contains(k)) {
      return Optional.ofNullable(m.entries().get(k)).map(Entry::mode);
    }
    return lsFiles(List.of(path)).map(entries -> entries.get(k)).map(Entry::mode);
  }

  /** Where {@code path} is, whatever way it was written: the key both sides of a lookup use. */
  private Path key(String path) {
    return workDir.toAbsolutePath().resolve(path).normalize();
  }

  /** {@code git ls-files --stage} of these paths, by {@link #key}; empty when git fails. */
  private Optional<Map<Path, Entry>> lsFiles(List<String> paths) {
    Map<Path, Entry> out = new HashMap<>();
    if (paths.isEmpty()) {
      return Optional.of(out);
    }
    List<String> command = new ArrayList<>(List.of("git", "ls-files", "--stage", "-z", "--"));
    paths.forEach(p -> command.add(relative(p)));
    Optional<String> text;
    try {
      // GIT_LITERAL_PATHSPECS: a name with * or : is that name.
      text = output(workDir.toAbsolutePath(), command, Map.of("GIT_LITERAL_PATHSPECS", "1"));
    } catch (IOException e) {
      return Optional.empty();
    }
    if (text.isEmpty()) {
      return Optional.empty();
    }
    // Each entry is "MODE OBJECT STAGE\tPATH\0", PATH relative to the directory git ran in.
    for (String entry : text.get().split("\0")) {
      int space = entry.indexOf(' ');
      int tab = entry.indexOf('\t');
      int second = entry.indexOf(' ', space + 1);
      if (space > 0 && second > space && tab > second) {
        Entry e =
            new Entry(
                entry.substring(0, space),
                entry.substring(space + 1, second),
                !entry.substring(second + 1, tab).equals("0"));
        // Stage 0 is the entry a commit takes; stages 1-3 stand for it only while unmerged.
        out.merge(key(entry.substring(tab + 1)), e, (a, b) -> a.unmerged() ? b : a);
      }
    }
    return Optional.of(out);
  }

  /** {@code path} as git takes it in the work directory: relative, with forward slashes. */
  private String relative(String path) {
    Path p = Path.of(path);
    String rel = p.isAbsolute() ? workDir.toAbsolutePath().relativize(p).toString() : path;
    return dev.flowlint.io.PathText.slashed(rel);
  }

  /**
   * What {@code command} prints in {@code dir}, or empty when it exits other than 0.
   *
   * @throws IOException when it cannot be run at all, or the wait is interrupted
   */
  private static Optional<String> output(Path dir, List<String> command, Map<String, String> env)
      throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try {
      return p.waitFor() == 0 ? Optional.of(out) : Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
  }

  /** The top level of the git work tree containing {@code dir}, if git is there to say. */
  public static Optional<Path> topLevel(Path dir) {
    try {
      return revParse(dir.toAbsolutePath(), "--show-toplevel").map(Path::of);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * What {@code git rev-parse ARGS} prints in {@code dir}; empty when git says nothing or fails.
   *
   * @throws IOException when git cannot be run at all, or the wait is interrupted
   */
  public static Optional<String> revParse(Path dir, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("git", "rev-parse"));
    command.addAll(List.of(args));
    return output(dir, command, Map.of()).map(String::strip).filter(out -> !out.isEmpty());
  }
}
