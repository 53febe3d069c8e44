package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check on flow files as a user runs it: the text report, --fix in YAML, never in an export. */
class CallSiteFixCommandTest {
  @TempDir Path tmp;
  private String schemas;

  @BeforeEach
  void importFixtures() {
    schemas = tmp.resolve("schemas").toString();
    assertEquals(
        0,
        CliRunner.run("import", "fixtures/flows", "fixtures/data-actions", "--out", schemas, "-q")
            .code());
  }

  private Result check(String... paths) {
    String[] args = new String[paths.length + 5];
    args[0] = "check";
    System.arraycopy(paths, 0, args, 1, paths.length);
    args[paths.length + 1] = "--config";
    args[paths.length + 2] = "fixtures/flowlint.yaml";
    args[paths.length + 3] = "--schemas";
    args[paths.length + 4] = schemas;
    return CliRunner.run(args);
  }

  @Test
  void textReportOfTheCallerFixtures() {
    Result r = check("fixtures/callers");
    assertEquals(1, r.code());
    Approvals.verify(r.out(), new Options().withReporter(new QuietReporter()));
  }

  @Test
  void yamlThatIsNotAFlowIsSkippedInsideDirectoriesAndWhenNamed() throws Exception {
    Path dir = tmp.resolve("repo");
    Files.createDirectories(dir.resolve(".github"));
    Files.writeString(dir.resolve("ci.yml"), "name: CI\non: push\n");
    Files.writeString(dir.resolve("flowlint.yaml"), "schemas: schemas\n");
    Files.copy(Path.of("fixtures/callers/caller.pass.yaml"), dir.resolve("caller.pass.yaml"));
    Result r = check(dir.toString(), dir.resolve("ci.yml").toString());
    assertEquals(0, r.code(), r.out());
    assertEquals("checked 1 file: no problems\n", r.out());
  }

  @Test
  void fixRenamesMisspeltBindingKeysInYamlInPlaceAndNeverTouchesAnExport() throws Exception {
    Path yaml = tmp.resolve("caller.fail.yaml");
    Path export = tmp.resolve("caller.fail.i3InboundEmailFlow");
    Files.copy(Path.of("fixtures/callers/caller.fail.yaml"), yaml);
    Files.copy(Path.of("fixtures/callers/caller.fail.i3InboundEmailFlow"), export);
    String before = Files.readString(yaml);
    byte[] exportBefore = Files.readAllBytes(export);

    Result diff =
        CliRunner.run(
            "check",
            tmp.toString(),
            "--config",
            "fixtures/flowlint.yaml",
            "--schemas",
            schemas,
            "--diff",
            "-q");
    assertEquals(1, diff.code());
    assertEquals(before, Files.readString(yaml), "--diff writes nothing");

    Result fix = check(yaml.toString(), export.toString(), "--fix");
    assertTrue(fix.out().startsWith("fixed " + yaml + ": 6 fixes"), fix.out());
    String expected =
        before
            .replace("Common.anii:", "Common.ani:")
            .replace("Common.identifiertype:", "Common.identifierType:")
            .replace("Common.sucess:", "Common.success:")
            .replace("queueID:", "queueId:")
            .replace("conversation.idd:", "conversation.id:")
            .replace("Slot.AppointmentDat:", "Slot.AppointmentDate:");
    assertEquals(expected, Files.readString(yaml), "only the misspelt keys changed");
    assertEquals(
        new String(exportBefore),
        new String(Files.readAllBytes(export)),
        "an export is never edited");

    Result again = check(yaml.toString(), "--fix");
    assertTrue(!again.out().contains("fixed "), again.out());
    assertTrue(again.out().contains("call-missing-input"), "what has no fix is still reported");
  }

  @Test
  void aFlowFileFixCannotWriteKeepsEveryFindingInTheReport() throws Exception {
    Path yaml = tmp.resolve("caller.fail.yaml");
    Files.copy(Path.of("fixtures/callers/caller.fail.yaml"), yaml);
    String checked = check(yaml.toString()).out();
    assertTrue(yaml.toFile().setWritable(false, false));
    Result fix = check(yaml.toString(), "--fix");
    assertEquals(1, fix.code());
    assertTrue(fix.out().startsWith("not fixed " + yaml + ": "), fix.out());
    assertEquals(checked, fix.out().substring(fix.out().indexOf('\n') + 1));
  }

  @Test
  void fixKeepsAnAnchorOrATagInFrontOfTheRenamedKey() throws Exception {
    Path yaml = tmp.resolve("anchored.yaml");
    String before =
        """
        inboundCall:
          name: Caller
          states:
            - state:
                name: S
                actions:
                  - callCommonModule:
                      name: C
                      commonModule:
                        Resolve Contact:
                          ver_latestPublished:
                            inputs:
                              &a Common.conversationid: {exp: Call.ConversationId}
                              !!str Common.identifierTyp: {lit: Phone}
                              Common.identifierValue: {exp: Call.Ani}
        """;
    Files.writeString(yaml, before);
    Result fix = check(yaml.toString(), "--fix");
    assertEquals(0, fix.code(), fix.out());
    assertEquals(
        before
            .replace("&a Common.conversationid:", "&a Common.conversationId:")
            .replace("!!str Common.identifierTyp:", "!!str Common.identifierType:"),
        Files.readString(yaml));
  }

  @Test
  void fixNeverLeavesTwoEqualKeysInOneMapping() throws Exception {
    Path yaml = tmp.resolve("duplicate.yaml");
    String before =
        """
        inboundCall:
          name: Caller
          states:
            - state:
                name: S
                actions:
                  - callCommonModule:
                      name: C
                      commonModule:
                        Resolve Contact:
                          ver_latestPublished:
                            inputs:
                              Common.conversationId: {exp: Call.ConversationId}
                              Common.conversationid: {exp: Call.ConversationId}
                              Common.identifierTyp: {lit: Phone}
                              Common.IdentifierTyp: {lit: Phone}
                              Common.identifierValue: {exp: Call.Ani}
        """;
    Files.writeString(yaml, before);
    Result fix = check(yaml.toString(), "--fix");
    assertEquals(1, fix.code(), fix.out());
    String after = Files.readString(yaml);
    assertEquals(
        before.replace("Common.identifierTyp: {lit", "Common.identifierType: {lit"), after);
    assertTrue(fix.out().contains("already bound"), fix.out());
  }
}
