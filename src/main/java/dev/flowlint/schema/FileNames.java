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

  /** Beside each workflow's or common module's inputs schema: the whole request body. */
  public static final String LAUNCH_SUFFIX = ".launch.schema.json";

  private FileNames() {}

  /** An inputs schema (a flow's or data action's), not a launch schema beside one. */
  public static boolean isInputsSchema(String fileName) {
    return fileName.endsWith(SUFFIX) && !fileName.endsWith(LAUNCH_SUFFIX);
  }

  /** {@code order-lookup.schema.json} → {@code order-lookup.launch.schema.json}. */
  public static String launchFileFor(String inputsFile) {
    return inputsFile.substring(0, inputsFile.length() - SUFFIX.length()) + LAUNCH_SUFFIX;
  }

  public static String slug(String flowName) {
    String ascii = Normalizer.normalize(flowName, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String slug =
        ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
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
    return disambiguated(flowName, "");
  }

  /**
   * As {@link #disambiguated(String)}, the hash taken with {@code salt} too (a flow id): a flow
   * whose name another flow's file already holds gets a file of its own.
   */
  public static String disambiguated(String flowName, String salt) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((flowName + salt).getBytes(StandardCharsets.UTF_8));
      return slug(flowName) + "-" + HexFormat.of().formatHex(hash, 0, 4) + SUFFIX;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
