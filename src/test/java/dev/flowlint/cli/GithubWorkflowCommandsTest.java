package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.check.FixtureSupport;
import dev.flowlint.cli.CliRunner.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code --format github} run as the Actions runner reads it: every line of standard output and
 * standard error is a possible workflow command. Hostile file names must not issue any command but
 * flowlint's own annotations, and each annotation must name the file it is about.
 */
class GithubWorkflowCommandsTest {
  /** A payload with one fixable error (flowVersion is a number) on line 1. */
  private static final String FIXABLE =
      "{\"flowId\": \"6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11\", \"flowVersion\": 3,"
          + " \"inputData\": {\"Flow.customer_id\": \"C-1\"}}\n";

  @TempDir Path tmp;

  /** A command the simulated runner carried out: its name, properties and data. */
  record Command(String name, Map<String, String> properties, String data) {}

  /**
   * What actions/runner (src/Runner.Worker/ActionCommandManager.cs, Runner.Common/ActionCommand.cs)
   * does with one stream: lines split as .NET's ReadLine splits them, the "::" syntax after leading
   * white space, else the older "##[" syntax anywhere in the line, and stop-commands until the line
   * that names its token. Returns the commands carried out (stop and resume not included).
   */
  static List<Command> runnerReads(String output) {
    Set<String> registered =
        Set.of(
            "error",
            "warning",
            "notice",
            "debug",
            "add-mask",
            "set-output",
            "set-env",
            "add-path",
            "save-state",
            "group",
            "endgroup",
            "echo",
            "add-matcher",
            "remove-matcher",
            "stop-commands");
    List<Command> done = new ArrayList<>();
    String stopToken = null;
    for (String line : output.split("\r\n|\r|\n", -1)) {
      Command c = parseV2(line);
      if (c == null) {
        c = parseV1(line);
      }
      if (c == null) {
        continue;
      }
      String name = c.name().toLowerCase(Locale.ROOT);
      if (stopToken != null) {
        if (name.equals(stopToken.toLowerCase(Locale.ROOT))) {
          stopToken = null;
        }
      } else if (name.equals("stop-commands")) {
        stopToken = c.data();
      } else if (registered.contains(name)) {
        done.add(c);
      }
    }
    return done;
  }

  private static Command parseV2(String line) {
    // .NET's TrimStart: every white space character, no-break spaces included.
    int start = 0;
    while (start < line.length()
        && (Character.isWhitespace(line.charAt(start))
            || Character.isSpaceChar(line.charAt(start)))) {
      start++;
    }
    String m = line.substring(start);
    if (!m.startsWith("::")) {
      return null;
    }
    int end = m.indexOf("::", 2);
    if (end < 0) {
      return null;
    }
    String info = m.substring(2, end);
    int space = info.indexOf(' ');
    String name = space < 0 ? info : info.substring(0, space);
    Map<String, String> props = new HashMap<>();
    if (space > 0) {
      for (String p : info.substring(space + 1).trim().split(",")) {
        String[] pair = p.split("=", 2);
        if (pair.length == 2) {
          props.put(
              pair[0],
              pair[1]
                  .replace("%0D", "\r")
                  .replace("%0A", "\n")
                  .replace("%3A", ":")
                  .replace("%2C", ",")
                  .replace("%25", "%"));
        }
      }
    }
    String data =
        m.substring(end + 2).replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
    return new Command(name, props, data);
  }

  private static Command parseV1(String line) {
    int prefix = line.indexOf("##[");
    if (prefix < 0) {
      return null;
    }
    int rb = line.indexOf(']', prefix);
    if (rb < 0) {
      return null;
    }
    String info = line.substring(prefix + 3, rb);
    int space = info.indexOf(' ');
    return new Command(
        space < 0 ? info : info.substring(0, space), Map.of(), line.substring(rb + 1));
  }

  /** Only annotations were carried out, each naming one of the files; returns the files named. */
  private static List<String> onlyAnnotations(String output, Set<String> files) {
    List<String> named = new ArrayList<>();
    for (Command c : runnerReads(output)) {
      assertTrue(
          Set.of("error", "warning", "notice").contains(c.name()),
          "the output issued the workflow command " + c + ":\n" + output);
      String file = c.properties().get("file");
      assertTrue(
          file != null && files.contains(file),
          "annotation of an unknown file " + c + " among " + files + ":\n" + output);
      named.add(file);
    }
    return named;
  }

  /**
   * The text report in a GitHub Actions step (pre-commit in a workflow, a plain "flowlint check"):
   * the runner reads it too. A file named "::add-mask::x.json" started a line of it, and a payload
   * key holding "##[set-output name=y]" issued that command from inside a message.
   */
  @Test
  void theTextReportUnderActionsIssuesNoCommand() throws Exception {
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    Path dir = Files.createDirectories(tmp.resolve("p"));
    Files.writeString(dir.resolve("::add-mask::x.json"), FIXABLE);
    Files.writeString(
        dir.resolve("k.json"),
        FIXABLE.replace(
            "\"Flow.customer_id\"", "\"##[set-output name=y]z\": 1, \"Flow.customer_id\""));
    Map<String, String> actions = Map.of("GITHUB_ACTIONS", "true");
    for (List<String> args :
        List.of(
            List.<String>of(),
            List.of("--format", "text"),
            List.of("--format", "sarif=" + tmp.resolve("r.sarif")))) {
      List<String> all = new ArrayList<>(List.of("check", "--schemas", schemas.toString()));
      all.addAll(args);
      all.add(dir.toString());
      Result r = CliRunner.withEnv(actions, all.toArray(String[]::new));
      assertEquals(1, r.code(), r.err());
      assertTrue(r.out().contains("error[unknown-input]"), r.out());
      onlyAnnotations(r.out(), Set.of());
      onlyAnnotations(r.err(), Set.of());
    }
    Result plain =
        CliRunner.withEnv(Map.of(), "check", "--schemas", schemas.toString(), dir.toString());
    assertFalse(plain.out().contains("stop-commands"), "outside Actions the report is as it was");
  }

  /**
   * A JSON or XML report on standard output of an Actions step: "##[set-output name=y]" in a
   * payload key, quoted in a JSON string or XML text, was a command. It is written in the
   * document's own escaping: the document reads the same.
   */
  @Test
  void documentsUnderActionsIssueNoCommand() throws Exception {
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    Path payload = tmp.resolve("k.json");
    String key = "###[set-output name=y]z##";
    Files.writeString(
        payload,
        FIXABLE.replace("\"Flow.customer_id\"", "\"" + key + "\": 1, \"Flow.customer_id\""));
    for (String format : List.of("json", "sarif", "gitlab", "junit")) {
      Result r =
          CliRunner.withEnv(
              Map.of("GITHUB_ACTIONS", "true"),
              "check",
              "--schemas",
              schemas.toString(),
              "--format",
              format,
              payload.toString());
      assertEquals(1, r.code(), r.err());
      onlyAnnotations(r.out(), Set.of());
      assertFalse(r.out().contains("##["), r.out());
      String read =
          format.equals("junit")
              ? javax.xml.parsers.DocumentBuilderFactory.newInstance()
                  .newDocumentBuilder()
                  .parse(new java.io.ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)))
                  .getDocumentElement()
                  .getTextContent()
              : dev.flowlint.io.CanonicalJson.mapper().readTree(r.out()).toString();
      assertTrue(read.contains(key), format + " reads the key as it is: " + read);
    }
  }

  /**
   * A report file that is standard output or standard error of the step ("json=/dev/stdout",
   * "junit=/dev/stderr"): the runner reads it as it reads a report on a stream, but it was written
   * as a file, unescaped, and "##[set-output name=y]" in a key set a step output. With --fix, the
   * "fixed FILE" notes went to standard output before the JSON on /dev/stdout: no JSON to read. Run
   * in a JVM of its own, whose standard output and error are files.
   */
  @Test
  void reportFilesThatAreTheStepsOwnStreamsIssueNoCommand() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.exists(Path.of("/dev/stdout")) && Files.exists(Path.of("/dev/stderr")),
        "a system with /dev/stdout and /dev/stderr");
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    String key = "###[set-output name=y]z##";
    for (List<String> args :
        List.of(
            List.of("--format", "json=/dev/stdout"),
            List.of("--format", "junit=/dev/stdout"),
            List.of("--format", "sarif=/dev/stderr"),
            List.of("--format", "json=/dev/stdout", "--fix"))) {
      Path payload = tmp.resolve("k.json");
      Files.writeString(
          payload,
          FIXABLE.replace("\"Flow.customer_id\"", "\"" + key + "\": 1, \"Flow.customer_id\""));
      Path out = tmp.resolve("out.txt");
      Path err = tmp.resolve("err.txt");
      List<String> cmd = new ArrayList<>(List.of("check", "--schemas", schemas.toString()));
      cmd.addAll(args);
      cmd.addAll(List.of("--", payload.toString()));
      int code = dev.flowlint.LauncherJvm.run(out, err, Map.of("GITHUB_ACTIONS", "true"), cmd);
      String stdout = Files.readString(out);
      String stderr = Files.readString(err);
      assertEquals(1, code, args + ": " + stderr);
      assertTrue((stdout + stderr).contains("set-output name=y]z"), args + ": " + stdout + stderr);
      String document = args.get(1).endsWith("/dev/stdout") ? stdout : stderr;
      assertFalse(document.contains("##["), args + ": " + document);
      onlyAnnotations(stdout, Set.of());
      onlyAnnotations(stderr, Set.of());
      if (args.get(1).startsWith("json")) {
        assertTrue(
            dev.flowlint.io.CanonicalJson.mapper().readTree(stdout).toString().contains(key),
            args
                + ": standard output is the JSON report alone, reading the key as it is: "
                + stdout);
      }
    }
  }

  /**
   * A report file that a pull request made a link to one of its payloads ("flowlint.json" →
   * "p/##[set-output name=x]y.json"): the refusal named the payload raw, and under Actions that
   * line set a step output.
   */
  @Test
  void aReportFileLinkedToAHostilePayloadIssuesNoCommand() throws Exception {
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    Path dir = Files.createDirectories(tmp.resolve("p"));
    Path payload = Files.writeString(dir.resolve("##[set-output name=x]y\u001b.json"), FIXABLE);
    Path report = Files.createSymbolicLink(tmp.resolve("flowlint.json"), payload);
    Result r =
        CliRunner.withEnv(
            Map.of("GITHUB_ACTIONS", "true"),
            "check",
            "--schemas",
            schemas.toString(),
            "--format",
            "json=" + report,
            dir.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("which the report would overwrite"), r.err());
    assertFalse(r.err().contains("\u001b"), "the name is shown escaped: " + r.err());
    onlyAnnotations(r.err(), Set.of());
    onlyAnnotations(r.out(), Set.of());
  }

  /**
   * An input name with a line break in a schema, which a pull request can edit ("Flow.a\\n::warning
   * ::x"): the help that lists the flow's inputs held it raw, and JUnit's XML keeps a line break
   * raw, so on standard output of an Actions step a line of the report started with "::".
   */
  @Test
  void aJunitReportUnderActionsStartsNoLineWithACommand() throws Exception {
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    Path schema = schemas.resolve("order-lookup.schema.json");
    Files.writeString(
        schema,
        Files.readString(schema)
            .replace("\"Flow.amount\"", "\"Flow.a\\n  ::warning::x\\r::notice::y\""));
    Path payload = tmp.resolve("k.json");
    Files.writeString(
        payload, FIXABLE.replace("\"Flow.customer_id\"", "\"Flow.nope\": 1, \"Flow.customer_id\""));
    Result r =
        CliRunner.withEnv(
            Map.of("GITHUB_ACTIONS", "true"),
            "check",
            "--schemas",
            schemas.toString(),
            "--format",
            "junit",
            payload.toString());
    assertEquals(1, r.code(), r.err() + r.out());
    assertTrue(r.out().contains("Flow.a"), "the help lists the input: " + r.out());
    onlyAnnotations(r.out(), Set.of());
    String read =
        javax.xml.parsers.DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new java.io.ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)))
            .getDocumentElement()
            .getTextContent();
    assertTrue(read.contains("Flow.a\n  ::warning::x"), "the XML reads the name as it is: " + read);
  }

  /** A schema named in a message about the schemas directory, which a pull request can edit. */
  @Test
  void aSchemaFileNameIssuesNoCommand() throws Exception {
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    Path index = schemas.resolve("index.json");
    String hostile = "##[add-mask]o.schema.json";
    Files.writeString(
        index,
        Files.readString(index).replace("\"order-lookup.schema.json\"", "\"" + hostile + "\""));
    Files.writeString(schemas.resolve(hostile), "{\"x\": ");
    Path payload = tmp.resolve("p.json");
    Files.writeString(payload, FIXABLE);
    Result r =
        CliRunner.run(
            "check", "--schemas", schemas.toString(), "--format", "github", payload.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains(hostile), r.err());
    onlyAnnotations(r.err(), Set.of());
    onlyAnnotations(r.out(), Set.of());
  }

  /** A setting named in the error about flowlint.yaml, which a pull request can edit. */
  @Test
  void aConfigKeyIssuesNoCommand() throws Exception {
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    Path config = tmp.resolve("flowlint.yaml");
    Files.writeString(config, "\"##[add-mask]x\": 1\n");
    Path payload = tmp.resolve("p.json");
    Files.writeString(payload, FIXABLE);
    Result r =
        CliRunner.run(
            "check",
            "--schemas",
            schemas.toString(),
            "--config",
            config.toString(),
            "--format",
            "github",
            payload.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("##[add-mask]x"), r.err());
    onlyAnnotations(r.err(), Set.of());
  }

  @Test
  void hostileFileNamesIssueNoCommandAndAnnotationsNameTheRightFile() throws Exception {
    Path schemas = tmp.resolve("schemas");
    FixtureSupport.importFixtures(schemas);
    Path dir = Files.createDirectories(tmp.resolve("p"));
    List<String> names =
        List.of(
            "new\nline.json", "##[set-output name=x]y.json", "::add-mask::z.json", "a,b:c%0A.json");
    for (String n : names) {
      Files.writeString(dir.resolve(n), FIXABLE);
    }
    // Skipped, with a note on standard error: not a payload.
    Files.writeString(dir.resolve("##[add-mask]package.json"), "{\"name\": \"x\"}\n");
    Set<String> files = new java.util.HashSet<>();
    for (String n : names) {
      files.add(dir.resolve(n).toString());
    }

    Result check = github(schemas, "-v", dir);
    assertEquals(1, check.code(), check.err());
    List<String> named = onlyAnnotations(check.out(), files);
    assertEquals(files, Set.copyOf(named), check.out());
    assertEquals(names.size(), named.size(), check.out());
    onlyAnnotations(check.err(), files);
    assertTrue(check.err().contains("skipped"), check.err());

    Result diff = github(schemas, "--diff", dir);
    assertEquals(1, diff.code(), diff.err());
    assertTrue(diff.out().contains("+++ b/"), diff.out());
    onlyAnnotations(diff.out(), files);
    assertEquals(names.size(), onlyAnnotations(diff.err(), files).size(), diff.err());

    Result fix = github(schemas, "--fix", dir);
    assertEquals(0, fix.code(), fix.err());
    assertTrue(fix.out().contains("fixed "), fix.out());
    onlyAnnotations(fix.out(), files);
    onlyAnnotations(fix.err(), files);
  }

  /** check --format github with {@code flag} on {@code dir}. */
  private static Result github(Path schemas, String flag, Path dir) throws Exception {
    return CliRunner.run(
        "check", "--schemas", schemas.toString(), "--format", "github", flag, dir.toString());
  }
}
