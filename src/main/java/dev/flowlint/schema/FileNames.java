package dev.flowlint.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/** Stable, readable schema file names: a slug of the flow name. */
public final class FileNames {
  public static final String SUFFIX = ".schema.json";

  private FileNames() {}

  public static String slug(String flowName) {
    String ascii = Normalizer.normalize(flowName, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 80) {
      slug = slug.substring(0, 80).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "flow" : slug;
  }

  public static String fileFor(String flowName) {
    return slug(flowName) + SUFFIX;
  }

  /** For two names with one slug: the slug plus a short hash of the exact name. */
  public static String disambiguated(String flowName) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(flowName.getBytes(StandardCharsets.UTF_8));
      return slug(flowName) + "-" + HexFormat.of().formatHex(hash, 0, 4) + SUFFIX;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
