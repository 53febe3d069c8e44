package dev.flowlint.model;

/** Something flowlint writes an input schema for: an Architect flow or a data action. */
public sealed interface Definition permits FlowDefinition, DataActionDefinition {
  String name();

  /** Lower-case kind: the flow type, or {@code data-action}. */
  String type();

  String source();

  boolean hasInputs();

  /** One line per input, for telling two definitions of one name apart. */
  java.util.List<String> inputSummary();
}
