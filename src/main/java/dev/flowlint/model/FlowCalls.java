package dev.flowlint.model;

import java.util.List;
import java.util.Objects;

/**
 * The call sites of one flow file.
 *
 * @param flowName the calling flow's name (may be a placeholder in a Terraform template)
 * @param flowType the calling flow's type in lower-case API form: {@code inboundcall}, {@code
 *     workflow} ...
 */
public record FlowCalls(String flowName, String flowType, List<CallSite> calls) {
  public FlowCalls {
    Objects.requireNonNull(flowName, "flowName");
    Objects.requireNonNull(flowType, "flowType");
    calls = List.copyOf(calls);
  }
}
