package dev.flowlint.model;

import java.util.List;
import java.util.Objects;

/**
 * The call sites of one flow file.
 *
 * @param flowName the calling flow's name (may be a placeholder in a Terraform template)
 * @param flowType the calling flow's type in lower-case API form: {@code inboundcall}, {@code
 *     workflow} ...
 * @param repeatedKeys keys written twice in one mapping of the file (YAML only)
 */
public record FlowCalls(
    String flowName, String flowType, List<CallSite> calls, List<RepeatedKey> repeatedKeys) {
  public FlowCalls {
    Objects.requireNonNull(flowName, "flowName");
    Objects.requireNonNull(flowType, "flowType");
    calls = List.copyOf(calls);
    repeatedKeys = List.copyOf(repeatedKeys);
  }

  public FlowCalls(String flowName, String flowType, List<CallSite> calls) {
    this(flowName, flowType, calls, List.of());
  }

  /**
   * A key repeated in one mapping.
   *
   * @param at the repeat
   * @param first the key's first place in that mapping
   */
  public record RepeatedKey(String key, CallLocation at, CallLocation first) {}
}
