package dev.flowlint.model;

/** Where a call site or one of its bindings is written. */
public sealed interface CallLocation {

  /** JSON Pointer into the YAML document or the decoded export. */
  String pointer();

  /** A key in an Archy YAML file: its token's span (quotes included). */
  record YamlKey(Span span, String pointer) implements CallLocation {}

  /**
   * A place inside an Architect export, which has no readable lines: the action that holds it.
   *
   * @param action the action's name as the flow author gave it ("Call Common Module")
   * @param container the state, task or reusable task it is in ("state \"Initial State\"")
   * @param trackingId Architect's tracking id of the action, -1 when absent
   */
  record ExportAction(String action, String container, int trackingId, String pointer)
      implements CallLocation {
    /** "action \"Find contact\" in state \"Initial State\", tracking id 13". */
    public String describe() {
      return "action \""
          + action
          + "\""
          + (container.isEmpty() ? "" : " in " + container)
          + (trackingId >= 0 ? ", tracking id " + trackingId : "");
    }
  }
}
