package dev.flowlint.payload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a payload's text exactly: strict UTF-8, a BOM kept (it takes no column, and --fix must
 * write it back), nothing else changed.
 */
public final class PayloadText {
  public static final long MAX_BYTES = 16L * 1024 * 1024;

  private PayloadText() {}

  /** A payload file that cannot be read; the message is plain words. */
  public static final class Unreadable extends Exception {
    public Unreadable(String message) {
      super(message, null, false, false);
    }
  }

  public static String read(Path file) throws Unreadable {
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new Unreadable("file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
      }
      return decode(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new Unreadable("no such file");
    } catch (IOException e) {
      throw new Unreadable("cannot read the file (" + e.getClass().getSimpleName() + ")");
    }
  }

  public static String read(InputStream in) throws Unreadable {
    try {
      byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new Unreadable("standard input is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
      }
      return decode(bytes);
    } catch (IOException e) {
      throw new Unreadable("cannot read standard input (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Decodes bytes read elsewhere (git's index) exactly as a file's are. */
  public static String decode(byte[] bytes) throws Unreadable {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new Unreadable("binary file (NUL byte at offset " + i + ")");
      }
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(buf).toString();
    } catch (CharacterCodingException e) {
      throw new Unreadable("not UTF-8 text (bad byte at offset " + buf.position() + ")");
    }
  }
}
