package dev.flowlint.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class YamlTreesTest {
  /** A long document without aliases is no billion laughs: its values are bounded by its text. */
  @Test
  void aLongListWithoutAliasesIsRead() throws YamlTrees.Invalid {
    StringBuilder yaml = new StringBuilder("x: [");
    for (int i = 0; i < 700_000; i++) {
      yaml.append(i == 0 ? "a" : ",a");
    }
    yaml.append("]\n");
    YamlTrees.Trees t = YamlTrees.read(yaml.toString());
    assertEquals(700_000, t.typed().path("x").size());
    assertEquals(700_000, t.text().path("x").size());
  }

  /** Scalars: typed as YAML 1.2's core schema in one tree, as written in the other. */
  @Test
  void scalarsAreTypedAndKeptAsWritten() throws YamlTrees.Invalid {
    YamlTrees.Trees t = YamlTrees.read("a: 1.10\nb: True\nc: yes\nd:\ne: ~\nf: 0x1F\ng: '7'\n");
    JsonNode typed = t.typed();
    JsonNode text = t.text();
    assertEquals("1.10", text.path("a").asString());
    assertTrue(typed.path("a").isNumber());
    assertTrue(typed.path("b").isBoolean() && typed.path("b").asBoolean());
    assertEquals("yes", typed.path("c").asString());
    assertTrue(typed.path("d").isNull() && text.path("d").isNull());
    assertTrue(typed.path("e").isNull());
    assertEquals("~", text.path("e").asString());
    assertEquals(31, typed.path("f").asInt());
    assertTrue(typed.path("g").isString());
  }

  /** 46 aliases that would expand to 2^24 lists stop at the budget, with the place. */
  @Test
  void aBillionLaughsStops() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol]\n");
    for (int i = 1; i < 24; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1);
      yaml.append(", *a").append(i - 1).append("]\n");
    }
    YamlTrees.Invalid e =
        assertThrows(YamlTrees.Invalid.class, () -> YamlTrees.read(yaml.toString()));
    assertTrue(e.line() > 0, e.getMessage());
    assertTrue(e.getMessage().contains("aliases expand to more than"), e.getMessage());
  }
}
