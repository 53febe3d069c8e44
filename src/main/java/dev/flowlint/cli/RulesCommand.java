package dev.flowlint.cli;

import dev.flowlint.model.Rule;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Lists every rule: id, default severity, and what it catches.")
final class RulesCommand implements Callable<Integer> {
  private final Cli.Io io;

  RulesCommand(Cli.Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    int width = 0;
    for (Rule r : Rule.values()) {
      width = Math.max(width, r.id().length());
    }
    for (Rule r : Rule.values()) {
      io.out()
          .printf("%-" + width + "s  %-7s  %s%n", r.id(), r.defaultSeverity().word(), r.summary());
    }
    return Cli.OK;
  }
}
