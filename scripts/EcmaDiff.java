import dev.flowlint.schema.EcmaPatterns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Holds flowlint's reading of ECMA-262 patterns (dev.flowlint.schema.EcmaPatterns) to node's on
 * the cases scripts/ecma-diff.mjs wrote: the same verdict on every value of every pattern both
 * take, and no pattern taken that node refuses (but \- outside a class and a - beside a class
 * escape in one, which only the u flag refuses). A pattern flowlint refuses and node takes is
 * counted, not a failure: flowlint refuses what Java cannot run exactly. Usage: java -cp
 * target/flowlint.jar scripts/EcmaDiff.java CASES
 */
public class EcmaDiff {
  /** A - beside a class escape, which flowlint takes as a - where the u flag refuses it. */
  private static final Pattern LENIENT_DASH =
      Pattern.compile("\\\\[dDwWsSpP](\\{[^}]*\\})?-|-\\\\[dDwWsSpP]");

  public static void main(String[] args) throws Exception {
    JsonNode cases = new ObjectMapper().readTree(Files.readString(Path.of(args[0])));
    int both = 0, refused = 0, bad = 0;
    for (JsonNode c : cases) {
      String pattern = c.get("pattern").asString();
      Pattern p;
      try {
        p = EcmaPatterns.compile(pattern);
      } catch (PatternSyntaxException e) {
        refused += c.get("error").isNull() ? 1 : 0;
        continue;
      }
      if (!c.get("error").isNull()) {
        if (!pattern.replace("[\\-]", "").contains("\\-") && !LENIENT_DASH.matcher(pattern).find()) {
          bad++;
          System.out.println("taken, node refuses: " + pattern + "  (" + c.get("error").asString() + ")");
        }
        continue;
      }
      both++;
      for (int i = 0; i < c.get("values").size(); i++) {
        String v = c.get("values").get(i).asString();
        JsonNode verdict = c.get("verdicts").get(i);
        if (verdict.isString()) {
          continue; // node matched inside a surrogate pair, where the spec never starts
        }
        boolean node = verdict.asBoolean();
        if (p.matcher(v).find() != node) {
          bad++;
          System.out.println("verdict differs: " + pattern + " on " + new ObjectMapper().writeValueAsString(v) + ": node " + node);
        }
      }
    }
    System.out.println("ecma-diff: " + cases.size() + " patterns, " + both + " taken by both, " + refused + " refused by flowlint only, " + bad + " differences");
    System.exit(bad == 0 ? 0 : 1);
  }
}
