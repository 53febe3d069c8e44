package dev.flowlint.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/** Why a path or its bytes cannot be read as text, in plain words (no Java class names). */
public final class FileProblems {
  private FileProblems() {}

  /**
   * What a path that is neither a regular file nor a directory is: a symbolic link loop, a link to
   * nothing, a named pipe or device, or missing.
   */
  public static String whatIsWrong(Path path) {
    if (Files.isSymbolicLink(path)) {
      try {
        path.toRealPath();
      } catch (FileSystemException e) {
        String reason =
            e.getReason() == null ? "" : e.getReason().toLowerCase(java.util.Locale.ROOT);
        if (reason.contains("levels of symbolic links")
            || e instanceof java.nio.file.FileSystemLoopException) {
          return "a symbolic link loop";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
          return "a symbolic link to a missing file";
        }
        return AtomicFiles.describe(e);
      } catch (IOException e) {
        return AtomicFiles.describe(e);
      }
    }
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      if (a.isOther()) {
        return "not a regular file (a named pipe, socket or device)";
      }
      return "not a regular file";
    } catch (java.nio.file.NoSuchFileException e) {
      return "no such file or directory";
    } catch (IOException e) {
      String d = AtomicFiles.describe(e);
      return d.contains("levels of symbolic links") ? "a symbolic link loop" : d;
    }
  }

  /** A regular file or a directory, following links. */
  public static boolean readable(Path path) {
    return Files.isRegularFile(path) || Files.isDirectory(path);
  }

  /**
   * "UTF-16 text" when the bytes look like UTF-16 (a byte-order mark, or ASCII with every other
   * byte 0).
   */
  public static Optional<String> utf16(byte[] bytes) {
    if (bytes.length >= 2) {
      int b0 = bytes[0] & 0xFF;
      int b1 = bytes[1] & 0xFF;
      if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
        return Optional.of(
            "UTF-16 text (byte-order mark "
                + (b0 == 0xFF ? "FF FE" : "FE FF")
                + "); save it as UTF-8");
      }
    }
    int pairs = Math.min(bytes.length / 2, 64);
    if (pairs < 2) {
      return Optional.empty();
    }
    int evenZero = 0;
    int oddZero = 0;
    for (int i = 0; i < pairs * 2; i += 2) {
      if (bytes[i] == 0 && bytes[i + 1] != 0) {
        evenZero++;
      } else if (bytes[i] != 0 && bytes[i + 1] == 0) {
        oddZero++;
      }
    }
    if (evenZero == pairs || oddZero == pairs) {
      return Optional.of("UTF-16 text without a byte-order mark; save it as UTF-8");
    }
    return Optional.empty();
  }
}
