package dev.flowlint.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowlint.TestFiles;
import dev.flowlint.io.CanonicalJson;
import dev.flowlint.model.Diagnostic;
import dev.flowlint.model.FileReport;
import dev.flowlint.model.Severity;
import dev.flowlint.schema.FileNames;
import dev.flowlint.schema.FlowSchema;
import dev.flowlint.schema.SchemaStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schemas flowlint writes are the contract any tool can use: python3-jsonschema accepts every
 * one of them (fixtures and corpus), and gives the same valid/invalid verdict as flowlint for every
 * plain-JSON fixture payload, checked against the launch schema (or, for the inputs and data-action
 * envelopes, the inputs schema) of the flow flowlint resolved.
 */
@Order(8) // see junit-platform.properties: the slowest classes start first
class DifferentialVerdictTest {
  @TempDir static Path tmp;

  /** The fixtures' schemas, imported once: both tests only read them. */
  static Path fixtures;

  static SchemaStore store;

  @BeforeAll
  static void pythonJsonschemaIsThere() throws Exception {
    // .ci/run installs python3-jsonschema; a developer machine without it skips, saying why.
    assumeTrue(
        python("-c", "import jsonschema").exitCode == 0,
        "python3 with jsonschema (Debian python3-jsonschema) is needed");
    fixtures = tmp.resolve("fixtures");
    store = FixtureSupport.importFixtures(fixtures);
  }

  @Test
  void pythonJsonschemaAgreesWithFlowlintOnEveryPlainJsonPayload() throws Exception {
    Path dir = fixtures;
    CheckRun run = FixtureSupport.run(store);
    ObjectNode manifest = CanonicalJson.mapper().createObjectNode();
    ArrayNode payloads = manifest.putArray("payloads");
    manifest.putArray("schemas");
    Map<String, Boolean> flowlintValid = new TreeMap<>();
    for (String payload : FixtureSupport.payloads()) {
      String text = Files.readString(Path.of(payload));
      if (!plainJson(text)) {
        continue;
      }
      FileReport report = run.run(List.of(payload), new ByteArrayInputStream(new byte[0])).get(0);
      Optional<Path> schema = schemaFor(store, dir, report);
      if (schema.isEmpty()) {
        continue; // no flow resolved: there is no schema to ask the other validator about
      }
      payloads
          .addObject()
          .put("payload", Path.of(payload).toAbsolutePath().toString())
          .put("schema", schema.get().toString());
      // A repeated key is flowlint's own finding: python's json keeps the last member, so its
      // validator never sees the repetition; the schema verdict is compared without it.
      flowlintValid.put(
          Path.of(payload).toAbsolutePath().toString(),
          report.diagnostics().stream()
              .filter(d -> d.rule() != dev.flowlint.model.Rule.DUPLICATE_KEY)
              .map(Diagnostic::severity)
              .noneMatch(s -> s == Severity.ERROR));
    }
    assertTrue(flowlintValid.size() >= 12, "enough payloads compared: " + flowlintValid.keySet());
    assertTrue(
        flowlintValid.containsValue(true) && flowlintValid.containsValue(false),
        "valid and invalid payloads both compared");
    JsonNode verdicts = verdicts(manifest);
    Map<String, String> disagreements = new TreeMap<>();
    flowlintValid.forEach(
        (payload, valid) -> {
          JsonNode errors = verdicts.path("payloads").path(payload);
          if (valid != errors.isEmpty()) {
            disagreements.put(
                payload,
                "flowlint " + (valid ? "valid" : "invalid") + ", python3-jsonschema " + errors);
          }
        });
    assertEquals(Map.of(), disagreements);
  }

  @Test
  void pythonJsonschemaAcceptsEverySchemaOfTheFixturesAndTheCorpus() throws Exception {
    Path corpus = tmp.resolve("schemas-corpus");
    dev.flowlint.cli.CliRunner.Result r =
        dev.flowlint.cli.CliRunner.run(
            "import",
            "-q",
            "--out",
            corpus.toString(),
            TestFiles.corpus().orElseThrow().toString());
    // 2: the corpus defines one flow two ways (an error since issue 10 item 8); the rest is
    // written.
    assertEquals(2, r.code(), r.err());
    ObjectNode manifest = CanonicalJson.mapper().createObjectNode();
    manifest.putArray("payloads");
    ArrayNode schemas = manifest.putArray("schemas");
    int launch = 0;
    for (Path d : List.of(fixtures, corpus)) {
      try (Stream<Path> files = Files.list(d)) {
        for (Path f :
            files.filter(p -> p.toString().endsWith(FileNames.SUFFIX)).sorted().toList()) {
          schemas.add(f.toString());
          launch += f.toString().endsWith(FileNames.LAUNCH_SUFFIX) ? 1 : 0;
        }
      }
    }
    assertTrue(launch > 100, "launch schemas of the fixtures and the corpus: " + launch);
    JsonNode verdicts = verdicts(manifest);
    Map<String, String> rejected = new TreeMap<>();
    verdicts
        .path("schemas")
        .properties()
        .forEach(
            e -> {
              if (!e.getValue().asString().equals("ok")) {
                rejected.put(e.getKey(), e.getValue().asString());
              }
            });
    assertEquals(schemas.size(), verdicts.path("schemas").size());
    // The one fixture contract that is broken on purpose (contract-property-type: "date") is kept
    // as written.
    assertEquals(
        List.of(fixtures.resolve("bad-contract.schema.json").toString()),
        List.copyOf(rejected.keySet()),
        rejected.toString());
  }

  /** No template placeholder anywhere: the text means the same to every JSON tool. */
  private static boolean plainJson(String text) {
    if (text.contains("{{") || text.contains("${") || text.contains("$!{") || text.contains("<%")) {
      return false;
    }
    try {
      CanonicalJson.mapper().readTree(text);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Optional<Path> schemaFor(SchemaStore store, Path dir, FileReport report)
      throws Exception {
    if (report.flow().isEmpty() || report.envelope().isEmpty()) {
      return Optional.empty();
    }
    FlowSchema flow = store.byName(report.flow().get()).orElseThrow();
    String envelope = report.envelope().get();
    String file =
        envelope.equals("flow-execution") || envelope.equals("shared-flow")
            ? FileNames.launchFileFor(flow.file())
            : flow.file();
    Path p = dir.resolve(file).toAbsolutePath();
    return Files.exists(p) ? Optional.of(p) : Optional.empty();
  }

  private static JsonNode verdicts(ObjectNode manifest) throws Exception {
    Path file = Files.createTempFile(tmp, "manifest", ".json");
    Files.writeString(file, CanonicalJson.write(manifest));
    Result r = python(Path.of("src/test/python/verdicts.py").toString(), file.toString());
    assertEquals(0, r.exitCode, r.err);
    return CanonicalJson.mapper().readTree(r.out);
  }

  private record Result(int exitCode, String out, String err) {}

  private static Result python(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("python3");
    command.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p;
    try {
      p =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
    } catch (IOException e) {
      return new Result(127, "", "no python3: " + e.getMessage());
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(124, "", "python3 did not finish");
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
