package dev.flowlint.schema;

import dev.flowlint.model.DataActionDefinition;
import dev.flowlint.model.Definition;
import dev.flowlint.model.FlowDefinition;
import dev.flowlint.model.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a call site needs of its callee beyond the inputs: the outputs it can bind, with their
 * Architect types, and (for a common module) the flow types that may call it. Written into {@code
 * x-flowlint} as {@code outputTypes} and {@code compatibleFlowTypes}.
 *
 * @param outputTypes output name → Architect type ({@code Common.success → Boolean}, {@code
 *     conversation.id → String}); empty when the schema does not say (an old import, a contract
 *     without a success schema)
 * @param compatibleFlowTypes lower-case flow types; empty when not stated
 */
public record CallContract(
    Optional<Map<String, String>> outputTypes, List<String> compatibleFlowTypes) {
  public static final CallContract NONE = new CallContract(Optional.empty(), List.of());

  static final String OUTPUT_TYPES = "outputTypes";
  static final String COMPATIBLE = "compatibleFlowTypes";

  public CallContract {
    outputTypes = outputTypes.map(m -> Collections.unmodifiableMap(new TreeMap<>(m)));
    compatibleFlowTypes = List.copyOf(compatibleFlowTypes);
  }

  /** Adds the contract of a definition to its schema's x-flowlint object. */
  static void write(Definition definition, ObjectNode meta) {
    if (definition instanceof FlowDefinition flow) {
      ObjectNode types = meta.putObject(OUTPUT_TYPES);
      for (Variable v : flow.variables()) {
        if (v.output()) {
          types.put(v.name(), v.genesysType());
        }
      }
      if (!flow.compatibleFlowTypes().isEmpty()) {
        var list = meta.putArray(COMPATIBLE);
        flow.compatibleFlowTypes().forEach(list::add);
      }
    } else if (definition instanceof DataActionDefinition action
        && action.successSchema().isPresent()) {
      ObjectNode types = meta.putObject(OUTPUT_TYPES);
      SuccessOutputs.flatten(action.successSchema().get()).forEach(types::put);
    }
  }

  static CallContract read(JsonNode meta) {
    Optional<Map<String, String>> outputs = Optional.empty();
    if (meta.path(OUTPUT_TYPES).isObject()) {
      Map<String, String> m = new TreeMap<>();
      JsonNode o = meta.get(OUTPUT_TYPES);
      for (String name : o.propertyNames()) {
        m.put(name, o.get(name).asString(""));
      }
      outputs = Optional.of(m);
    }
    List<String> compatible = new ArrayList<>();
    for (JsonNode t : meta.path(COMPATIBLE)) {
      compatible.add(t.asString(""));
    }
    return new CallContract(outputs, compatible);
  }
}
