package dev.flowlint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flowlint.Properties;
import dev.flowlint.model.FlowDefinition;
import dev.flowlint.model.InitialValue;
import dev.flowlint.model.Variable;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An Archy YAML flow keeps the text of every name, description and literal as written: a plain
 * scalar that YAML could read as a number, a boolean or a null ({@code 1.10}, {@code 1e3}, {@code
 * true}) is still the text it is written with.
 */
class YamlScalarTextTest {

  /** Plain scalars a YAML reader may turn into something else than their text. */
  private static final List<String> LOOKALIKES =
      List.of(
          "1.10",
          "007",
          "1e3",
          "0x1F",
          ".5",
          "true",
          "false",
          "yes",
          "no",
          "on",
          "off",
          "null",
          "~",
          "-0",
          "1.0e+3",
          ".inf",
          "-.Inf",
          ".NaN",
          "0o17",
          "1_000",
          "+12",
          "10.00",
          "123456789012345678901234567890",
          "2024-01-01",
          "12:30");

  private static FlowDefinition read(String yaml) throws SourceException {
    List<FlowDefinition> flows = new ArchyYamlReader().read(new SourceText("flow.yaml", yaml));
    assertEquals(1, flows.size());
    return flows.get(0);
  }

  private static String flow(String name, String description, String literal) {
    return "workflow:\n"
        + "  name: "
        + name
        + "\n"
        + "  variables:\n"
        + "    - stringVariable:\n"
        + "        name: Flow.text\n"
        + "        description: "
        + description
        + "\n"
        + "        initialValue:\n"
        + "          lit: "
        + literal
        + "\n"
        + "        isInput: true\n"
        + "    - decimalVariable:\n"
        + "        name: Flow.amount\n"
        + "        initialValue:\n"
        + "          exp: "
        + literal
        + "\n"
        + "        isInput: true\n";
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.10", "007", "1e3", "0x1F", ".5", "true", "yes", "on", "null", "~", "-0", "1.0e+3",
        ".inf", "10.00"
      })
  void flowNameDescriptionAndLiteralsKeepTheirText(String scalar) throws SourceException {
    FlowDefinition flow = read(flow(scalar, scalar, scalar));
    assertEquals(scalar, flow.name(), "flow name");
    Variable text = flow.variables().get(0);
    assertEquals(Optional.of(scalar), text.description(), "description");
    InitialValue.Literal lit = (InitialValue.Literal) text.initialValue();
    assertEquals(scalar, lit.text(), "literal text");
    assertEquals(scalar, lit.value().orElseThrow().asString(), "a String literal's JSON value");
    assertEquals(
        new InitialValue.Expression(scalar), flow.variables().get(1).initialValue(), "expression");
  }

  @Test
  void aDecimalLiteralKeepsItsScale() throws SourceException {
    String yaml =
        "workflow:\n  name: Prices\n  variables:\n    - decimalVariable:\n"
            + "        name: Flow.price\n        initialValue:\n          lit: 1.10\n";
    InitialValue.Literal lit = (InitialValue.Literal) read(yaml).variables().get(0).initialValue();
    assertEquals("1.10", lit.text());
    assertEquals(new java.math.BigDecimal("1.10"), lit.value().orElseThrow().decimalValue());
  }

  @Test
  void aVariableNamedLikeABooleanIsRead() throws SourceException {
    // "a stringVariable has no name" before: the name was the boolean true, not a string.
    String yaml =
        "commonModule:\n  name: 1.10\n  variables:\n    - stringVariable:\n"
            + "        name: true\n        isInput: true\n";
    FlowDefinition flow = read(yaml);
    assertEquals("1.10", flow.name());
    assertEquals("true", flow.variables().get(0).name());
  }

  @Test
  void aJsonLiteralWrittenAsAMappingKeepsItsMembersTypes() throws SourceException {
    String yaml =
        "workflow:\n  name: J\n  variables:\n    - jsonVariable:\n"
            + "        name: Flow.j\n        initialValue:\n          lit: {a: 1.5, b: true, c: x}\n";
    InitialValue.Literal lit = (InitialValue.Literal) read(yaml).variables().get(0).initialValue();
    assertEquals("{\"a\":1.5,\"b\":true,\"c\":\"x\"}", lit.value().orElseThrow().toString());
  }

  @Test
  void anyNumberLikePlainScalarIsKeptAsAFlowName() {
    Properties.forAll(
        "a plain number-like flow name is read as written",
        300,
        YamlScalarTextTest::numberLike,
        name -> assertEquals(name, read(flow(name, name, name)).name()));
  }

  /** A plain scalar made of number characters: digits, dots, signs, exponents, radix prefixes. */
  static String numberLike(Random r) {
    if (r.nextInt(5) == 0) {
      return Properties.pick(r, LOOKALIKES);
    }
    String first = Properties.pick(r, List.of("0", "1", "9", ".", "+", "-1", "0x", "0o", "00"));
    StringBuilder b = new StringBuilder(first);
    int n = r.nextInt(8);
    String alphabet = "0123456789012345678901234567890.eE+-_xXabcdefABCDEF";
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
