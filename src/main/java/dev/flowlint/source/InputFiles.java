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
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
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
   * The names {@link #isDefinitionName} takes, any case, as a regex for pre-commit's {@code files}:
   * a change to any of them may change the schemas (Terraform's {@code .tf} is only warned about).
   */
  public static final String DEFINITION_NAME_ERE =
      "(\\.[yY][aA]?[mM][lL]|\\.[tT][fF][tT][pP][lL]|\\.[jJ][sS][oO][nN]|\\.[iI]3[^/]*)$";

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
   * One directory being walked. Its names are sorted as listed; each entry's attributes are read
   * only when the walk reaches it, so the first files go out to be checked while the rest of a
   * large directory is still being looked at. A subdirectory sorts as its name with a slash (the
   * order of whole paths): one found waits in {@code subdirectories} until the names before that
   * key are done.
   */
  private static final class Frame {
    final Path dir;
    final String display;
    final Object key;
    final String[] names;
    int next;
    final PriorityQueue<String> subdirectories = new PriorityQueue<>(); // as "name/"

    Frame(Path dir, String display, Object key, String[] names) {
      this.dir = dir;
      this.display = display;
      this.key = key;
      this.names = names;
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
      String name = frame.next < frame.names.length ? frame.names[frame.next] : null;
      String sub = frame.subdirectories.peek();
      if (sub != null && (name == null || sub.compareTo(name) < 0)) {
        frame.subdirectories.poll();
        String bare = sub.substring(0, sub.length() - 1);
        enter(frame.dir.resolve(bare), frame.display + sub, frame.display + bare);
        return null;
      }
      if (name == null) {
        stack.pop();
        return null;
      }
      frame.next++;
      if (name.startsWith(".")) {
        return null; // hidden, file or directory
      }
      Path p = frame.dir.resolve(name);
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(p, BasicFileAttributes.class);
      } catch (IOException e) {
        try {
          Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          return null; // a broken link: nothing to check
        } catch (IOException gone) {
          skipped.add(new Skipped(frame.display + name, why(gone)));
          return null;
        }
      }
      if (a.isDirectory()) {
        if (!name.equals("node_modules")) {
          frame.subdirectories.add(name + "/");
        }
        return null;
      }
      return a.isRegularFile() && accept.test(name)
          ? once(new InputFile(p, frame.display + name))
          : null;
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
        if (key != null && key.equals(f.key)) {
          skipped.add(new Skipped(name, why(new FileSystemLoopException(dir.toString()))));
          return;
        }
      }
      // File.list gives the names alone, with no Path made per entry; it says nothing of why it
      // failed, so a failure is asked again of the NIO listing, which does.
      String[] sorted = dir.toFile().list();
      if (sorted == null) {
        try (DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
          List<String> names = new ArrayList<>();
          list.forEach(p -> names.add(String.valueOf(p.getFileName())));
          sorted = names.toArray(new String[0]);
        } catch (IOException e) {
          skipped.add(new Skipped(name, why(e)));
          return;
        } catch (DirectoryIteratorException e) {
          skipped.add(new Skipped(name, why(e.getCause())));
          return;
        }
      }
      Arrays.sort(sorted);
      stack.push(new Frame(dir, display, key, sorted));
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
