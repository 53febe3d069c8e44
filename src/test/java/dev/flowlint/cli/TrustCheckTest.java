package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: check never claims "no problems" it has not earned, and refuses what it must not do.
 */
class TrustCheckTest {
  static final String ORDER = "6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11";
  static final String MISNAMED =
      "{\"flowId\": \"" + ORDER + "\", \"inputData\": {\"customerId\": \"A\"}}";
  @TempDir Path tmp;

  private Path write(String name, String text) throws IOException {
    Path f = tmp.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    return f;
  }

  /** Item 1 and 13: a fix that was not written leaves the finding reported and the exit code 1. */
  @Test
  void readOnlyFileIsNotFixedAndStillFails() throws IOException {
    Path f = write("p.json", MISNAMED);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
    Result r = CliRunner.run("check", f.toString(), "--schemas", "schemas", "--fix");
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("not fixed " + f + ": the file is read-only"), r.out());
    assertTrue(r.out().contains("error[unknown-input]"), r.out());
    assertFalse(r.out().contains("no problems"), r.out());
    assertEquals(MISNAMED, Files.readString(f));
  }

  /**
   * Item 13: hard links are not split; the file is refused, not silently unlinked from its twin.
   */
  @Test
  void hardLinkedFileIsRefused() throws IOException {
    Path f = write("p.json", MISNAMED);
    Path twin = tmp.resolve("twin.txt");
    Files.createLink(twin, f);
    Result r = CliRunner.run("check", f.toString(), "--schemas", "schemas", "--fix");
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("hard links"), r.out());
    assertEquals(MISNAMED, Files.readString(twin));
    assertTrue(Files.isSameFile(f, twin));
  }

  /** Item 13: a symbolic link stays a link; its target is fixed. */
  @Test
  void symlinkTargetIsFixedAndLinkKept() throws IOException {
    Path target = write("real/p.json", MISNAMED);
    Path link = tmp.resolve("link.json");
    Files.createSymbolicLink(link, target);
    Result r = CliRunner.run("check", link.toString(), "--schemas", "schemas", "--fix");
    assertEquals(0, r.code(), r.out());
    assertTrue(Files.isSymbolicLink(link));
    assertTrue(Files.readString(target).contains("\"Flow.customer_id\""));
  }

  /**
   * Item 13: a temporary file a killed run left behind is removed by the next write, and never
   * checked.
   */
  @Test
  void staleTemporaryFileIsRemoved() throws IOException {
    Path f = write("p.json", MISNAMED);
    Path stale = write(".p.json.flowlint-999999999-123.tmp", "{");
    Result r = CliRunner.run("check", tmp.toString(), "--schemas", "schemas", "--fix");
    assertEquals(0, r.code(), r.out());
    assertFalse(Files.exists(stale));
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(1, left.count());
    }
  }

  /**
   * A run that checked nothing and exits 2 wrote an empty SARIF log (uploaded with "if: always()",
   * it closes every open code-scanning alert) and said "checked 0 files: no problems".
   */
  @Test
  void aRunThatCheckedNothingWritesNoReportAndClaimsNoProblems() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("empty"));
    Path sarif = tmp.resolve("r.sarif");
    Result r =
        CliRunner.run(
            "check",
            dir.toString(),
            "--schemas",
            "schemas",
            "--format",
            "sarif=" + sarif,
            "--format",
            "text");
    assertEquals(2, r.code(), r.out() + r.err());
    assertFalse(Files.exists(sarif), "no report of a failed run");
    assertFalse(r.out().contains("no problems"), r.out());
    assertEquals("checked 0 files\n", r.out());
    Result allowed =
        CliRunner.run(
            "check",
            dir.toString(),
            "--schemas",
            "schemas",
            "--format",
            "sarif=" + sarif,
            "--allow-empty");
    assertEquals(0, allowed.code(), allowed.err());
    assertTrue(Files.exists(sarif), "--allow-empty: the run passes, and writes its report");
  }

  /**
   * The same on standard output ("--format sarif > r.sarif", as CI jobs write it): an empty SARIF
   * log went there, and an upload with if: always() closed every open alert.
   */
  @Test
  void aRunThatCheckedNothingWritesNoDocumentToStandardOutput() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("empty"));
    for (String format : List.of("sarif", "json", "junit", "gitlab")) {
      Result r = CliRunner.run("check", dir.toString(), "--schemas", "schemas", "--format", format);
      assertEquals(2, r.code(), r.out() + r.err());
      assertEquals("", r.out(), format);
      assertTrue(r.err().contains("checked 0 files"), r.err());
      Result allowed =
          CliRunner.run(
              "check", dir.toString(), "--schemas", "schemas", "--format", format, "--allow-empty");
      assertEquals(0, allowed.code(), allowed.err());
      assertFalse(allowed.out().isBlank(), format + ": --allow-empty writes the report");
    }
  }

  /** Item 7: nothing checked is not "clean". */
  @Test
  void emptyDirectoryExitsTwoUnlessAllowed() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("empty"));
    Result r = CliRunner.run("check", dir.toString(), "--schemas", "schemas");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("checked 0 files: " + dir + " is an empty directory"), r.err());
    Result allowed =
        CliRunner.run("check", dir.toString(), "--schemas", "schemas", "--allow-empty");
    assertEquals(0, allowed.code(), allowed.err());
    assertTrue(allowed.err().contains("checked 0 files"), allowed.err());
  }

  @Test
  void everythingExcludedSaysSo() throws IOException {
    write("d/a.json", "{}");
    Result r =
        CliRunner.run(
            "check", tmp.resolve("d").toString(), "--schemas", "schemas", "--include", "*.tmpl");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("has no payload files (*.tmpl)"), r.err());
  }

  /** Item 14: the report never overwrites a payload. */
  @Test
  void outputNamingAPayloadIsRefused() throws IOException {
    Path f = write("p.json", MISNAMED);
    Result r =
        CliRunner.run(
            "check",
            tmp.toString(),
            "--schemas",
            "schemas",
            "-o",
            f.toString(),
            "--format",
            "json");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("is the payload"), r.err());
    assertEquals(MISNAMED, Files.readString(f));
  }

  /**
   * Item 14 after the merge with issue 9: every FORMAT=FILE target is held to the same rule as -o.
   */
  @Test
  void formatFileNamingAPayloadIsRefused() throws IOException {
    Path f = write("p.json", MISNAMED);
    Result r =
        CliRunner.run(
            "check",
            tmp.toString(),
            "--schemas",
            "schemas",
            "--format",
            "sarif=" + f,
            "--format",
            "text");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--format sarif=" + f + " is the payload"), r.err());
    assertEquals(MISNAMED, Files.readString(f));
  }

  /**
   * Item 7 after the merge with issue 13: a flow file whose call sites were checked is a file
   * checked.
   */
  @Test
  void aCheckedFlowFileIsNotZeroFiles() throws IOException {
    write("flows/caller.pass.yaml", Files.readString(Path.of("fixtures/callers/caller.pass.yaml")));
    Result r = CliRunner.run("check", tmp.resolve("flows").toString(), "--schemas", "schemas");
    assertTrue(r.out().contains("checked 1 file"), r.out() + r.err());
    assertFalse(r.err().contains("checked 0 files"), r.err());
    assertTrue(r.code() != 2, r.out() + r.err());
  }

  /** Item 16 after the merge with issue 9: exclude globs are checked like include globs. */
  @Test
  void malformedExcludeGlobIsAUsageError() throws IOException {
    Path config = write("flowlint.yaml", "exclude: [\"[a-\"]\n");
    write("a.json", "{}");
    Result r =
        CliRunner.run(
            "check",
            tmp.resolve("a.json").toString(),
            "--schemas",
            "schemas",
            "--config",
            config.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("\"[a-\" is malformed"), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
  }

  /** Item 16: a malformed glob is a usage error naming it, not an internal error. */
  @Test
  void malformedIncludeGlobIsAUsageError() throws IOException {
    write("a.json", "{}");
    Result r = CliRunner.run("check", tmp.toString(), "--schemas", "schemas", "--include", "[a-");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("\"[a-\" is malformed"), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
  }

  @Test
  void malformedConfigGlobIsAUsageError() throws IOException {
    Path config =
        write(
            "flowlint.yaml",
            "payloads:\n  - files: \"[a-\"\n    flow: Order Lookup\ninclude: [\"*.json\"]\n");
    write("a.json", "{}");
    Result r =
        CliRunner.run(
            "check",
            tmp.resolve("a.json").toString(),
            "--schemas",
            "schemas",
            "--config",
            config.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("\"[a-\" is malformed"), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
  }

  /** Item 2: a rename onto a key the object already has is not a fix; the finding stays. */
  @Test
  void renameOntoAnExistingKeyIsNotApplied() throws IOException {
    String text =
        "{\"flowId\": \""
            + ORDER
            + "\", \"inputData\": {\"Flow.customer_id\": \"A\", \"customerId\": \"B\"}}";
    Path f = write("p.json", text);
    Result r = CliRunner.run("check", f.toString(), "--schemas", "schemas", "--fix");
    assertEquals(1, r.code(), r.out());
    assertEquals(text, Files.readString(f));
    assertTrue(
        r.out()
            .contains(
                "not fixed automatically: the object already has the key \"Flow.customer_id\""),
        r.out());
    Result json = CliRunner.run("check", f.toString(), "--schemas", "schemas", "--format", "json");
    assertFalse(json.out().contains("\"fix\""), json.out());
  }

  @Test
  void flatteningOntoAnExistingKeyIsNotApplied() throws IOException {
    String text =
        "{\"flowId\": \""
            + ORDER
            + "\", \"inputData\": {\"Flow.customer_id\": \"A\", \"Flow\": {\"customer_id\": \"B\"}}}";
    Path f = write("p.json", text);
    Result r = CliRunner.run("check", f.toString(), "--schemas", "schemas", "--fix");
    assertEquals(1, r.code(), r.out());
    assertEquals(text, Files.readString(f));
    assertTrue(r.out().contains("would repeat a key"), r.out());
  }

  /** Item 3: a repeated key is an error at the repeated key, in every object. */
  @Test
  void repeatedKeysAreFlagged() throws IOException {
    Path f =
        write(
            "p.json",
            "{\"flowId\": \""
                + ORDER
                + "\",\n \"inputData\": {\"Flow.customer_id\": \"A\",\n  \"Flow.customer_id\": \"B\"},\n \"inputData\": {}}");
    Result r = CliRunner.run("check", f.toString(), "--schemas", "schemas");
    assertEquals(1, r.code(), r.out());
    assertTrue(
        r.out()
            .contains(
                f
                    + ":3:3: error[duplicate-key] the key \"Flow.customer_id\" is repeated in this object (first at 2:16)"),
        r.out());
    assertTrue(
        r.out().contains(f + ":4:2: error[duplicate-key] the key \"inputData\" is repeated"),
        r.out());
  }

  /** Item 4: --flow beats a literal flowId, and a flowId of another flow is flagged. */
  @Test
  void literalFlowIdOfAnotherFlowIsAMismatch() throws IOException {
    Path f =
        write("p.json", "{\"flowId\": \"" + ORDER + "\", \"inputData\": {\"Common.ani\": \"1\"}}");
    Result r =
        CliRunner.run(
            "check",
            f.toString(),
            "--schemas",
            "schemas",
            "--flow",
            "Resolve Customer",
            "--format",
            "json");
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("\"rule\": \"flow-id-mismatch\""), r.out());
    assertTrue(r.out().contains("\"flow\": \"Resolve Customer\""), r.out());
    Result same =
        CliRunner.run(
            "check",
            f.toString(),
            "--schemas",
            "schemas",
            "--flow",
            "Order Lookup",
            "--format",
            "json");
    assertFalse(same.out().contains("flow-id-mismatch"), same.out());
  }

  /**
   * Item 4: the config mapping beats a literal flowId too (README's order), with the same finding.
   */
  @Test
  void configMappingBeatsLiteralFlowId() throws IOException {
    Path config =
        write(
            "flowlint.yaml",
            "schemas: "
                + Path.of("schemas").toAbsolutePath()
                + "\npayloads:\n  - files: \"*.json\"\n    flow: Resolve Customer\n");
    Path f = write("p.json", "{\"flowId\": \"" + ORDER + "\", \"inputData\": {}}");
    Result r =
        CliRunner.run("check", f.toString(), "--config", config.toString(), "--format", "json");
    assertTrue(r.out().contains("\"flow\": \"Resolve Customer\""), r.out());
    assertTrue(r.out().contains("flow-id-mismatch"), r.out());
  }

  /**
   * Item 5: a shared-flow body aimed at a workflow gets one finding on flowType, and no fix to
   * "shared".
   */
  @Test
  void sharedFlowBodyForAWorkflowIsOneFindingWithoutSharedFix() throws IOException {
    String text =
        "{\"flowType\": \"workflow\", \"inputs\": {\"customer_id\": \"C-1\"}, \"metadata\": {\"correlationId\": \"x\"}}";
    Path f = write("p.json", text);
    Result r =
        CliRunner.run(
            "check",
            f.toString(),
            "--schemas",
            "schemas",
            "--flow",
            "Order Lookup",
            "--format",
            "json");
    assertEquals(1, r.out().split("\"rule\": \"flow-type-mismatch\"", -1).length - 1, r.out());
    Result fix =
        CliRunner.run(
            "check", f.toString(), "--schemas", "schemas", "--flow", "Order Lookup", "--fix");
    assertFalse(Files.readString(f).contains("\"shared\""), Files.readString(f));
    assertEquals(1, fix.code());
  }

  /**
   * A placeholder opened with escaped braces (the JSON escape of "{" twice) is still unterminated:
   * the shortcut for texts with no "{{" written must not skip it.
   */
  @Test
  void anUnterminatedPlaceholderWrittenWithEscapesIsFlagged() throws IOException {
    Path f =
        write(
            "p.json",
            "{\"flowId\": \""
                + ORDER
                + "\", \"inputData\": {\"Flow.customer_id\": \"\\u007b\\u007b user.id\"}}");
    Result r = CliRunner.run("check", f.toString(), "--schemas", "schemas");
    assertEquals(1, r.code(), r.out());
    assertTrue(
        r.out().contains("error[invalid-json] unterminated placeholder \"{{ user.id\""), r.out());
  }

  /** Item 6: values JSON allows and Genesys cannot take are flagged, each at its place. */
  @Test
  void valuesGenesysCannotTakeAreFlagged() throws IOException {
    Path f =
        write(
            "p.json",
            "{\"flowId\": \""
                + ORDER
                + "\", \"flowVersion\": \"abc\",\n\"inputData\": {\"Flow.customer_id\": \"{{ user.id\",\n"
                + "\"Flow.priority\": 123456789012345678901234567890,\n\"Flow.amount\": 1e999999999}}");
    Result r = CliRunner.run("check", f.toString(), "--schemas", "schemas");
    assertEquals(1, r.code(), r.out());
    assertTrue(
        r.out()
            .contains(":1:67: error[field-type] flowVersion must be a version of digits and dots"),
        r.out());
    assertTrue(
        r.out().contains(":2:36: error[invalid-json] unterminated placeholder \"{{ user.id\""),
        r.out());
    // The Integer range is in the imported schema: one finding, input-constraint (not input-type as
    // well).
    assertTrue(
        r.out()
            .contains(
                ":3:18: error[input-constraint] Flow.priority must be at most 999999999999999, got the number 123456789012345678901234567890"),
        r.out());
    assertFalse(r.out().contains("error[input-type] Flow.priority"), r.out());
    assertTrue(
        r.out()
            .contains(
                ":4:16: error[input-type] Flow.amount is a Decimal, and 1e999999999 is beyond"),
        r.out());
  }

  @Test
  void valuesWithinRangeAreClean() throws IOException {
    Path f =
        write(
            "p.json",
            "{\"flowId\": \""
                + ORDER
                + "\", \"flowVersion\": \"1.0\", \"inputData\": {\"Flow.customer_id\": \"{{ user.id }}x\","
                + " \"Flow.priority\": -999999999999999, \"Flow.amount\": 1.5e300}}");
    Result r = CliRunner.run("check", f.toString(), "--schemas", "schemas");
    assertEquals(0, r.code(), r.out());
  }

  /**
   * Item 19: at most 100 findings per rule per file, then one line saying how many more, in every
   * format.
   */
  @Test
  void findingsPerRuleAreCappedInEveryFormat() throws IOException {
    StringBuilder b =
        new StringBuilder(
            "{\"flowId\": \"" + ORDER + "\", \"inputData\": {\"Flow.customer_id\": \"A\"");
    for (int i = 0; i < 250; i++) {
      b.append(",\n \"zz").append(i).append("\": 1");
    }
    Path f = write("p.json", b.append("}}").toString());
    for (String format : List.of("text", "json", "sarif", "github", "junit")) {
      Result r = CliRunner.run("check", f.toString(), "--schemas", "schemas", "--format", format);
      assertEquals(1, r.code(), format);
      assertTrue(
          r.out()
              .contains(
                  "and 150 more unknown-input findings in this file, not shown (the first 100 are)"),
          format + ": " + r.out());
      assertFalse(r.out().contains("zz101") || r.out().contains("zz249"), format);
      assertTrue(r.out().contains("zz99"), format);
    }
  }

  /** Item 18: an empty directory among other paths is named, though the run goes on. */
  @Test
  void emptyDirectoryAmongOthersIsNoted() throws IOException {
    Path f =
        write(
            "p.json",
            "{\"flowId\": \"" + ORDER + "\", \"inputData\": {\"Flow.customer_id\": \"A\"}}");
    Path dir = Files.createDirectories(tmp.resolve("nothing"));
    Result r = CliRunner.run("check", f.toString(), dir.toString(), "--schemas", "schemas");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("note: " + dir + ": an empty directory"), r.err());
  }

  /**
   * Item 2, found by PIT: a fix that would repeat a key is held back alone; the other fixes of the
   * pass still apply.
   */
  @Test
  void onlyTheDuplicatingFixIsHeldBack() throws IOException {
    String text =
        "{\"flowId\": \""
            + ORDER
            + "\", \"inputData\": {\"Flow.customer_id\": \"A\", \"Flow\": {\"customer_id\": \"B\"}, \"priority\": 3}}";
    Path f = write("p.json", text);
    Result r = CliRunner.run("check", f.toString(), "--schemas", "schemas", "--fix");
    assertEquals(1, r.code(), r.out());
    assertEquals(text.replace("\"priority\"", "\"Flow.priority\""), Files.readString(f));
    assertTrue(
        r.out()
            .contains(
                "not fixed "
                    + f
                    + ": these fixes would repeat a key, so they were not applied: flatten to Flow.customer_id"),
        r.out());
    assertTrue(r.out().contains("fixed " + f + ": 1 fix (rename to Flow.priority)"), r.out());
  }
}
