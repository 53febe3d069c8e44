package dev.flowlint.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The flow types a common module may be called from, as its definition states them: Archy's {@code
 * settingsCommonModule.compatibleFlowTypes: [{flowType: inboundcall}]}, or an export's {@code
 * commonModuleFlowSettings.destinationFlowTypes: ["inboundcall"]}.
 */
final class CompatibleFlowTypes {
  private CompatibleFlowTypes() {}

  static List<String> fromYaml(JsonNode flow) {
    List<String> out = new ArrayList<>();
    for (JsonNode entry : flow.path("settingsCommonModule").path("compatibleFlowTypes")) {
      JsonNode type = entry.isObject() ? entry.path("flowType") : entry;
      add(out, type);
    }
    return out;
  }

  static List<String> fromExport(JsonNode root) {
    List<String> out = new ArrayList<>();
    for (JsonNode type : root.path("commonModuleFlowSettings").path("destinationFlowTypes")) {
      add(out, type);
    }
    return out;
  }

  private static void add(List<String> out, JsonNode type) {
    if (type.isString() && !type.asString().isBlank()) {
      String t = type.asString().strip().toLowerCase(Locale.ROOT);
      if (!out.contains(t)) {
        out.add(t);
      }
    }
  }
}
