package dev.flowlint.check;

import dev.flowlint.config.Config;
import dev.flowlint.payload.Quoting;
import dev.flowlint.schema.SchemaIndex;
import dev.flowlint.schema.SchemaStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * flowlint.yaml's {@code flows} entries are matched to flows by exact name or id. An entry that
 * matches none but is close to one (a typo) would make its required/optional overrides silently
 * apply to nothing, so a check refuses to run with it; one that is close to none (a flow deleted in
 * the org, or not pulled into this schemas directory) is only worth a warning.
 */
public final class ConfigFlows {
  private ConfigFlows() {}

  /**
   * What is wrong with the config's flows entries for these schemas.
   *
   * @param typo an entry that names no flow but is close to one: the run must stop
   * @param warnings entries that name no flow here and resemble none
   */
  public record Problems(Optional<String> typo, List<String> warnings) {}

  public static Problems check(Config config, SchemaStore store, String schemasDisplay) {
    List<String> names = new ArrayList<>();
    for (SchemaIndex.Entry e : store.entries()) {
      names.add(e.flowName());
    }
    List<String> warnings = new ArrayList<>();
    for (String key : config.flows().keySet()) {
      if (known(key, store)) {
        continue;
      }
      List<String> close = Suggester.suggest(key, names);
      String what =
          "flows: " + Quoting.quote(key) + " is no flow's name or id in " + schemasDisplay;
      if (!close.isEmpty()) {
        return new Problems(
            Optional.of(
                what
                    + InputsChecker.didYouMean(close)
                    + " (names are matched exactly; its settings would apply to no flow)"),
            warnings);
      }
      warnings.add(what + "; its settings apply to no flow until that flow is imported or pulled");
    }
    return new Problems(Optional.empty(), warnings);
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
