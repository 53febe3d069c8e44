package dev.flowlint.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body, refusing it once it passes the cap, whether or not it declared its length.
 */
final class RequestBody {
  private RequestBody() {}

  static byte[] read(InputStream in, String contentLength, long max)
      throws IOException, HttpProblem {
    if (contentLength != null) {
      long declared;
      try {
        declared = Long.parseLong(contentLength.trim());
      } catch (NumberFormatException e) {
        throw new HttpProblem(400, "Content-Length is not a number");
      }
      if (declared > max) {
        throw tooLarge(max);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    long total = 0;
    for (int n; (n = in.read(buf)) > 0; ) {
      total += n;
      if (total > max) {
        throw tooLarge(max); // chunked bodies have no length up front: stop reading at the cap
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static HttpProblem tooLarge(long max) {
    return new HttpProblem(
        413,
        "the request body is larger than "
            + max
            + " bytes (flowlint serve --max-body BYTES raises the limit)");
  }
}
