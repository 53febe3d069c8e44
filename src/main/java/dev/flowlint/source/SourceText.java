package dev.flowlint.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The text of one input file, decoded strictly as UTF-8 (a leading BOM dropped), with the name to
 * show in messages.
 */
public record SourceText(String displayPath, String text) {

  /** Definitions are small (the largest real export is 0.5 MB); anything bigger is a mistake. */
  public static final long MAX_BYTES = 16L * 1024 * 1024;

  public static SourceText load(Path file, String displayPath) throws SourceException {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new SourceException(
            displayPath,
            "file is " + size / (1024 * 1024) + " MiB; flowlint reads files up to "
                + MAX_BYTES / (1024 * 1024) + " MiB");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new SourceException(displayPath, "no such file");
    } catch (IOException e) {
      throw new SourceException(displayPath, "cannot read: " + dev.flowlint.io.AtomicFiles.describe(e));
    }
    return decode(bytes, displayPath);
  }

  public static SourceText decode(byte[] bytes, String displayPath) throws SourceException {
    java.util.Optional<String> utf16 = dev.flowlint.io.FileProblems.utf16(bytes);
    if (utf16.isPresent()) {
      throw new SourceException(displayPath, utf16.get());
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new SourceException(displayPath, "binary file (NUL byte at offset " + i + ")");
      }
    }
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      return new SourceText(displayPath, decoder.decode(in).toString());
    } catch (CharacterCodingException e) {
      int offset = in.position();
      int[] lc = lineAndColumn(bytes, start, offset);
      throw new SourceException(displayPath, lc[0], lc[1], "not UTF-8 text (bad byte at offset " + offset + ")");
    }
  }

  private static int[] lineAndColumn(byte[] bytes, int from, int offset) {
    int line = 1;
    int col = 1;
    for (int i = from; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
        col = 1;
      } else if ((bytes[i] & 0xC0) != 0x80) {
        col++;
      }
    }
    return new int[] {line, col};
  }

  public boolean isBlank() {
    return text.isBlank();
  }
}
