package dev.flowlint.check;

import dev.flowlint.config.Config;
import dev.flowlint.schema.SchemaIndex;
import dev.flowlint.schema.SchemaStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * flowlint.yaml's {@code flows} entries are matched to flows by exact name or id; an entry that
 * matches none (a typo, a renamed flow) would make its required/optional overrides silently apply
 * to nothing, so a check refuses to run with it.
 */
public final class ConfigFlows {
  private ConfigFlows() {}

  /** Why the config's flows entries cannot be used with these schemas, if one names no flow. */
  public static Optional<String> unknown(Config config, SchemaStore store, String schemasDisplay) {
    List<String> names = new ArrayList<>();
    for (SchemaIndex.Entry e : store.entries()) {
      names.add(e.flowName());
    }
    for (String key : config.flows().keySet()) {
      if (!known(key, store)) {
        return Optional.of(
            "flows: "
                + dev.flowlint.payload.Quoting.quote(key)
                + " is no flow's name or id in "
                + schemasDisplay
                + InputsChecker.didYouMean(Suggester.suggest(key, names))
                + " (names are matched exactly; import or pull the flow if it is new)");
      }
    }
    return Optional.empty();
  }

  private static boolean known(String key, SchemaStore store) {
    for (SchemaIndex.Entry e : store.entries()) {
      if (e.flowName().equals(key) || e.flowId().filter(key::equals).isPresent()) {
        return true;
      }
    }
    return false;
  }
}
