package dev.flowlint.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every syntax error the payload parser reports, with its exact span (offsets and line:column) and
 * words: a person is sent to the place, so the place is part of the contract.
 */
class ParserErrorsTest {

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("", "0:0 1:1-1:1 | empty input: expected a JSON value"),
        Arguments.of("   ", "3:3 1:4-1:4 | empty input: expected a JSON value"),
        Arguments.of("{\"a\": 1} x", "9:10 1:10-1:11 | unexpected text after the JSON value"),
        Arguments.of(
            "{\"a\": tru}",
            "6:9 1:7-1:10 | unknown word \"tru\": JSON values are strings in double quotes, numbers, true, false, null, objects and arrays"),
        Arguments.of("{\"a\": -}", "6:8 1:7-1:9 | invalid number: '-' must be followed by digits"),
        Arguments.of("{\"a\": 01}", "6:8 1:7-1:9 | invalid number \"01\": no leading zeros"),
        Arguments.of("{\"a\": 1.}", "6:8 1:7-1:9 | invalid number \"1.\": digits must follow '.'"),
        Arguments.of(
            "{\"a\": 1e}", "6:8 1:7-1:9 | invalid number \"1e\": digits must follow the exponent"),
        Arguments.of(
            "{\"a\": 1e+}",
            "6:9 1:7-1:10 | invalid number \"1e+\": digits must follow the exponent"),
        Arguments.of("{\"a\": \"x", "6:7 1:7-1:8 | unterminated string: the closing \" is missing"),
        Arguments.of(
            "{\"a\": \"x\\", "6:7 1:7-1:8 | unterminated string: the closing \" is missing"),
        Arguments.of(
            "{\"a\": \"\\u12\"}",
            "7:13 1:8-1:14 | invalid \\u escape: four hex digits must follow \\u"),
        Arguments.of("{\"a\": \"\\q\"}", "7:9 1:8-1:10 | invalid escape \\q in a string"),
        Arguments.of(
            "{\"a\": \"tab\there\"}",
            "10:11 1:11-1:12 | control character in a string: write it as an escape such as \\t"),
        Arguments.of(
            "{\"a\": 'x'}", "6:7 1:7-1:8 | strings must use double quotes, not single quotes"),
        Arguments.of("{\"a\": /*c*/ 1}", "6:7 1:7-1:8 | comments are not allowed in JSON"),
        Arguments.of("{\"a\": ,}", "6:7 1:7-1:8 | expected a value before ','"),
        Arguments.of("{\"a\": }", "6:7 1:7-1:8 | expected a value before '}'"),
        Arguments.of("{\"a\": ]}", "6:7 1:7-1:8 | expected a value before ']'"),
        Arguments.of("{\"a\" 1}", "1:4 1:2-1:5 | missing ':' after the key \"a\""),
        Arguments.of("{\"a\": 1,}", "7:8 1:8-1:9 | trailing comma before }"),
        Arguments.of("{\"a\": 1 \"b\": 2}", "8:9 1:9-1:10 | missing comma between members"),
        Arguments.of(
            "{\"a\": 1 x}",
            "8:9 1:9-1:10 | unexpected character 'x' after a member: expected ',' or '}'"),
        Arguments.of("{'a': 1}", "1:2 1:2-1:3 | keys must be in double quotes, not single quotes"),
        Arguments.of("{/ 1}", "1:2 1:2-1:3 | comments are not allowed in JSON"),
        Arguments.of(
            "{abc: 1}", "1:4 1:2-1:5 | object keys must be strings in double quotes: \"abc\""),
        Arguments.of(
            "{1: 2}", "1:2 1:2-1:3 | unexpected character '1': expected a key in double quotes"),
        Arguments.of(
            "{\"a\": 1",
            "0:1 1:1-1:2 | unexpected end of input: the object opened here is not closed with }"),
        Arguments.of(
            "{",
            "0:1 1:1-1:2 | unexpected end of input: the object opened here is not closed with }"),
        Arguments.of(
            "[1, 2",
            "0:1 1:1-1:2 | unexpected end of input: the array opened here is not closed with ]"),
        Arguments.of("[1,]", "2:3 1:3-1:4 | trailing comma before ]"),
        Arguments.of("[1 2]", "3:4 1:4-1:5 | missing comma between elements"),
        Arguments.of("[1}", "2:3 1:3-1:4 | '}' where the array needs ']'"),
        Arguments.of(
            "[",
            "0:1 1:1-1:2 | unexpected end of input: the array opened here is not closed with ]"),
        Arguments.of("{\"a\": {{ x }", "6:8 1:7-1:9 | unterminated placeholder: \"}}\" is missing"),
        Arguments.of(
            "{\"a\": ${x}",
            "0:1 1:1-1:2 | unexpected end of input: the object opened here is not closed with }"),
        Arguments.of(
            "{\"a\": $}",
            "6:7 1:7-1:8 | unexpected character '$': expected a value or a placeholder such as ${input.x}"),
        Arguments.of(
            "{\"a\": $x.y(1}", "10:11 1:11-1:12 | unterminated placeholder: ')' is missing"),
        Arguments.of("{\"a\": @}", "6:7 1:7-1:8 | unexpected character '@': expected a value"),
        Arguments.of("{\"a\": \"x\"\n \"b\": 1}", "11:12 2:2-2:3 | missing comma between members"),
        Arguments.of("{\"a\": [1, {\"b\": }]}", "16:17 1:17-1:18 | expected a value before '}'"),
        Arguments.of("{\"a\": 1,\n}", "7:8 1:8-1:9 | trailing comma before }"),
        Arguments.of("\uFEFF", "1:1 1:1-1:1 | empty input: expected a JSON value"),
        // An invisible character is named by its code point: "unexpected character '\uFEFF'"
        // printed as '' and left the reader nothing to look for.
        Arguments.of(
            "{\"a\": 1,\uFEFF\"b\": 2}",
            "8:9 1:9-1:10 | unexpected character U+FEFF (byte order mark): expected a key in double quotes"),
        Arguments.of(
            "{\"a\": \u200B1}", "6:7 1:7-1:8 | unexpected character U+200B: expected a value"),
        Arguments.of(
            "{\"a\": 1\u00A0}",
            "7:8 1:8-1:9 | unexpected character U+00A0 (no-break space) after a member: expected ',' or '}'"));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void errorIsLocatedAndWorded(String input, String expected) {
    ParsedPayload p = TemplateJsonParser.parse(input);
    String actual =
        p.error()
            .map(
                e ->
                    e.span().start()
                        + ":"
                        + e.span().end()
                        + " "
                        + e.span().line()
                        + ":"
                        + e.span().column()
                        + "-"
                        + e.span().endLine()
                        + ":"
                        + e.span().endColumn()
                        + " | "
                        + e.message())
            .orElse("OK");
    assertEquals(expected, actual, input);
  }
}
