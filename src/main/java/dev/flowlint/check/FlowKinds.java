package dev.flowlint.check;

import dev.flowlint.schema.FlowSchema;
import dev.flowlint.schema.LaunchSchemas;

/** What each flow type can be sent, in words for help lines. */
final class FlowKinds {
  private FlowKinds() {}

  /**
   * The flow types a body in {@code envelope} can be for: what picks one of several flows that
   * share a name (a common module and a workflow "Dup"). No envelope, or inputs: any.
   */
  static java.util.function.Predicate<String> reachedBy(
      java.util.Optional<dev.flowlint.model.Envelope> envelope) {
    if (envelope.isEmpty()) {
      return type -> true;
    }
    return switch (envelope.get()) {
      case SHARED_FLOW -> "commonmodule"::equals;
      case FLOW_EXECUTION ->
          type -> !knownNotLaunchable(type) && !DataActionLinter.TYPE.equals(type);
      case DATA_ACTION -> DataActionLinter.TYPE::equals;
      case INPUTS -> type -> true;
    };
  }

  /** "a workflow", "an inboundcall" (followed by " flow" where the caller says so). */
  static String article(String type) {
    String t = type.isEmpty() ? "unknown" : type;
    return ("aeiou".indexOf(t.charAt(0)) >= 0 ? "an " : "a ") + t;
  }

  /** Flow types known not to run from a launch body; the same list the launch schemas use. */
  static boolean knownNotLaunchable(String type) {
    return "commonmodule".equals(type) || LaunchSchemas.notLaunchable(type);
  }

  static String notLaunchable(FlowSchema f) {
    if ("commonmodule".equals(f.type())) {
      return "a common module is called from other flows (Call Common Module) or through a gateway's shared-flow request: "
          + "{\"flowType\": \"shared\", \"inputs\": {...}} with bare input names";
    }
    if (LaunchSchemas.notLaunchable(f.type())) {
      return article(f.type())
          + " flow is started by its interaction (a call, message, email ...), not by the launch API";
    }
    return "only workflows are documented as launchable by POST /api/v2/flows/executions";
  }
}
