package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import org.junit.jupiter.api.Test;

/**
 * The top-level help reads as written: no example line is broken mid-word by the 80-column wrap.
 */
class HelpTest {
  @Test
  void examplesFitOnTheirLines() {
    Result r = CliRunner.run("--help");
    assertEquals(0, r.code(), r.err());
    for (String line : r.out().split("\n")) {
      assertTrue(line.length() <= 80, "wider than 80 columns: " + line);
    }
    assertTrue(
        r.out()
            .contains(
                "  flowlint import flows/ exports/         write schemas/ from flows and exports\n"),
        r.out());
    assertTrue(
        r.out().contains("  pbpaste | flowlint check - --flow NAME  diagnose a pasted payload\n"),
        r.out());
  }

  /**
   * A command missing is a usage error: the usage on standard error, exit 2; asking for help is 0.
   */
  @Test
  void noCommandOrSubcommandIsAUsageErrorAndHelpIsNot() {
    for (String[] args : new String[][] {{}, {"hook"}, {"editor"}}) {
      Result r = CliRunner.run(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
      assertEquals("", r.out(), String.join(" ", args));
      assertTrue(!r.err().isBlank(), String.join(" ", args));
    }
    for (String[] args : new String[][] {{"--help"}, {"hook", "--help"}, {"editor", "--help"}}) {
      assertEquals(0, CliRunner.run(args).code(), String.join(" ", args));
    }
  }
}
