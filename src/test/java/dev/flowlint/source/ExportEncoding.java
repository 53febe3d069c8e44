package dev.flowlint.source;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The Architect export encoding, for building export fixtures: base64 of encodeURIComponent(json).
 */
public final class ExportEncoding {
  private static final String UNRESERVED = "-_.!~*'()";
  private static final String HEX = "0123456789ABCDEF";

  private ExportEncoding() {}

  public static String encode(String json) {
    StringBuilder out = new StringBuilder();
    for (byte b : json.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || UNRESERVED.indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
      }
    }
    return Base64.getEncoder().encodeToString(out.toString().getBytes(StandardCharsets.US_ASCII));
  }
}
