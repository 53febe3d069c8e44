package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.Properties;
import dev.flowlint.cli.CliRunner;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Velocity comments in a data action template are checked as Velocity renders them: gone. */
class VelocityCommentsTest {
  @TempDir java.nio.file.Path tmp;

  @Test
  void commentsBecomeSpacesAndEveryOtherCharacterStaysWhereItWas() {
    Properties.forAll(
        "comments blanked in place",
        2000,
        r -> {
          StringBuilder text = new StringBuilder();
          StringBuilder expected = new StringBuilder();
          for (int part = r.nextInt(6); part >= 0; part--) {
            String plain =
                Properties.pick(r, List.of("{\"a\": 1}", "\n", " ", "\"x\"", "$input.b"));
            text.append(plain);
            expected.append(plain);
            switch (r.nextInt(3)) {
              case 0 -> {
                String c = "## note " + r.nextInt(9);
                text.append(c).append('\n');
                expected.append(" ".repeat(c.length())).append('\n');
              }
              case 1 -> {
                String c = "#* one\nand two *#";
                text.append(c);
                expected.append(c.replaceAll("[^\n]", " "));
              }
              default -> {}
            }
          }
          return List.of(text.toString(), expected.toString());
        },
        s -> assertEquals(s.get(1), VelocityComments.blank(s.get(0))));
  }

  @Test
  void anUnterminatedBlockIsLeftForTheJsonCheckToFail() {
    assertEquals("{\"a\": #* 1}", VelocityComments.blank("{\"a\": #* 1}"));
  }

  /** The fixture's findings, with comments added to its template: the same, and no JSON error. */
  @Test
  void aTemplateWithVelocityCommentsIsCheckedNotRejectedAsInvalidJson() throws Exception {
    String schemas = tmp.resolve("schemas").toString();
    assertEquals(0, CliRunner.run("import", "fixtures/flows", "--out", schemas, "-q").code());
    String fixture = Files.readString(DataActionRuns.LAUNCH_FIXTURE);
    List<String> plain = DataActionRuns.rules(tmp, fixture, schemas);
    String commented =
        fixture.replace(
            "\"requestTemplate\": \"{\\n",
            "\"requestTemplate\": \"## the launch body\\n#* built from\\nthe contract *#{\\n");
    assertTrue(commented.contains("## the launch body"), "the template was changed");
    List<String> withComments = DataActionRuns.rules(tmp, commented, schemas);
    assertFalse(withComments.contains("template-invalid-json"), withComments.toString());
    assertEquals(plain, withComments);
  }
}
