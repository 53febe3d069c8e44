package dev.flowlint.serve;

import dev.flowlint.io.CanonicalJson;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * Refuses a request body with a key repeated in one object: a tree keeps only the last, so {@code
 * {"payload": "x", "payload": "y"}} would be checked as "y" with no word said.
 */
final class RepeatedKeys {
  private RepeatedKeys() {}

  /** Malformed JSON passes here: reading it into a tree says what is wrong, and where. */
  static void refuse(byte[] body) throws HttpProblem {
    Deque<Set<String>> objects = new ArrayDeque<>();
    try (JsonParser p = CanonicalJson.mapper().createParser(body)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        switch (t) {
          case START_OBJECT -> objects.push(new HashSet<>());
          case END_OBJECT -> objects.pop();
          case PROPERTY_NAME -> {
            if (!objects.peek().add(p.currentName())) {
              TokenStreamLocation at = p.currentTokenLocation();
              throw new HttpProblem(
                  400,
                  "the key \""
                      + p.currentName()
                      + "\" is repeated in the request body (line "
                      + at.getLineNr()
                      + ", column "
                      + at.getColumnNr()
                      + "); send each field once");
            }
          }
          default -> {}
        }
      }
    } catch (JacksonException e) {
      // not JSON: the caller's tree reading reports it
    }
  }
}
