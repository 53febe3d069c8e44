package dev.flowlint.model;

import java.util.Optional;

/** Where the inputs sit in a payload (DESIGN.md §2). */
public enum Envelope {
  FLOW_EXECUTION("flow-execution"),
  SHARED_FLOW("shared-flow"),
  INPUTS("inputs"),
  DATA_ACTION("data-action");

  private final String id;

  Envelope(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<Envelope> byId(String id) {
    for (Envelope e : values()) {
      if (e.id.equals(id)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
