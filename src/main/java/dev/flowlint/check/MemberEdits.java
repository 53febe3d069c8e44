package dev.flowlint.check;

import dev.flowlint.model.Fix;
import dev.flowlint.model.Span;
import dev.flowlint.model.TextLines;
import dev.flowlint.payload.JsonValue.JObject;
import dev.flowlint.payload.JsonValue.Member;
import dev.flowlint.payload.Quoting;
import java.util.List;

/** Fixes that rename or remove an object member without disturbing the text around it. */
final class MemberEdits {
  private MemberEdits() {}

  static Fix rename(Member m, String newName) {
    return new Fix(Quoting.quote(newName), "rename to " + newName, m.key().span());
  }

  /** Removes a member with the comma that separates it, keeping the rest of the layout. */
  static Fix remove(TextLines lines, JObject object, Member m, String description) {
    List<Member> members = object.members();
    int i = members.indexOf(m);
    Span span;
    if (i + 1 < members.size()) {
      span = lines.span(m.span().start(), members.get(i + 1).span().start());
    } else if (i > 0) {
      span = lines.span(members.get(i - 1).span().end(), m.span().end());
    } else {
      span = m.span();
    }
    return new Fix("", description, span);
  }
}
