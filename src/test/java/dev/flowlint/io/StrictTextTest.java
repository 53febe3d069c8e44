package dev.flowlint.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictTextTest {

  @Test
  void keepsTheTextExactlyBomIncluded() throws StrictText.Unreadable {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}', '\r', '\n'};
    assertEquals("\uFEFF{}\r\n", StrictText.decode(bom));
  }

  @Test
  void aBadByteIsLocatedByLineAndColumnNotCountingTheBom() {
    byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', '\n', 'b', 'c', (byte) 0xFF};
    StrictText.Unreadable e =
        assertThrows(StrictText.Unreadable.class, () -> StrictText.decode(bytes));
    assertEquals("not UTF-8 text (bad byte at offset 7)", e.getMessage());
    assertEquals(2, e.line());
    assertEquals(3, e.column());
  }

  @Test
  void nulMeansBinary() {
    StrictText.Unreadable e =
        assertThrows(StrictText.Unreadable.class, () -> StrictText.decode(new byte[] {'{', 0}));
    assertEquals("binary file (NUL byte at offset 1)", e.getMessage());
  }

  @Test
  void standardInputOverTheCapIsRefused() {
    byte[] big = new byte[(int) StrictText.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    StrictText.Unreadable e =
        assertThrows(
            StrictText.Unreadable.class, () -> StrictText.read(new ByteArrayInputStream(big)));
    assertTrue(e.getMessage().contains("16 MiB"), e.getMessage());
    assertEquals("é", assertDoesNotThrowRead("é"));
  }

  private static String assertDoesNotThrowRead(String s) {
    try {
      return StrictText.read(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    } catch (StrictText.Unreadable e) {
      throw new AssertionError(e);
    }
  }
}
