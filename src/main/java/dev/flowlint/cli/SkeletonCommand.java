package dev.flowlint.cli;

import dev.flowlint.check.Skeleton;
import dev.flowlint.check.Suggester;
import dev.flowlint.model.Envelope;
import dev.flowlint.schema.FlowSchema;
import dev.flowlint.schema.SchemaIndex;
import dev.flowlint.schema.SchemaStore;
import dev.flowlint.schema.SchemaStore.StoreException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "skeleton",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a body that reaches a flow, with every required input set to a value of its type, for you to fill in.",
      "A workflow gets a launch body (POST /api/v2/flows/executions), a common module the shared-flow request, a data action its execute body. What is still to do goes to standard error."
    },
    footer = {"", "Example: flowlint skeleton --flow \"Order Lookup\" > body.json"})
final class SkeletonCommand implements Callable<Integer> {
  private final Cli.Io io;

  @Mixin ConfigOptions common;

  @Option(
      names = "--flow",
      required = true,
      paramLabel = "NAME|ID",
      description = "The flow or data action (its name or id in schemas/).")
  String flow;

  @Option(
      names = "--envelope",
      paramLabel = "NAME",
      description =
          "flow-execution, shared-flow, inputs or data-action (default: the one the flow's type is reached through).")
  String envelope;

  SkeletonCommand(Cli.Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Optional<Envelope> env = Optional.empty();
    if (envelope != null) {
      env = Envelope.byId(envelope);
      if (env.isEmpty()) {
        return usage(
            "--envelope must be flow-execution, shared-flow, inputs or data-action, not \""
                + envelope
                + "\"");
      }
    }
    Optional<ConfigOptions.Loaded> loaded = common.load(io.err());
    if (loaded.isEmpty()) {
      return Cli.USAGE;
    }
    Optional<FlowSchema> schema;
    List<String> names;
    try {
      SchemaStore store = SchemaStore.open(loaded.get().schemas(), loaded.get().schemasDisplay());
      schema = store.byNameOrId(flow, dev.flowlint.check.Skeleton.reachedBy(env));
      names = store.entries().stream().map(SchemaIndex.Entry::flowName).toList();
    } catch (StoreException e) {
      return usage(e.getMessage());
    }
    if (schema.isEmpty()) {
      List<String> close = Suggester.suggest(flow, names);
      return usage(
          "no schema for flow \""
              + flow
              + "\" in "
              + loaded.get().schemasDisplay()
              + (close.isEmpty()
                  ? "; known flows: " + String.join(", ", names)
                  : "; did you mean \"" + String.join("\" or \"", close) + "\"?"));
    }
    Skeleton.Body body = Skeleton.of(schema.get(), env, loaded.get().config());
    io.out().print(body.text());
    body.notes().forEach(n -> io.err().println("flowlint skeleton: " + n));
    return Cli.OK;
  }

  private int usage(String message) {
    io.err().println("flowlint skeleton: " + message);
    return Cli.USAGE;
  }
}
