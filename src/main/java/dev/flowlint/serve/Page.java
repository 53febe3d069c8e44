package dev.flowlint.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paste page: one HTML file with its style and script inline, served from the jar. Its
 * Content-Security-Policy allows exactly that style and that script (by their SHA-256), nothing
 * from elsewhere, and no other inline code.
 */
final class Page {
  static final String RESOURCE = "/dev/flowlint/serve/page.html";
  private final byte[] html;
  private final String csp;

  private Page(String html) {
    this.html = html.getBytes(StandardCharsets.UTF_8);
    this.csp =
        "default-src 'self'; script-src 'self' "
            + hashOf(html, "script")
            + "; style-src 'self' "
            + hashOf(html, "style")
            + "; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  }

  static Page load() {
    try (InputStream in = Page.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      return new Page(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] html() {
    return html.clone();
  }

  /**
   * The policy for the page; JSON answers get the same one, which forbids everything they do not
   * need.
   */
  String csp() {
    return csp;
  }

  private static String hashOf(String html, String element) {
    Matcher m =
        Pattern.compile("<" + element + ">(.*?)</" + element + ">", Pattern.DOTALL).matcher(html);
    if (!m.find()) {
      throw new IllegalStateException(RESOURCE + " has no <" + element + ">");
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
