package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Velocity references as the template linter reads them. {@code ${esc.jsonString($input.x)}}, the
 * braced form of {@code $esc.jsonString($input.x)}, was read as a reference to no input: x was
 * reported unused and its escaping unknown.
 */
class TemplateReferencesTest {
  @Test
  void theBracedEscapeIsAnEscapedInput() {
    List<TemplateLinter.Reference> refs =
        TemplateLinter.references("{\"a\": \"${esc.jsonString($input.customerId)}\"}");
    assertEquals(1, refs.size(), refs.toString());
    assertEquals(Optional.of("customerId"), refs.get(0).input());
    assertEquals(true, refs.get(0).escaped());
    assertEquals(
        "${esc.jsonString($input.customerId)}".length(), refs.get(0).end() - refs.get(0).start());
  }

  @Test
  void theOtherFormsStayAsTheyWere() {
    List<TemplateLinter.Reference> refs =
        TemplateLinter.references(
            "$esc.jsonString(${input.a}) ${input.b} $!{input.c} $input.d $!esc.jsonString($input.e)");
    assertEquals(
        List.of("a true", "b false", "c false", "d false", "e true"),
        refs.stream().map(r -> r.input().orElse("?") + " " + r.escaped()).toList());
  }
}
