package dev.flowlint.check;

import dev.flowlint.model.TextLines;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.JsonValue.Member;
import dev.flowlint.payload.Quoting;
import dev.flowlint.schema.FlowSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The launch body a shared-flow request aimed at a workflow should have been: flowId, inputData
 * with the right scoped names and the values copied as written, and the correlation id as name.
 */
final class LaunchBody {
  private LaunchBody() {}

  static String suggest(FlowSchema flow, JObject request, TextLines lines) {
    Map<String, String> bare = new LinkedHashMap<>();
    flow.inputs().keySet().forEach(n -> bare.put(FlowSchema.bare(n), n));
    List<String> members = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    request
        .member("inputs")
        .filter(m -> m.value() instanceof JObject)
        .ifPresent(
            m -> {
              for (Member in : ((JObject) m.value()).members()) {
                String scoped = bare.get(in.key().name());
                if (scoped == null) {
                  List<String> c = Suggester.suggest(in.key().name(), bare.keySet());
                  scoped = c.size() == 1 ? bare.get(c.get(0)) : null;
                }
                if (scoped == null) {
                  dropped.add(in.key().name());
                } else {
                  members.add(Quoting.quote(scoped) + ": " + raw(lines, in));
                }
              }
            });
    for (String required : flow.required()) {
      if (members.stream().noneMatch(m -> m.startsWith(Quoting.quote(required) + ":"))) {
        members.add(Quoting.quote(required) + ": \"<" + flow.architectType(required) + ">\"");
      }
    }
    StringBuilder body = new StringBuilder("{\"flowId\": ");
    body.append(Quoting.quote(flow.id().orElse("<id of " + flow.name() + ">")));
    request
        .member("metadata")
        .filter(m -> m.value() instanceof JObject)
        .flatMap(m -> ((JObject) m.value()).member("correlationId"))
        .ifPresent(c -> body.append(", \"name\": ").append(raw(lines, c)));
    body.append(", \"inputData\": {").append(String.join(", ", members)).append("}}");
    if (!dropped.isEmpty()) {
      body.append("  (no input matches ")
          .append(String.join(", ", dropped.stream().map(Quoting::quote).toList()))
          .append(")");
    }
    return body.toString();
  }

  private static String raw(TextLines lines, Member m) {
    return lines.text().substring(m.value().span().start(), m.value().span().end());
  }
}
