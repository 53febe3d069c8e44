package dev.flowlint.check;

import dev.flowlint.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks a data action export as written to a file, and lists the rules of its findings. */
final class DataActionRuns {
  static final Path LAUNCH_FIXTURE =
      Path.of("fixtures/data-actions/launch-order-lookup.custom.json");
  private static final Pattern FINDING =
      Pattern.compile("(?m)^\\S+:\\d+:\\d+: \\w+\\[([a-z-]+)\\]");

  private DataActionRuns() {}

  /** The rules of the findings of {@code export}, in report order. */
  static List<String> rules(Path dir, String export, String schemas) throws Exception {
    Path file = Files.createTempFile(dir, "action", ".custom.json");
    Files.writeString(file, export);
    Matcher m =
        FINDING.matcher(CliRunner.run("check", file.toString(), "--schemas", schemas).out());
    List<String> rules = new ArrayList<>();
    while (m.find()) {
      rules.add(m.group(1));
    }
    return rules;
  }
}
