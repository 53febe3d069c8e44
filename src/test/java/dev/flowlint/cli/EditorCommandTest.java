package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import dev.flowlint.io.CanonicalJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * flowlint editor vscode: json.schemas entries per payloads mapping, merged without losing the
 * user's settings.
 */
class EditorCommandTest {
  @TempDir Path tmp;

  private Path workspace() throws Exception {
    Path ws = tmp.resolve("ws");
    Files.createDirectories(ws.resolve(".vscode"));
    Files.writeString(
        ws.resolve("flowlint.yaml"),
        String.join(
            "\n",
            "schemas: schemas",
            "payloads:",
            "  - files: \"payloads/orders/*.json\"",
            "    flow: Order Lookup",
            "  - files: \"trigger-*.json\"",
            "    flow: Order Lookup",
            "    envelope: inputs",
            "  - files: \"gateway/*.json\"",
            "    flow: Resolve Customer",
            "  - files: \"templates/*.json.hbs\"",
            "    flow: Order Lookup",
            ""));
    assertEquals(
        0,
        CliRunner.run(
                "import",
                "fixtures/flows/api/divisionviews-page.json",
                "--out",
                ws.resolve("schemas").toString())
            .code());
    return ws;
  }

  /** A mistyped --workspace was created, .vscode and all, and the command said "wrote". */
  @Test
  void aWorkspaceThatDoesNotExistIsNotMade() throws Exception {
    Path ws = workspace();
    Path typo = tmp.resolve("wss");
    Result r =
        CliRunner.run(
            "editor",
            "vscode",
            "--config",
            ws.resolve("flowlint.yaml").toString(),
            "--workspace",
            typo.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("is not a directory"), r.err());
    assertTrue(!Files.exists(typo), "nothing made");
  }

  /** Settings kept elsewhere (a dotfiles repository) and linked in: the link must stay a link. */
  @Test
  void aLinkedSettingsFileStaysALink() throws Exception {
    Path ws = workspace();
    Path real = tmp.resolve("dotfiles/settings.json");
    Files.createDirectories(real.getParent());
    Files.writeString(real, "{\"editor.tabSize\": 2}\n");
    Path settings = Files.createSymbolicLink(ws.resolve(".vscode/settings.json"), real);
    Result r =
        CliRunner.run(
            "editor",
            "vscode",
            "--config",
            ws.resolve("flowlint.yaml").toString(),
            "--workspace",
            ws.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isSymbolicLink(settings), "the link is still a link");
    JsonNode json = CanonicalJson.mapper().readTree(Files.readString(real));
    assertEquals(2, json.path("editor.tabSize").asInt());
    assertEquals(3, json.path("json.schemas").size(), json.toString());
  }

  @Test
  void writesOneEntryPerMappingAndKeepsTheUsersSettings() throws Exception {
    Path ws = workspace();
    Path settings = ws.resolve(".vscode/settings.json");
    Files.writeString(
        settings,
        "{\n  // mine\n  \"editor.tabSize\": 2,\n  \"json.schemas\": [{\"fileMatch\": [\"x.json\"], \"url\": \"https://example.org/x.json\"}],\n}\n");
    Result r =
        CliRunner.run(
            "editor",
            "vscode",
            "--config",
            ws.resolve("flowlint.yaml").toString(),
            "--workspace",
            ws.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(
        "wrote .vscode/settings.json: 3 flowlint json.schemas entries, 1 other entry kept\n",
        r.out());
    assertTrue(
        r.err()
            .contains(
                "skipped templates/*.json.hbs: not JSON files; templates are checked by flowlint check only"),
        r.err());
    assertTrue(r.err().contains("the comments in .vscode/settings.json were not kept"), r.err());
    JsonNode json = CanonicalJson.mapper().readTree(Files.readString(settings));
    assertEquals(2, json.path("editor.tabSize").asInt());
    JsonNode schemas = json.path("json.schemas");
    assertEquals("https://example.org/x.json", schemas.get(0).path("url").asString());
    assertEquals("/payloads/orders/*.json", schemas.get(1).path("fileMatch").get(0).asString());
    assertEquals(
        "./schemas/order-lookup.launch.schema.json", schemas.get(1).path("url").asString());
    assertEquals("trigger-*.json", schemas.get(2).path("fileMatch").get(0).asString());
    assertEquals("./schemas/order-lookup.schema.json", schemas.get(2).path("url").asString());
    assertEquals(
        "./schemas/resolve-customer.launch.schema.json", schemas.get(3).path("url").asString());
    // Running again replaces flowlint's entries rather than adding more.
    String once = Files.readString(settings);
    assertEquals(
        0,
        CliRunner.run(
                "editor",
                "vscode",
                "--config",
                ws.resolve("flowlint.yaml").toString(),
                "--workspace",
                ws.toString())
            .code());
    assertEquals(once, Files.readString(settings));
  }

  @Test
  void anUnreadableSettingsFileIsLeftAloneAndNamed() throws Exception {
    Path ws = workspace();
    Path settings = ws.resolve(".vscode/settings.json");
    Files.writeString(settings, "{\"editor.tabSize\": ");
    Result r =
        CliRunner.run(
            "editor",
            "vscode",
            "--config",
            ws.resolve("flowlint.yaml").toString(),
            "--workspace",
            ws.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains(".vscode/settings.json is not valid JSON"), r.err());
    assertEquals("{\"editor.tabSize\": ", Files.readString(settings));
  }
}
