package dev.flowlint.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a reader learned about one flow: enough to write its input schema.
 *
 * @param type lower-case API form: {@code workflow}, {@code commonmodule}, {@code bot} ...
 * @param scope the flow's own variable scope: {@code Flow} or {@code Common}
 * @param required the API's {@code required} list when the source had one; it beats the policy
 * @param source where the definition came from (a path, or {@code api})
 * @param compatibleFlowTypes for a common module, the flow types that may call it (empty: not
 *     stated)
 */
public record FlowDefinition(
    String name,
    Optional<String> id,
    String type,
    String scope,
    List<Variable> variables,
    Optional<List<String>> required,
    Optional<String> version,
    String source,
    List<String> compatibleFlowTypes)
    implements Definition {

  public FlowDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    variables = List.copyOf(variables);
    required = required.map(List::copyOf);
    compatibleFlowTypes = List.copyOf(compatibleFlowTypes);
  }

  /** A definition whose source states no compatible flow types. */
  public FlowDefinition(
      String name,
      Optional<String> id,
      String type,
      String scope,
      List<Variable> variables,
      Optional<List<String>> required,
      Optional<String> version,
      String source) {
    this(name, id, type, scope, variables, required, version, source, List.of());
  }

  public FlowDefinition withCompatibleFlowTypes(List<String> types) {
    return new FlowDefinition(name, id, type, scope, variables, required, version, source, types);
  }

  /** The same flow with the version a file name gives ({@code Name_v2-0.yaml} → {@code 2.0}). */
  public FlowDefinition withVersion(String v) {
    return new FlowDefinition(name, id, type, scope, variables, required, Optional.of(v), source);
  }

  public List<Variable> inputs() {
    return variables.stream().filter(Variable::input).toList();
  }

  public boolean hasInputs() {
    return variables.stream().anyMatch(Variable::input);
  }

  @Override
  public List<String> inputSummary() {
    return inputs().stream()
        .map(
            v ->
                v.name()
                    + " "
                    + v.genesysType()
                    + v.initialValue().literal().map(l -> " = " + l).orElse(""))
        .toList();
  }

  public static String scopeFor(String flowType) {
    return "commonmodule".equals(flowType) ? "Common" : "Flow";
  }
}
