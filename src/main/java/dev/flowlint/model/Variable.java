package dev.flowlint.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One Architect variable of a flow's own scope.
 *
 * @param name full scoped name as Architect declares it, e.g. {@code Flow.customer_id}
 * @param type Architect base type without "Collection", e.g. {@code String}, {@code Queue}
 * @param platformSchema the property schema Genesys itself publishes for the input (API sources),
 *     local references resolved; when present it is the contract, kept as it is
 */
public record Variable(
    String name,
    String type,
    boolean collection,
    boolean input,
    boolean output,
    boolean secure,
    InitialValue initialValue,
    Optional<String> description,
    Optional<tools.jackson.databind.JsonNode> platformSchema) {

  public Variable(
      String name,
      String type,
      boolean collection,
      boolean input,
      boolean output,
      boolean secure,
      InitialValue initialValue,
      Optional<String> description) {
    this(
        name, type, collection, input, output, secure, initialValue, description, Optional.empty());
  }

  public Variable {
    Objects.requireNonNull(platformSchema, "platformSchema");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(initialValue, "initialValue");
    Objects.requireNonNull(description, "description");
  }

  /** The type as Architect spells a collection of it: {@code StringCollection}. */
  public String genesysType() {
    return collection ? type + "Collection" : type;
  }

  /** The scope prefix ({@code Flow}, {@code Common}, {@code Slot}), or empty for a bare name. */
  public String scope() {
    int dot = name.indexOf('.');
    return dot < 0 ? "" : name.substring(0, dot);
  }
}
