package dev.flowlint.model;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a data action export and a stand-alone input contract look like. One definition serves both
 * the reader (Jackson's tree) and the checker (the template-aware payload tree), so import and
 * check can never disagree about what a file is.
 */
public final class DataActionShape {
  private DataActionShape() {}

  /** The three questions asked of a JSON object, answered by either tree. */
  public interface JsonObject {
    boolean has(String key);

    Optional<JsonObject> object(String key);

    Optional<String> string(String key);
  }

  /**
   * An export: {@code contract.input} is an object, beside {@code config}, {@code integrationType}
   * or {@code category}.
   */
  public static boolean isExport(JsonObject root) {
    return root.object("contract").flatMap(c -> c.object("input")).isPresent()
        && (root.has("config") || root.has("integrationType") || root.has("category"));
  }

  /**
   * A contract on its own: an object schema with properties, and nothing of a payload or a listing
   * about it.
   */
  public static boolean isContract(JsonObject root) {
    return root.string("type").filter("object"::equals).isPresent()
        && root.object("properties").isPresent()
        && Stream.of("flowId", "inputData", "inputs", "entities", "x-flowlint")
            .noneMatch(root::has);
  }
}
