package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.config.Config;
import java.io.File;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On Linux and macOS a backslash is part of a file's name: {@code x\y.json} is a file in the top
 * folder, not y.json in folder x, so globs and payload mappings must not read it as a separator.
 */
class BackslashNamesTest {
  @BeforeEach
  void onlyWhereSlashIsTheSeparator() {
    org.junit.jupiter.api.Assumptions.assumeTrue(File.separatorChar == '/');
  }

  @Test
  void anIncludeGlobDoesNotSeeAFolderInABackslash() {
    assertFalse(PayloadFiles.matches("x/*.json", "x\\y.json"));
    assertTrue(PayloadFiles.matches("x/*.json", "x/y.json"));
    assertTrue(PayloadFiles.matches("*.json", "x\\y.json"));
  }

  @Test
  void aPayloadMappingDoesNotSeeAFolderInABackslash() {
    Config.PayloadMapping orders =
        new Config.PayloadMapping("orders/*.json", Optional.of("Order Lookup"), Optional.empty());
    assertFalse(orders.matches("orders\\a.json"));
    assertTrue(orders.matches("orders/a.json"));
    assertTrue(orders.matches("./orders/a.json"));
  }
}
