import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor under any JVM payload checker on this machine: start a JVM, list a directory, read
 * every file on two threads and look at each byte once. bench/floor.sh times it beside flowlint and
 * ajv-cli; whatever flowlint takes above it is parsing, checking and JIT warm-up.
 */
public final class ReadFloor {
  public static void main(String[] args) throws InterruptedException {
    File dir = new File(args[0]);
    String[] names = dir.list();
    Arrays.sort(names);
    AtomicInteger next = new AtomicInteger();
    AtomicLong quotes = new AtomicLong();
    Runnable reader =
        () -> {
          byte[] buf = new byte[1 << 16];
          for (int i; (i = next.getAndIncrement()) < names.length; ) {
            try (FileInputStream in = new FileInputStream(new File(dir, names[i]))) {
              long q = 0;
              for (int n; (n = in.read(buf)) > 0; ) {
                for (int k = 0; k < n; k++) {
                  q += buf[k] == '"' ? 1 : 0;
                }
              }
              quotes.addAndGet(q);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        };
    Thread second = new Thread(reader);
    second.start();
    reader.run();
    second.join();
    System.out.println(names.length + " files, " + quotes.get() + " quotes");
  }
}
