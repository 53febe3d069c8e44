package dev.flowlint.io;

import java.io.File;

/** Paths as typed, compared in one form. */
public final class PathText {
  private PathText() {}

  /**
   * {@code path} with '/' between its parts. A backslash becomes one only where it is the separator
   * (Windows); on Linux and macOS it is part of a file's name ({@code x\y.json} is a file in the
   * top folder, not y.json in folder x).
   */
  public static String slashed(String path) {
    return File.separatorChar == '\\' ? path.replace('\\', '/') : path;
  }
}
