package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import dev.flowlint.io.CanonicalJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * YAML that Archy's loader (js-yaml) reads one way and flowlint must read the same way: a flow
 * refused, or an input lost, is a wrong schema for every later check.
 */
class HostileYamlTest {
  @TempDir Path tmp;

  private Path out() {
    return tmp.resolve("schemas");
  }

  private Result importFile(String name, String text) throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve(name), text);
    return CliRunner.run("import", in.resolve(name).toString(), "--out", out().toString());
  }

  /**
   * Every variable merging one base ({@code <<: *input}) is as many aliases as variables: SnakeYAML
   * refused a flow with more than 50 of them, unlocated, though nothing was expanded yet, at import
   * and at check.
   */
  @Test
  void aFlowOfManyMergedVariablesImports() throws IOException {
    StringBuilder yaml =
        new StringBuilder(
            """
            workflow:
              name: Many
              variables:
                - stringVariable: &input
                    name: Flow.v0
                    isInput: true
            """);
    for (int i = 1; i <= 60; i++) {
      yaml.append("    - stringVariable:\n        <<: *input\n        name: Flow.v")
          .append(i)
          .append('\n');
    }
    Result r = importFile("many.yaml", yaml.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    JsonNode s = CanonicalJson.mapper().readTree(out().resolve("many.schema.json").toFile());
    assertEquals(61, s.path("required").size(), s.toString());
    // check reads the same flow for its call sites: it was "cannot read this flow".
    Result c =
        CliRunner.run(
            "check", tmp.resolve("in/many.yaml").toString(), "--schemas", out().toString());
    assertEquals(0, c.code(), c.out() + c.err());
  }

  /**
   * {@code !!bool yes} is no boolean to js-yaml (it refuses the tag's value); it was read as false,
   * so the input was silently an internal variable and a launch without it was clean.
   */
  @Test
  void aBoolTagOnNoBooleanIsAnError() throws IOException {
    Result r =
        importFile(
            "tagged.yaml",
            """
            workflow:
              name: Tagged
              variables:
                - stringVariable:
                    name: Flow.a
                    isInput: !!bool yes
            """);
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("isInput is \"yes\", not true or false"), r.err());

    Result ok =
        importFile(
            "tagged.yaml",
            "workflow:\n  name: Tagged\n  variables:\n"
                + "    - stringVariable: {name: Flow.a, isInput: !!bool True}\n");
    assertEquals(0, ok.code(), ok.out() + ok.err());
  }

  /**
   * A CloudFormation template beside the flows uses tags no YAML schema knows ({@code !Ref}, {@code
   * !Sub}); it is another tool's file, passed over, as it was before YAML was composed. It was an
   * error that made {@code import .} exit 2.
   */
  @Test
  void aCloudFormationTemplateInADirectoryIsPassedOver() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("repo"));
    Files.writeString(
        in.resolve("template.yaml"),
        """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: !Sub "${AWS::StackName}-data"
        Outputs:
          Name:
            Value: !Ref Bucket
        """);
    Files.writeString(in.resolve("flow.yaml"), "workflow:\n  name: Real\n  variables: []\n");
    Result r = CliRunner.run("import", in.toString(), "--out", out().toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("passed over 1 file"), r.err());
    assertTrue(r.err().contains("template.yaml"), r.err());
  }

  /**
   * An Archy flow in JSON form indented with tabs, as editors often write JSON: JSON allows tabs
   * between tokens and js-yaml reads them there; it was "not valid YAML" at the first tab (exit 2).
   */
  @Test
  void anArchyFlowInJsonFormIndentedWithTabsImports() throws IOException {
    Result r =
        importFile(
            "tabs.json",
            "{\n\t\"workflow\": {\n\t\t\"name\": \"Tabs\",\n\t\t\"variables\": [\n"
                + "\t\t\t{\"stringVariable\": {\"name\": \"Flow.a\", \"isInput\": true}}\n"
                + "\t\t]\n\t}\n}\n");
    assertEquals(0, r.code(), r.out() + r.err());
    JsonNode s = CanonicalJson.mapper().readTree(out().resolve("tabs.schema.json").toFile());
    assertTrue(s.path("properties").has("Flow.a"), s.toString());
  }
}
