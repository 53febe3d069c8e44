package dev.flowlint.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Expands command-line paths into files, each with the name to show for it: the argument as typed,
 * joined with the path below it. Directories are walked in sorted order, skipping hidden entries,
 * so every run sees the same files in the same order.
 */
public final class InputFiles {
  public record InputFile(Path path, String display) {}

  private InputFiles() {}

  /**
   * File names that may hold a flow definition: YAML, Terraform templates, JSON, Architect exports.
   */
  public static boolean isDefinitionName(String fileName) {
    String n = fileName.toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".yaml")
        || n.endsWith(".yml")
        || n.endsWith(".tftpl")
        || n.endsWith(".json")
        || n.contains(".i3")
        || n.endsWith(".tf");
  }

  /** A path that could not be read, with the reason in words. */
  public record Skipped(String display, String reason) {}

  /**
   * @param accept which files found inside directories are taken (named files always are)
   * @param skipped receives arguments that do not exist and entries that cannot be read
   */
  public static List<InputFile> expand(
      List<String> args, Predicate<String> accept, List<Skipped> skipped) {
    List<InputFile> out = new ArrayList<>();
    walk(args, accept, skipped).forEachRemaining(out::add);
    return out;
  }

  /**
   * As {@link #expand}, lazily: a directory is listed when the walk reaches it, so a million files
   * are never held at once. The order is expand's: each argument in turn, a directory's files in
   * the order of their paths below it. {@code skipped} is complete once the iterator is exhausted.
   */
  public static Iterator<InputFile> walk(
      List<String> args, Predicate<String> accept, List<Skipped> skipped) {
    return new Walk(args, accept, skipped);
  }

  /**
   * One directory being walked: its entries sorted so that the walk yields paths in string order.
   */
  private record Frame(Path dir, String display, Object key, Iterator<Entry> entries) {}

  /**
   * @param key what the entry sorts by: a directory as its name with a slash, so the walk's order
   *     is that of the whole paths
   */
  private record Entry(String name, boolean directory, String key) implements Comparable<Entry> {
    Entry(String name, boolean directory) {
      this(name, directory, directory ? name + "/" : name);
    }

    @Override
    public int compareTo(Entry o) {
      return key.compareTo(o.key);
    }
  }

  private static final class Walk implements Iterator<InputFile> {
    private final Iterator<String> args;
    private final Predicate<String> accept;
    private final List<Skipped> skipped;

    /**
     * Overlapping arguments name a file once; one argument cannot repeat a path, so it needs no
     * set.
     */
    private final Set<Path> seen;

    private final ArrayDeque<Frame> stack = new ArrayDeque<>();
    private InputFile next;

    Walk(List<String> args, Predicate<String> accept, List<Skipped> skipped) {
      this.args = args.iterator();
      this.accept = accept;
      this.skipped = skipped;
      this.seen = args.size() > 1 ? new HashSet<>() : null;
    }

    @Override
    public boolean hasNext() {
      while (next == null && (!stack.isEmpty() || args.hasNext())) {
        next = stack.isEmpty() ? fromArgument(args.next()) : fromDirectory(stack.peek());
      }
      return next != null;
    }

    @Override
    public InputFile next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      InputFile f = next;
      next = null;
      return f;
    }

    private InputFile fromArgument(String arg) {
      Path root = Path.of(arg);
      if (Files.isRegularFile(root)) {
        return once(new InputFile(root, arg));
      }
      if (Files.isDirectory(root)) {
        enter(root, arg.endsWith("/") ? arg : arg + "/", arg.endsWith("/") ? arg : arg + "/");
        return null;
      }
      skipped.add(new Skipped(arg, dev.flowlint.io.FileProblems.whatIsWrong(root)));
      return null;
    }

    private InputFile fromDirectory(Frame frame) {
      if (!frame.entries().hasNext()) {
        stack.pop();
        return null;
      }
      Entry e = frame.entries().next();
      Path p = frame.dir().resolve(e.name());
      String display = frame.display() + e.name();
      if (e.directory()) {
        if (!e.name().startsWith(".") && !e.name().equals("node_modules")) {
          enter(p, display + "/", display);
        }
        return null;
      }
      return e.name().startsWith(".") || !accept.test(e.name())
          ? null
          : once(new InputFile(p, display));
    }

    private InputFile once(InputFile f) {
      return seen == null || seen.add(f.path().toAbsolutePath().normalize()) ? f : null;
    }

    /** Lists a directory, unless it is one of its own ancestors (a link loop) or unreadable. */
    private void enter(Path dir, String display, String name) {
      Object key;
      try {
        key = Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
      } catch (IOException e) {
        skipped.add(new Skipped(name, why(e)));
        return;
      }
      for (Frame f : stack) {
        if (key != null && key.equals(f.key())) {
          skipped.add(new Skipped(name, why(new FileSystemLoopException(dir.toString()))));
          return;
        }
      }
      List<Entry> entries = new ArrayList<>();
      try (DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
        for (Path p : list) {
          String n = String.valueOf(p.getFileName());
          BasicFileAttributes a;
          try {
            a = Files.readAttributes(p, BasicFileAttributes.class);
          } catch (IOException e) {
            try {
              a =
                  Files.readAttributes(
                      p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS); // a broken link
            } catch (IOException gone) {
              skipped.add(new Skipped(display + n, why(gone)));
              continue;
            }
          }
          if (a.isDirectory() || a.isRegularFile()) {
            entries.add(new Entry(n, a.isDirectory()));
          }
        }
      } catch (IOException e) {
        skipped.add(new Skipped(name, why(e)));
        return;
      } catch (DirectoryIteratorException e) {
        skipped.add(new Skipped(name, why(e.getCause())));
        return;
      }
      Collections.sort(entries);
      stack.push(new Frame(dir, display, key, entries.iterator()));
    }
  }

  /**
   * For each directory among {@code args} that gave none of {@code found}: why, in words (it is
   * empty, or none of its files is of the kind asked for).
   */
  public static List<String> emptyDirectories(
      List<String> args, List<InputFile> found, String kind) {
    return emptyDirectories(
        args, prefix -> found.stream().anyMatch(f -> f.display().startsWith(prefix)), kind);
  }

  /**
   * As above, with {@code gave} telling whether any file under a directory prefix ("dir/") was
   * taken: a streaming run keeps one flag per argument, not the files.
   */
  public static List<String> emptyDirectories(
      List<String> args, Predicate<String> gave, String kind) {
    List<String> out = new ArrayList<>();
    for (String arg : args) {
      Path dir = Path.of(arg);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      String prefix = arg.endsWith("/") ? arg : arg + "/";
      if (gave.test(prefix)) {
        continue;
      }
      boolean empty;
      try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
        empty = entries.findAny().isEmpty();
      } catch (IOException e) {
        empty = false;
      }
      out.add(arg + ": " + (empty ? "an empty directory" : "no " + kind + " in this directory"));
    }
    return out;
  }

  private static String why(IOException e) {
    return e instanceof FileSystemLoopException
        ? "a symbolic link loop; not followed"
        : e instanceof AccessDeniedException
            ? "permission denied"
            : "cannot read (" + dev.flowlint.io.AtomicFiles.describe(e) + ")";
  }
}
