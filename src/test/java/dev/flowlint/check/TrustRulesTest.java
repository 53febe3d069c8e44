package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.flowlint.cli.CliRunner;
import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.Rule;
import dev.flowlint.model.Severity;
import dev.flowlint.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Boundaries of the issue 10 rules, so each limit is where the README says. */
class TrustRulesTest {
  private static final String ORDER = "6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11";

  private static List<Diagnostic> findings(Rule rule, int n) {
    List<Diagnostic> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          new Diagnostic(
              rule,
              Severity.ERROR,
              "m" + i,
              "/" + i,
              new Span(i, i + 1, 1, i + 1, 1, i + 2),
              Optional.empty(),
              List.of()));
    }
    return out;
  }

  @Test
  void capKeepsExactlyOneHundredPerRule() {
    List<Diagnostic> hundred = findings(Rule.UNKNOWN_INPUT, 100);
    assertSame(hundred, FindingsCap.apply(hundred));
    List<Diagnostic> more = new ArrayList<>(findings(Rule.UNKNOWN_INPUT, 101));
    more.addAll(findings(Rule.INPUT_TYPE, 3));
    List<Diagnostic> capped = FindingsCap.apply(more);
    assertEquals(104, capped.size());
    Diagnostic last = capped.get(100);
    assertEquals(
        "and 1 more unknown-input finding in this file, not shown (the first 100 are)",
        last.message());
    assertEquals(100, last.span().start());
    assertEquals(Rule.INPUT_TYPE, capped.get(101).rule());
    assertEquals(
        1,
        FindingsCap.apply(findings(Rule.UNKNOWN_INPUT, 250)).stream()
            .filter(d -> d.message().startsWith("and 150 more"))
            .count());
  }

  private static String check(String inputs, String version) {
    String text =
        "{\"flowId\": \""
            + ORDER
            + "\""
            + (version == null ? "" : ", \"flowVersion\": " + version)
            + ", \"inputData\": {"
            + inputs
            + "}}";
    return CliRunner.withStdin(text, "check", "-", "--schemas", "schemas", "--format", "json")
        .out();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"Flow.priority\": 999999999999999 | false",
        "\"Flow.priority\": -999999999999999 | false",
        "\"Flow.priority\": 1000000000000000 | true",
        "\"Flow.priority\": -1000000000000000 | true",
        "\"Flow.priority\": [1] | false",
        "\"Flow.amount\": 1.7976931348623157e308 | false",
        "\"Flow.amount\": 1.8e308 | true",
        "\"Flow.amount\": -1.8e308 | true",
        "\"Flow.amount\": 1e99999999999 | true",
        "\"Flow.customer_id\": \"1e999999999\" | false"
      })
  void numberRanges(String input, boolean flagged) {
    String out =
        check(
            "\"Flow.customer_id\": \"c\", "
                + input.replace(
                    "\"Flow.customer_id\": \"c\", \"Flow.customer_id\"", "\"Flow.customer_id\""),
            null);
    // One finding per value: an Integer's range is in its imported schema (input-constraint), a
    // Decimal's finiteness is ValueLimits' (input-type, "beyond").
    assertEquals(
        flagged, out.contains("beyond") || out.contains("\"rule\": \"input-constraint\""), out);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"2\" | false",
        "\"1.0\" | false",
        "\"10.20.3\" | false",
        "\"abc\" | true",
        "\"1.\" | true",
        "\"\" | true",
        "\".1\" | true",
        "\"1..0\" | true",
        "\"v2\" | true",
        "\"{{ version }}\" | false",
        "\"${input.v}\" | false"
      })
  void flowVersionIsDigitsAndDots(String version, boolean flagged) {
    String out = check("\"Flow.customer_id\": \"c\"", version);
    assertEquals(flagged, out.contains("digits and dots"), out);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"{{ user.id\" | true",
        "\"{{ user.id }}\" | false",
        "\"a }} b {{ c\" | true",
        "\"{{ a }} {{ b\" | true",
        "\"no braces\" | false",
        "\"{ single\" | false"
      })
  void unterminatedHandlebars(String value, boolean flagged) {
    String out = check("\"Flow.customer_id\": " + value, null);
    assertEquals(flagged, out.contains("unterminated placeholder"), out);
  }
}
