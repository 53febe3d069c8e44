package dev.flowlint.io;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a set of files so that a failure leaves the directory as it was: every file is first
 * written in full to a temporary file beside its target, and only when all of them are written are
 * they renamed into place.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  public static void write(Path target, String content) throws IOException {
    writeAll(Map.of(target, content));
  }

  public static void writeAll(Map<Path, String> files) throws IOException {
    Map<Path, Path> staged = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    List<Path> createdDirs = new ArrayList<>();
    // Interrupted (Ctrl-C) while staging: take the temporary files away, so the directory is as it
    // was.
    Thread cleanup =
        new Thread(
            () -> {
              synchronized (staged) {
                for (Path tmp : staged.keySet()) {
                  try {
                    Files.deleteIfExists(tmp);
                  } catch (IOException ignored) {
                    // Shutting down: nothing better to do than leave it.
                  }
                }
              }
            },
            "flowlint-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      stageAndMove(files, staged, createdDirs);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // The hook runs: nothing more to do here.
      }
    }
  }

  /**
   * One file written as a stream (a report of a million files is never held in memory): the bytes
   * go to a temporary file beside the target, which {@link #commit} renames into place; {@link
   * #close} without a commit takes the temporary file away.
   */
  public static final class Staged implements AutoCloseable {
    private final Path target;
    private final Path tmp;
    private final Optional<java.nio.file.OpenOption[]> into;
    private final OutputStream out;
    private final Thread cleanup;
    private boolean done;

    /**
     * @param into how to open {@code target} to copy the staged bytes into it, for a target that
     *     must not be replaced; empty: the staged file is renamed onto it
     */
    private Staged(Path target, Optional<java.nio.file.OpenOption[]> into) throws IOException {
      this.target = target;
      this.into = into;
      if (into.isPresent()) {
        // Staged where temporary files go: /dev is no place for them.
        this.tmp = Files.createTempFile(".flowlint-report", ".tmp");
      } else {
        Path dir =
            java.util.Objects.requireNonNull(target.getParent(), "a file, not the root directory");
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
          // createDirectories would say only that it exists.
          throw new java.nio.file.NotDirectoryException(dir.toString());
        }
        Files.createDirectories(dir);
        // Named as every temporary file flowlint writes, so a later run removes one a killed run
        // left.
        removeStaleTemporariesOf(target);
        this.tmp = Files.createTempFile(dir, tempPrefix(target), ".tmp");
        keepPermissions(target, tmp);
      }
      this.out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
      this.cleanup =
          new Thread(
              () -> {
                try {
                  Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                  // at exit: a temporary file left behind is harmless
                }
              },
              "flowlint-cleanup");
      Runtime.getRuntime().addShutdownHook(cleanup);
    }

    public OutputStream stream() {
      return out;
    }

    public void commit() throws IOException {
      out.close();
      if (into.isPresent()) {
        try (OutputStream dest = Files.newOutputStream(target, into.get())) {
          Files.copy(tmp, dest);
        } finally {
          Files.deleteIfExists(tmp);
        }
      } else {
        move(tmp, target);
      }
      done = true;
      removeHook();
    }

    @Override
    public void close() throws IOException {
      if (!done) {
        done = true;
        out.close();
        Files.deleteIfExists(tmp);
        removeHook();
      }
    }

    private void removeHook() {
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // The hook runs: nothing more to do here.
      }
    }
  }

  /**
   * Starts writing {@code target}, to be renamed into place by {@link Staged#commit}. What is not a
   * plain file is never replaced by one: a device or a named pipe ({@code /dev/null}, {@code
   * /dev/stdout} on a pipe) gets the bytes written into it at commit, a process's own stream
   * ({@code /dev/stdout} redirected to a file) has them appended, and a symbolic link stays a link
   * while the file it points at (made if missing) is replaced.
   */
  public static Staged stage(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    if (Files.exists(abs) && !Files.isRegularFile(abs)) {
      if (Files.isDirectory(abs)) {
        throw new IOException(abs + ": a directory");
      }
      return new Staged(abs, Optional.of(new java.nio.file.OpenOption[] {WRITE}));
    }
    if (Files.isSymbolicLink(abs) && (abs.startsWith("/dev/") || abs.startsWith("/proc/"))) {
      // /dev/stdout, /dev/fd/1: the file the shell redirected to, already holding other output.
      return new Staged(abs, Optional.of(new java.nio.file.OpenOption[] {WRITE, APPEND}));
    }
    return new Staged(linkTarget(abs), Optional.empty());
  }

  /**
   * Whether {@code file} is this process's {@code stream} ("/dev/stdout", "/dev/stderr"): the
   * device itself, /dev/fd/N, or the file the stream was redirected to. False when that cannot be
   * told, and for a stream sent to /dev/null (a report there is lost anyway).
   */
  public static boolean isStream(String file, String stream) {
    try {
      Path device = Path.of(stream);
      return Files.exists(device)
          && Files.exists(Path.of(file))
          && Files.isSameFile(Path.of(file), device)
          && !Files.isSameFile(device, Path.of("/dev/null"));
    } catch (IOException | RuntimeException e) {
      return false; // cannot tell: written as a file
    }
  }

  /** The file a chain of symbolic links ends at, whether or not it exists; else the path itself. */
  public static Path linkTarget(Path path) throws IOException {
    Path p = path;
    for (int hops = 0; Files.isSymbolicLink(p); hops++) {
      if (hops == 40) {
        throw new java.nio.file.FileSystemLoopException(path.toString());
      }
      Path parent = java.util.Objects.requireNonNull(p.getParent(), "a link has a directory");
      p = parent.resolve(Files.readSymbolicLink(p));
    }
    return p;
  }

  private static void stageAndMove(
      Map<Path, String> files, Map<Path, Path> staged, List<Path> createdDirs) throws IOException {
    try {
      for (Map.Entry<Path, String> e : files.entrySet()) {
        Path target = e.getKey().toAbsolutePath();
        Path dir =
            java.util.Objects.requireNonNull(target.getParent(), "a file, not the root directory");
        if (!Files.isDirectory(dir)) {
          createDirs(dir, createdDirs);
        }
        removeStaleTemporariesOf(target);
        Path tmp = Files.createTempFile(dir, tempPrefix(target), ".tmp");
        staged.put(tmp, target);
        Files.writeString(tmp, e.getValue(), StandardCharsets.UTF_8);
        keepPermissions(target, tmp);
      }
    } catch (IOException | RuntimeException e) {
      for (Path tmp : staged.keySet()) {
        Files.deleteIfExists(tmp);
      }
      for (int i = createdDirs.size() - 1; i >= 0; i--) {
        Files.deleteIfExists(createdDirs.get(i));
      }
      throw e;
    }
    synchronized (staged) {
      for (Map.Entry<Path, Path> e : staged.entrySet()) {
        move(e.getKey(), e.getValue());
      }
      staged.clear();
    }
  }

  /**
   * Temporary files are named {@code .<name>.flowlint-<pid>-<random>.tmp}: hidden, so no glob of
   * payloads picks them up, and marked with the writer's process id, so a later write of the same
   * file removes those a killed run left behind.
   */
  private static String tempPrefix(Path target) {
    return "." + target.getFileName() + ".flowlint-" + ProcessHandle.current().pid() + "-";
  }

  private static void removeStaleTemporariesOf(Path target) {
    sweep(target.getParent(), "." + target.getFileName() + ".flowlint-");
  }

  /**
   * Removes the temporary files of any target in {@code dir} that runs no longer alive left (a
   * killed import), so a directory a run writes as a whole ends tidy. Judged by the process id in
   * the name, not by age: a run started earlier may still be staging, and removing its files would
   * make its rename fail.
   */
  public static void removeStaleTemporaries(Path dir) {
    sweep(dir, ".");
  }

  /** {@code .<name>.flowlint-<pid>-<digits>.tmp}, as {@link #tempPrefix} names them. */
  public static boolean isTemporary(String fileName) {
    return pidOf(fileName) >= 0;
  }

  private static void sweep(Path dir, String prefix) {
    try (java.util.stream.Stream<Path> siblings = Files.list(dir)) {
      for (Path p : siblings.toList()) {
        String n = String.valueOf(p.getFileName());
        long pid = n.startsWith(prefix) ? pidOf(n) : -1;
        if (pid >= 0 && !writerAlive(pid, p)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // Best effort: a stale temporary file is untidy, not wrong.
    }
  }

  private static long pidOf(String n) {
    int at = n.lastIndexOf(".flowlint-");
    if (!n.startsWith(".") || at <= 0 || !n.endsWith(".tmp")) {
      return -1;
    }
    String[] parts = n.substring(at + ".flowlint-".length(), n.length() - 4).split("-", -1);
    if (parts.length != 2 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,20}")) {
      return -1;
    }
    return Long.parseLong(parts[0]);
  }

  /**
   * Whether the run that made {@code tmp} may still be writing it. A zombie (killed, not yet reaped
   * by its parent) is "alive" to ProcessHandle but writes nothing; a process that started after the
   * file was written is another one that reused the id.
   */
  private static boolean writerAlive(long pid, Path tmp) {
    Optional<ProcessHandle> h = ProcessHandle.of(pid);
    if (h.isEmpty() || !h.get().isAlive() || zombie(pid)) {
      return false;
    }
    Optional<java.time.Instant> started = h.get().info().startInstant();
    try {
      return started.isEmpty()
          || !started.get().isAfter(Files.getLastModifiedTime(tmp).toInstant());
    } catch (IOException e) {
      return true;
    }
  }

  private static boolean zombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      int close = stat.lastIndexOf(')'); // the command name may hold spaces and parentheses
      return close > 0 && stat.startsWith("Z", close + 2);
    } catch (IOException | RuntimeException e) {
      return false; // no /proc: ProcessHandle's word stands
    }
  }

  /**
   * Why a file must not be rewritten in place by --fix, if it must not: it is read-only (even to
   * root, the owner's write bit is asked), not a regular file, or has other hard links that an
   * atomic rename would split from it.
   */
  public static Optional<String> refusalToRewrite(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.of("not a regular file");
      }
      boolean readOnly = !Files.isWritable(file);
      try {
        readOnly |= !Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE);
      } catch (UnsupportedOperationException notPosix) {
        // Files.isWritable is all we can ask.
      }
      if (readOnly) {
        return Optional.of("the file is read-only; make it writable to let --fix change it");
      }
      try {
        Object links = Files.getAttribute(file, "unix:nlink");
        if (links instanceof Integer n && n > 1) {
          return Optional.of(
              "the file has "
                  + n
                  + " hard links and rewriting it would split them; fix it by hand or with --diff");
        }
      } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
        // No link count on this file system.
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("cannot inspect the file");
    }
  }

  /** An I/O failure in plain words, with no Java class names (for messages a person reads). */
  public static String describe(IOException e) {
    String file =
        e instanceof java.nio.file.FileSystemException f && f.getFile() != null
            ? f.getFile() + ": "
            : "";
    if (e instanceof java.nio.file.AccessDeniedException) {
      return file + "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return file + "no such file or directory";
    }
    if (e instanceof java.nio.file.FileSystemLoopException) {
      return file + "a symbolic link loop";
    }
    if (e instanceof java.nio.file.NotDirectoryException) {
      return file + "not a directory";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return file + f.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    if (e.getClass() == IOException.class && e.getMessage() != null) {
      return e.getMessage(); // one of flowlint's own, already in words
    }
    return file + "input/output error";
  }

  private static void createDirs(Path dir, List<Path> created) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
      missing.add(0, p);
    }
    for (Path p : missing) {
      Files.createDirectory(p);
      created.add(p);
    }
  }

  private static void keepPermissions(Path target, Path tmp) {
    try {
      if (Files.exists(target)) {
        Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
        keepOwner(target, tmp);
      } else {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      }
    } catch (IOException | UnsupportedOperationException e) {
      // Not a POSIX file system: the temporary file's defaults are the best we have.
    }
  }

  /**
   * The owner and group too, where this process may set them (root, as in a container over a
   * mounted checkout): a file rewritten by root would otherwise become root's.
   */
  private static void keepOwner(Path target, Path tmp) {
    try {
      java.nio.file.attribute.PosixFileAttributes was =
          Files.readAttributes(target, java.nio.file.attribute.PosixFileAttributes.class);
      java.nio.file.attribute.PosixFileAttributes now =
          Files.readAttributes(tmp, java.nio.file.attribute.PosixFileAttributes.class);
      java.nio.file.attribute.PosixFileAttributeView view =
          Files.getFileAttributeView(tmp, java.nio.file.attribute.PosixFileAttributeView.class);
      if (!was.group().equals(now.group())) {
        view.setGroup(was.group());
      }
      if (!was.owner().equals(now.owner())) {
        view.setOwner(was.owner());
      }
    } catch (IOException | UnsupportedOperationException e) {
      // Not allowed (not root) or not POSIX: the new file is this user's, as any new file is.
    }
  }

  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
