package dev.flowlint.io;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The one way flowlint reads a text file (definitions, payloads, config): strict UTF-8, no NUL
 * bytes, at most {@link #MAX_BYTES}. The text is returned exactly, a BOM included (a payload's
 * --fix must write it back); readers that do not want it drop it.
 */
public final class StrictText {
  /**
   * Real definitions and payloads are small (the largest real export is 0.5 MB); anything bigger is
   * a mistake.
   */
  public static final long MAX_BYTES = 16L * 1024 * 1024;

  private static final long MIB = MAX_BYTES / (1024 * 1024);

  private StrictText() {}

  /**
   * A file that cannot be read as text; the message is plain words, with the line and column of a
   * bad byte.
   */
  public static final class Unreadable extends Exception {
    private final int line;
    private final int column;

    public Unreadable(String message) {
      this(message, 0, 0);
    }

    Unreadable(String message, int line, int column) {
      super(message, null, false, false);
      this.line = line;
      this.column = column;
    }

    /** 1-based, or 0 when the problem is not at a place in the text. */
    public int line() {
      return line;
    }

    public int column() {
      return column;
    }
  }

  public static String read(Path file) throws Unreadable {
    // A FIFO or device would block or never end; a link loop or dangling link deserves its own
    // words.
    if (!Files.isRegularFile(file)) {
      throw new Unreadable(FileProblems.whatIsWrong(file));
    }
    return readRegular(file);
  }

  /**
   * As {@link #read(Path)} for a file already known to be a regular file (the directory walk saw
   * its attributes): no second stat per file on a large run.
   */
  public static String readRegular(Path file) throws Unreadable {
    // A FileInputStream costs a third less per file than a NIO channel (fewer objects and checks
    // per open); a large run reads every file this way. Opening can fail for many reasons, which
    // the NIO read below names exactly, so a failed open is asked again there.
    FileInputStream in;
    try {
      in = new FileInputStream(file.toString());
    } catch (FileNotFoundException e) {
      return readChannel(file);
    }
    try (in) {
      // For a regular file: its size less the position, 0 here (one fstat and one lseek).
      int size = in.available();
      if (size > MAX_BYTES) {
        throw tooLarge(size);
      }
      byte[] bytes = in.readNBytes(size); // shorter if the file shrank while it was read
      if (bytes.length == size && in.read() >= 0) {
        throw grew();
      }
      return decode(bytes);
    } catch (IOException e) {
      throw cannotRead(e);
    }
  }

  private static String readChannel(Path file) throws Unreadable {
    // One open, one size query of the open file, the reads: no stat by path first.
    try (SeekableByteChannel ch = Files.newByteChannel(file)) {
      long size = ch.size();
      if (size > MAX_BYTES) {
        throw tooLarge(size);
      }
      byte[] bytes = new byte[(int) size];
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining() && ch.read(buf) >= 0) {
        // fill
      }
      if (buf.hasRemaining()) {
        bytes = Arrays.copyOf(bytes, buf.position()); // it shrank while read
      } else if (ch.read(ByteBuffer.allocate(1)) >= 0) {
        throw grew();
      }
      return decode(bytes);
    } catch (NoSuchFileException e) {
      throw new Unreadable(
          Files.isSymbolicLink(file) ? FileProblems.whatIsWrong(file) : "no such file");
    } catch (IOException e) {
      throw cannotRead(e);
    }
  }

  private static Unreadable tooLarge(long size) {
    return new Unreadable(
        "file is " + size + " bytes, more than the " + MIB + " MiB flowlint reads");
  }

  private static Unreadable grew() {
    return new Unreadable("the file grew while it was read; check it again");
  }

  private static Unreadable cannotRead(IOException e) {
    return new Unreadable("cannot read the file (" + AtomicFiles.describe(e) + ")");
  }

  public static String read(InputStream in) throws Unreadable {
    try {
      byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new Unreadable("standard input is larger than " + MIB + " MiB");
      }
      return decode(bytes);
    } catch (IOException e) {
      throw new Unreadable("cannot read standard input (" + AtomicFiles.describe(e) + ")");
    }
  }

  /** Decodes bytes read elsewhere (git's index) exactly as a file's are. */
  public static String decode(byte[] bytes) throws Unreadable {
    Optional<String> utf16 = FileProblems.utf16(bytes);
    if (utf16.isPresent()) {
      throw new Unreadable(utf16.get());
    }
    boolean ascii = true;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new Unreadable("binary file (NUL byte at offset " + i + ")");
      }
      ascii &= bytes[i] > 0;
    }
    if (ascii) {
      return new String(bytes, StandardCharsets.US_ASCII); // valid UTF-8, without a decoder
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(buf)
          .toString();
    } catch (CharacterCodingException e) {
      int offset = buf.position();
      int[] lc = lineAndColumn(bytes, offset);
      throw new Unreadable("not UTF-8 text (bad byte at offset " + offset + ")", lc[0], lc[1]);
    }
  }

  /** Where a byte offset falls, counting characters (a leading BOM takes no column). */
  private static int[] lineAndColumn(byte[] bytes, int offset) {
    int from =
        bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF
            ? 3
            : 0;
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
}
