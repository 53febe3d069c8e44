package dev.flowlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowlint.check.FixtureSupport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * schemas/ in the repository is exactly what importing fixtures/flows writes: the README's first
 * command leaves no diff.
 */
class CommittedSchemasTest {
  @TempDir Path tmp;

  @Test
  void committedSchemasMatchAFreshImport() throws Exception {
    FixtureSupport.importFixtures(tmp);
    assertEquals(
        dev.flowlint.TestFiles.contents(tmp), dev.flowlint.TestFiles.contents(Path.of("schemas")));
  }
}
