package dev.flowlint.source;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads git blobs by object id through one {@code git cat-file --batch} process, started on the
 * first read: a process per staged file made a hook over hundreds of files spend most of its time
 * starting git. Reads are one at a time (the checker's threads take turns); any trouble stops the
 * process and says so with an empty result, and the caller reads that file on its own.
 */
final class BlobReader {
  private final Path dir;
  private final long maxBytes;
  private Process process;
  private OutputStream requests;
  private InputStream answers;

  BlobReader(Path dir, long maxBytes) {
    this.dir = dir;
    this.maxBytes = maxBytes;
  }

  /** The blob's bytes; empty when git could not give them here (or the blob is too large). */
  synchronized Optional<byte[]> read(String object) {
    if (!object.matches("[0-9a-f]{40,64}")) {
      return Optional.empty();
    }
    try {
      if (process == null) {
        start();
      }
      requests.write((object + "\n").getBytes(StandardCharsets.US_ASCII));
      requests.flush();
      // "<object> blob <size>\n<bytes>\n", or "<object> missing\n".
      String[] header = line().split(" ");
      if (header.length != 3) {
        return Optional.empty(); // missing: the caller's own read says why
      }
      long size = Long.parseLong(header[2]);
      if (size > maxBytes) {
        close(); // the caller's own read refuses it with the size in words
        return Optional.empty();
      }
      if (!header[1].equals("blob")) {
        answers.skipNBytes(size + 1); // a tree or commit: its body read past, to stay in step
        return Optional.empty();
      }
      byte[] bytes = answers.readNBytes((int) size);
      if (bytes.length != size || answers.read() != '\n') {
        close();
        return Optional.empty();
      }
      return Optional.of(bytes);
    } catch (IOException | RuntimeException e) {
      close();
      return Optional.empty();
    }
  }

  private void start() throws IOException {
    process =
        new ProcessBuilder("git", "cat-file", "--batch")
            .directory(dir.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    requests = process.getOutputStream();
    answers = new BufferedInputStream(process.getInputStream(), 1 << 16);
  }

  private String line() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(80);
    for (int c; (c = answers.read()) != '\n'; ) {
      if (c < 0 || out.size() > 200) {
        throw new IOException("no answer from git cat-file");
      }
      out.write(c);
    }
    return out.toString(StandardCharsets.US_ASCII);
  }

  /** Stops the process (closing its input ends it); a later read starts a new one. */
  synchronized void close() {
    if (process == null) {
      return;
    }
    try {
      requests.close();
    } catch (IOException e) {
      // it is being stopped anyway
    }
    process.destroy();
    process = null;
  }
}
