package dev.flowlint.serve;

import dev.flowlint.check.CheckRun;
import dev.flowlint.check.Skeleton;
import dev.flowlint.check.Target;
import dev.flowlint.io.CanonicalJson;
import dev.flowlint.model.Envelope;
import dev.flowlint.model.Fix;
import dev.flowlint.schema.FlowSchema;
import dev.flowlint.schema.SchemaIndex;
import dev.flowlint.schema.SchemaStore;
import dev.flowlint.schema.SchemaStore.StoreException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What each API endpoint answers (docs/serve.md); HTTP itself is {@link FlowServer}'s business. */
final class Api {
  /** How reports name a pasted payload (check - says {@code <stdin>}). */
  static final String PASTE = "<paste>";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> CHECK_FIELDS = List.of("payload", "flow", "envelope", "fix");
  private static final String ENVELOPES =
      Arrays.stream(Envelope.values()).map(Envelope::id).collect(Collectors.joining(", "));
  private final LiveSchemas schemas;
  private final ReportJson reports;
  private final String version;

  Api(LiveSchemas schemas, String version) {
    this.schemas = schemas;
    this.reports = new ReportJson(version);
    this.version = version;
  }

  /** GET /healthz: the server is up; how many flows it knows, or why it cannot read them now. */
  ObjectNode health() {
    ObjectNode out = NODES.objectNode();
    out.put("status", "ok");
    out.put("version", version);
    try {
      out.put("flows", schemas.engine().store().entries().size());
    } catch (StoreException e) {
      out.put("schemas", e.getMessage());
    }
    return out;
  }

  /** GET /api/flows: every flow and data action in schemas/, with its inputs. */
  ObjectNode flows() throws StoreException {
    SchemaStore store = schemas.engine().store();
    ObjectNode out = NODES.objectNode();
    ArrayNode list = out.putArray("flows");
    for (SchemaIndex.Entry e : store.entries()) {
      FlowSchema f = store.schema(e);
      ObjectNode flow = list.addObject();
      flow.put("name", f.name());
      flow.put("id", f.id().orElse(null));
      flow.put("type", f.type());
      flow.put("scope", f.scope());
      flow.put("envelope", Skeleton.defaultEnvelope(f).id());
      Set<String> required = Skeleton.requiredInputs(f, schemas.config());
      ArrayNode inputs = flow.putArray("inputs");
      for (Map.Entry<String, JsonNode> in : f.inputs().entrySet()) {
        ObjectNode i = inputs.addObject();
        i.put("name", in.getKey());
        i.put("type", typeWord(in.getValue()));
        i.put("required", required.contains(in.getKey()));
        i.put("description", in.getValue().path("description").asString(""));
      }
      ArrayNode outputs = flow.putArray("outputs");
      f.outputs().forEach(outputs::add);
    }
    return out;
  }

  /**
   * Architect's type ({@code StringCollection}) where the schema keeps it, else the JSON Schema
   * type.
   */
  private static String typeWord(JsonNode property) {
    String genesys = property.path("x-genesys-type").asString("");
    if (!genesys.isEmpty()) {
      return genesys;
    }
    JsonNode type = property.path("type");
    if (type.isArray()) {
      return String.join(" or ", type.valueStream().map(t -> t.asString("")).toList());
    }
    return type.asString("");
  }

  /** GET /api/skeleton?flow=NAME[&envelope=ID]: the body {@code flowlint skeleton} prints. */
  ObjectNode skeleton(Map<String, String> query) throws HttpProblem, StoreException {
    String flow = query.getOrDefault("flow", "");
    if (flow.isBlank()) {
      throw new HttpProblem(400, "name the flow: /api/skeleton?flow=NAME");
    }
    Optional<Envelope> envelope = envelope(query.get("envelope"));
    Optional<FlowSchema> schema =
        schemas.engine().store().byNameOrId(flow, Skeleton.reachedBy(envelope));
    if (schema.isEmpty()) {
      throw new HttpProblem(404, "no schema for flow \"" + flow + "\" in schemas/");
    }
    Skeleton.Body body = Skeleton.of(schema.get(), envelope, schemas.config());
    ObjectNode out = NODES.objectNode();
    out.put("flow", body.flow());
    out.put("envelope", body.envelope().id());
    out.put("text", body.text());
    ArrayNode notes = out.putArray("notes");
    body.notes().forEach(notes::add);
    return out;
  }

  /** POST /api/check: the JSON report of check --format json, plus the fixed text when asked. */
  ObjectNode check(byte[] body) throws HttpProblem, StoreException {
    RepeatedKeys.refuse(body);
    JsonNode request;
    try {
      request = CanonicalJson.mapper().readTree(body);
    } catch (JacksonException e) {
      throw new HttpProblem(
          400, "the request body is not JSON (" + plain(e) + "); send {\"payload\": \"...\"}");
    }
    if (request == null || !request.isObject()) {
      throw new HttpProblem(
          400,
          "the request body must be a JSON object: {\"payload\": \"...\", \"flow\": \"...\", \"envelope\": \"...\", \"fix\": false}");
    }
    for (String name : request.propertyNames()) {
      if (!CHECK_FIELDS.contains(name)) {
        throw new HttpProblem(
            400,
            "unknown field \"" + name + "\"; the fields are " + String.join(", ", CHECK_FIELDS));
      }
    }
    JsonNode payload = request.path("payload");
    if (!payload.isString()) {
      throw new HttpProblem(400, "\"payload\" must be a string holding the payload's text");
    }
    Optional<String> flow = optionalString(request, "flow");
    Optional<Envelope> envelope = envelope(optionalString(request, "envelope").orElse(null));
    JsonNode fix = request.path("fix");
    if (!fix.isMissingNode() && !fix.isNull() && !fix.isBoolean()) {
      throw new HttpProblem(400, "\"fix\" must be true or false");
    }
    Target target = new Target(flow, "the request's \"flow\"", envelope);
    CheckRun run = schemas.engine().run();
    if (!fix.asBoolean(false)) {
      return reports.of(run.check(PASTE, payload.asString(), target));
    }
    CheckRun.FixOutcome outcome = run.fix(PASTE, payload.asString(), target);
    ObjectNode out = reports.of(outcome.report());
    ObjectNode fixed = out.putObject("fixed");
    fixed.put("text", outcome.fixed());
    fixed.put("changed", outcome.changed());
    ArrayNode applied = fixed.putArray("applied");
    outcome.applied().stream().map(Fix::description).forEach(applied::add);
    outcome.refused().ifPresent(why -> fixed.put("refused", why));
    return out;
  }

  /**
   * The parser's complaint in plain words with its line and column: Jackson's own message may carry
   * its source description and API names ("start marker at [Source: REDACTED ...").
   */
  private static String plain(JacksonException e) {
    String m = String.valueOf(e.getOriginalMessage());
    if (m.contains("nesting depth")) {
      m = "nested too deeply";
    }
    for (String noise : List.of(" (start marker at", " at [Source", "\n", " (from `")) {
      int cut = m.indexOf(noise);
      if (cut >= 0) {
        m = m.substring(0, cut);
      }
    }
    m = m.replace("`", "").strip();
    TokenStreamLocation at = e.getLocation();
    return at != null && at.getLineNr() > 0
        ? "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + m
        : m;
  }

  private static Optional<String> optionalString(JsonNode request, String name) throws HttpProblem {
    JsonNode v = request.path(name);
    if (v.isMissingNode() || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isString()) {
      throw new HttpProblem(400, "\"" + name + "\" must be a string");
    }
    String s = v.asString().trim();
    return s.isEmpty() || s.equals("detect") ? Optional.empty() : Optional.of(s);
  }

  private static Optional<Envelope> envelope(String id) throws HttpProblem {
    if (id == null || id.isBlank() || id.equals("detect")) {
      return Optional.empty();
    }
    Optional<Envelope> e = Envelope.byId(id);
    if (e.isEmpty()) {
      throw new HttpProblem(400, "unknown envelope \"" + id + "\"; use detect, " + ENVELOPES);
    }
    return e;
  }
}
