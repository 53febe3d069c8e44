package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowlint.Properties;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The file-name checks asked of every file are plain string scans; they give what the regexes they
 * replaced gave, kept here as the reference, on generated names.
 */
class FileKindsNameTest {
  private static final Pattern EXPORT_NAME = Pattern.compile("(?i).*\\.i3[A-Za-z]+$");
  private static final Pattern YAML_NAME = Pattern.compile("(?i).*\\.(ya?ml|ya?ml\\.tftpl|tftpl)$");
  private static final List<String> PARTS =
      List.of(
          ".", "i", "I", "3", "i3", ".i3", ".I3", "Flow", "x", "-", "yaml", "YML", "yml", "tftpl",
          "TfTpl", "ml", "json", "\u0130", "\u212A", " ", "é");

  @Test
  void namesAsTheRegexesSaw() {
    Properties.forAll(
        "file-name checks == regexes",
        20_000,
        r -> {
          StringBuilder b = new StringBuilder();
          for (int i = 0; i < r.nextInt(6); i++) {
            b.append(Properties.pick(r, PARTS));
          }
          return b.toString();
        },
        name -> {
          assertEquals(EXPORT_NAME.matcher(name).matches(), FileKinds.isExportName(name), name);
          assertEquals(YAML_NAME.matcher(name).matches(), FileKinds.isYamlName(name), name);
        });
  }
}
