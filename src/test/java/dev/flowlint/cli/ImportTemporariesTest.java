package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary files a killed import left in the schemas directory. */
class ImportTemporariesTest {
  @TempDir Path tmp;

  @Test
  void theNextImportRemovesThoseOfDeadRunsAndKeepsALiveWritersOnes() throws Exception {
    Path defs = tmp.resolve("a.yaml");
    Files.writeString(defs, ImportCommandTest.flow("Alpha", "Flow.x", "stringVariable"));
    Path out = tmp.resolve("s");
    assertEquals(0, CliRunner.run("import", defs.toString(), "--out", out.toString()).code());

    long dead = deadPid();
    Path ofWritten = out.resolve(".alpha.schema.json.flowlint-" + dead + "-1.tmp");
    Path ofOther = out.resolve(".gone.schema.json.flowlint-" + dead + "-2.tmp");
    long live = ProcessHandle.current().pid();
    Path ofLive = out.resolve(".index.json.flowlint-" + live + "-3.tmp");
    for (Path p : new Path[] {ofWritten, ofOther, ofLive}) {
      Files.writeString(p, "{");
    }
    Process parent = null;
    Path ofZombie = out.resolve(".zombie.schema.json.flowlint-0-4.tmp");
    if (Files.isDirectory(Path.of("/proc/self"))) {
      // A killed writer its parent has not reaped yet: a zombie, "alive" to ProcessHandle.
      parent = new ProcessBuilder("sh", "-c", "sleep 0 & echo $!; exec sleep 20").start();
      String pid =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(parent.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      ofZombie = out.resolve(".zombie.schema.json.flowlint-" + pid.strip() + "-4.tmp");
      Thread.sleep(300);
      Files.writeString(ofZombie, "{");
    }
    try {
      Result check = CliRunner.run("import", "--check", defs.toString(), "--out", out.toString());
      assertEquals(0, check.code(), check.out() + check.err());

      Result r = CliRunner.run("import", defs.toString(), "--out", out.toString());
      assertEquals(0, r.code(), r.err());
      assertFalse(Files.exists(ofWritten), "a dead run's temporary file of a file written");
      assertFalse(Files.exists(ofOther), "a dead run's temporary file of any other file");
      assertFalse(Files.exists(ofZombie), "a killed, unreaped run's temporary file");
      assertTrue(Files.exists(ofLive), "a running writer's temporary file is its own");
    } finally {
      if (parent != null) {
        parent.destroyForcibly().waitFor();
      }
    }
  }

  static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }
}
