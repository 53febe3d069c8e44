package dev.flowlint.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Paths as CI tools want them: normalised and relative to the repository root, whatever the working
 * directory and however the path was typed ({@code ../payloads/x.json}, {@code
 * ./fixtures//payloads/../payloads/x.json}).
 */
public record RepoPaths(Path workDir, Path root) {
  public static final String STDIN = "<stdin>";

  /** The path relative to the root with forward slashes, or empty when it lies outside the root. */
  public Optional<String> relative(String displayed) {
    if (displayed.equals(STDIN)) {
      return Optional.empty();
    }
    Path p;
    try {
      p = workDir.resolve(displayed).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
    Path r = root.toAbsolutePath().normalize();
    if (!p.startsWith(r)) {
      return Optional.empty();
    }
    // Forward slashes in place of the platform's separator only: on Linux and macOS a backslash is
    // a character of a file name ("back\\slash.json" was reported as back/slash.json).
    return Optional.of(dev.flowlint.io.PathText.slashed(r.relativize(p).toString()));
  }

  /** The repository-relative path when there is one, else the path as displayed. */
  public String forCi(String displayed) {
    return relative(displayed).orElse(displayed);
  }

  /** An absolute {@code file:} URI for a path outside the root. */
  public String absoluteUri(String displayed) {
    return workDir.resolve(displayed).toAbsolutePath().normalize().toUri().toASCIIString();
  }

  /** The root as a {@code file:} URI ending in "/", for SARIF's originalUriBaseIds. */
  public String rootUri() {
    String u = root.toAbsolutePath().normalize().toUri().toASCIIString();
    return u.endsWith("/") ? u : u + "/";
  }

  /**
   * A relative path as a URI reference: special characters escaped, slashes kept, and a colon in
   * the first segment escaped too, or "order:2.json" would read as a URI of the scheme "order" (RFC
   * 3986, 4.2).
   */
  public static String uriReference(String relative) {
    String uri;
    try {
      uri = new URI(null, null, relative, null).toASCIIString();
    } catch (URISyntaxException e) {
      uri = relative;
    }
    int slash = uri.indexOf('/');
    int end = slash < 0 ? uri.length() : slash;
    return uri.substring(0, end).replace(":", "%3A") + uri.substring(end);
  }
}
