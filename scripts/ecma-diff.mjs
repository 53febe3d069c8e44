// Generates ECMA-262 patterns and values, and node's verdicts on them (new RegExp(p, "u").test(v),
// as ajv runs a JSON Schema pattern); scripts/EcmaDiff.java holds flowlint's to them.
// Usage: node scripts/ecma-diff.mjs COUNT SEED OUT.json
import { writeFileSync } from "node:fs";

const [count, seed, outFile] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4]];
let state = seed >>> 0 || 1;
const rnd = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = (xs) => xs[int(0, xs.length - 1)];

const atoms = [
  "a", "b", "é", ".", "\\d", "\\D", "\\w", "\\W", "\\s", "\\S", "\\b", "\\B", "[^]", "[]", "[a-c]",
  "[^a]", "[\\s\\d]", "[^\\S]", "[\\W\\d]", "\\cJ", "\\cj", "\\v", "\\t", "\\n", "\\u00e9",
  "\\u{1F600}", "\\x41", "\\p{L}", "\\P{L}", "\\p{Lu}", "\\p{Nd}", "\\p{digit}", "\\p{Script=Greek}",
  "\\p{White_Space}", "\\p{Any}", "\\p{ASCII}", "\\/", "\\.", "\\$", "\\^", "[\\b]", "[-a]", "[a-]",
  "[\\-]", "😀", "\u0085", "\u2028", "\\0", "[\\u{1F600}-\\u{1F64F}]", "[&&]", "\\p{Hex_Digit}",
  "\\p{Alphabetic}", "\\p{Lowercase}", "\\p{gc=Ll}", "[\\p{L}\\d]", "[^\\p{L}\\d]", "^", "$",
  // negated classes and surrogates, empty sets, Java's class syntax as plain characters, and
  // empty groups (a repeated group that may match nothing found a difference this way)
  "[^\\d\\s]", "[^\\W]", "[\\D\\S]", "[^😀-😂]", "[\\uD83D-\\uDBFF]", "[^\\uDC00-\\uDFFF]", "\\uD83D",
  "\\uDE00", "[\\0-\\x1F]", "[^\\x00-\\uFFFF]", "\\p{Cs}", "[^\\p{Cs}]", "\\P{Any}", "[\\P{Any}]",
  "[^\\P{Any}]", "\\p{Zs}", "\\p{Lt}", "\\p{sc=Latn}", "[^\\p{Lu}\\P{L}]", "(?:)", "()", "(a|)",
  "[\\uD83D\\uDE00-\\uD83D\\uDE02]", "[^\\s\\S]", "[^.]", "[.]", "[\\^a]", "[a^]", "[\\]]", "\\]", "\\}",
  "\\{", "\\|", "[|]", "[(]", "[--0]", "[a-c-e]",
];
const quantifiers = ["", "", "", "*", "+", "?", "{2}", "{1,2}", "{0,3}", "{1,}", "*?", "+?", "??"];
const groups = ["(", "(?:", "(?=", "(?!", "(?<=", "(?<!", "(?<g>"];

function expr(depth) {
  let out = "";
  for (let n = int(1, 4); n > 0; n--) {
    if (depth < 3 && rnd() < 0.2) {
      let open = pick(groups);
      if (open === "(?<g>") open = `(?<g${int(0, 1e6)}>`;
      let inner = expr(depth + 1);
      if (rnd() < 0.3) inner += "|" + expr(depth + 1);
      const look = open.startsWith("(?=") || open.startsWith("(?!") || open.startsWith("(?<=") || open.startsWith("(?<!");
      out += open + inner + ")" + (look ? "" : pick(quantifiers));
    } else {
      const atom = pick(atoms);
      out += atom + (atom === "^" || atom === "$" || atom === "\\b" || atom === "\\B" ? "" : pick(quantifiers));
    }
  }
  return out;
}

const chars = ["a", "b", "A", "é", "1", "٣", " ", "\u00a0", "\n", "\r", "\u2028", "\u0085", "😀",
  "-", "_", ".", "$", "\t", "\u000b", "α", "\ufeff", "\u0008", "\ud800",
  "\ud83d", "\ude00", "😁", "😂", "\u0000", "\u001f", "\uffff", "Z", "0", "ǅ", "^", "]", "{", "|", "("];
const cases = [];
for (let i = 0; i < count; i++) {
  const pattern = expr(0);
  const values = Array.from({ length: 8 }, () => Array.from({ length: int(0, 7) }, () => pick(chars)).join(""));
  let re = null;
  let error = null;
  try {
    re = new RegExp(pattern, "u");
  } catch (e) {
    error = String(e.message);
  }
  // V8 sometimes reports a match that starts inside a surrogate pair, a place the spec never
  // tries with the u flag (AdvanceStringIndex steps by code points): such a verdict is marked.
  const midPair = (v, m) =>
    m !== null && m.index > 0 && /[\ud800-\udbff]/.test(v[m.index - 1]) && /[\udc00-\udfff]/.test(v[m.index]);
  const verdicts = re ? values.map((v) => re.exec(v)).map((m, k) => (midPair(values[k], m) ? "mid-pair" : m !== null)) : null;
  cases.push({ pattern, values, error, verdicts });
}
writeFileSync(outFile, JSON.stringify(cases));
