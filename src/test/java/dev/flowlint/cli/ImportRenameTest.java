package dev.flowlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowlint.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A flow renamed in its source: the next import replaces its schema rather than adding one. */
class ImportRenameTest {
  static final String ID = "6f3c2a8e-1d4b-4c3e-9a7f-2b5d8e9c0a11";

  @TempDir Path tmp;

  static String listing(String name, String input) {
    return """
        {"entities": [{"id": "%s", "name": "%s", "type": "WORKFLOW",
          "inputSchema": {"type": "object", "required": ["%s"],
            "properties": {"%s": {"type": "string"}}}}]}
        """
        .formatted(ID, name, input, input);
  }

  @Test
  void aRenamedFlowReplacesItsOldSchema() throws IOException {
    Path defs = tmp.resolve("flows.json");
    Path out = tmp.resolve("s");
    Files.writeString(defs, listing("Order Lookup", "Flow.customer_id"));
    assertEquals(0, CliRunner.run("import", defs.toString(), "--out", out.toString()).code());
    Files.writeString(defs, listing("Order Search", "Flow.customerId"));
    Result again = CliRunner.run("import", defs.toString(), "--out", out.toString());
    assertEquals(0, again.code(), again.err());

    assertFalse(Files.exists(out.resolve("order-lookup.schema.json")));
    assertFalse(Files.exists(out.resolve("order-lookup.launch.schema.json")));
    String index = Files.readString(out.resolve("index.json"));
    assertFalse(index.contains("Order Lookup"), index);

    Path payload = tmp.resolve("p.json");
    Files.writeString(
        payload, "{\"flowId\": \"" + ID + "\", \"inputData\": {\"Flow.customer_id\": \"c1\"}}\n");
    Result check = CliRunner.run("check", payload.toString(), "--schemas", out.toString());
    assertEquals(1, check.code(), check.out() + check.err());
    assertTrue(check.out().contains("Flow.customer_id"), check.out());

    Result upToDate = CliRunner.run("import", "--check", defs.toString(), "--out", out.toString());
    assertEquals(0, upToDate.code(), upToDate.out() + upToDate.err());
  }

  @Test
  void importCheckSeesTheRenameAsDrift() throws IOException {
    Path defs = tmp.resolve("flows.json");
    Path out = tmp.resolve("s");
    Files.writeString(defs, listing("Order Lookup", "Flow.customer_id"));
    assertEquals(0, CliRunner.run("import", defs.toString(), "--out", out.toString()).code());
    Files.writeString(defs, listing("Order Search", "Flow.customerId"));
    Result r = CliRunner.run("import", "--check", defs.toString(), "--out", out.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("order-lookup.schema.json\n+++ /dev/null"), r.out());
  }

  @Test
  void twoSchemasWithOneIdInAnIndexAreNotSilentlyPickedFrom() throws IOException {
    Path out = tmp.resolve("s");
    Path defs = tmp.resolve("flows.json");
    Files.writeString(defs, listing("Order Search", "Flow.customerId"));
    assertEquals(0, CliRunner.run("import", defs.toString(), "--out", out.toString()).code());
    // An index as the old import left it: the old schema listed first, byId naming the new one.
    Files.writeString(
        out.resolve("order-lookup.schema.json"),
        Files.readString(out.resolve("order-search.schema.json"))
            .replace("Order Search", "Order Lookup")
            .replace("Flow.customerId", "Flow.customer_id"));
    Files.writeString(
        out.resolve("index.json"),
        """
        {"$comment": "Written by flowlint import/pull; maps flows to their schema files.",
         "byId": {"%s": "order-search.schema.json"},
         "byName": {"Order Lookup": "order-lookup.schema.json",
                    "Order Search": "order-search.schema.json"},
         "flows": [
          {"file": "order-lookup.schema.json", "flowId": "%s", "flowName": "Order Lookup",
           "flowType": "workflow"},
          {"file": "order-search.schema.json", "flowId": "%s", "flowName": "Order Search",
           "flowType": "workflow"}]}
        """
            .formatted(ID, ID, ID));
    Path payload = tmp.resolve("p.json");
    Files.writeString(
        payload, "{\"flowId\": \"" + ID + "\", \"inputData\": {\"Flow.customer_id\": \"c1\"}}\n");
    Result check = CliRunner.run("check", payload.toString(), "--schemas", out.toString());
    assertEquals(1, check.code(), check.out() + check.err());
    assertTrue(check.out().contains("Flow.customerId"), check.out());
  }
}
