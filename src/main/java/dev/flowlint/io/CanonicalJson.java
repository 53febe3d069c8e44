package dev.flowlint.io;

import java.io.FilterOutputStream;
import java.io.OutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes JSON the same way every time: keys sorted, two-space indent, LF line ends, a final
 * newline. Generated files then give an empty git diff when nothing changed.
 */
public final class CanonicalJson {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final ObjectWriter PRETTY =
      MAPPER
          .writer()
          .with(
              new DefaultPrettyPrinter(
                      Separators.createDefaultInstance()
                          .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                          .withArrayEmptySeparator("")
                          .withObjectEmptySeparator(""))
                  .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                  .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private static final ObjectWriter PRETTY_SORTED =
      PRETTY.with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);
  private static final ObjectWriter SORTED =
      MAPPER.writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);

  private CanonicalJson() {}

  public static JsonMapper mapper() {
    return MAPPER;
  }

  /**
   * A mapper for definitions read in (API JSON, data action exports, decoded Architect exports): a
   * key written twice in one object is an error, where Jackson otherwise keeps the last silently (a
   * second "required" dropped a flow's required inputs).
   */
  public static JsonMapper strictMapper() {
    return Strict.MAPPER;
  }

  private static final class Strict {
    static final JsonMapper MAPPER =
        JsonMapper.builder()
            .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
  }

  public static String write(JsonNode node) {
    return PRETTY_SORTED.writeValueAsString(node) + "\n";
  }

  /** Pretty JSON keeping the order the keys were put in (reports read top-down). */
  public static String writeOrdered(JsonNode node) {
    return PRETTY.writeValueAsString(node) + "\n";
  }

  /**
   * A generator writing pretty JSON as {@link #writeOrdered} does, for documents written piece by
   * piece (streaming reports). Closing it flushes {@code out} but leaves it open.
   */
  public static JsonGenerator orderedGenerator(OutputStream out) {
    return PRETTY
        .with(new TerminalSafe())
        .createGenerator(
            new FilterOutputStream(out) {
              @Override
              public void write(byte[] b, int off, int len) throws java.io.IOException {
                out.write(b, off, len);
              }

              @Override
              public void close() throws java.io.IOException {
                out.flush();
              }
            });
  }

  /**
   * Escapes for reports, which often go to a terminal: besides what JSON must escape, DEL, C1
   * controls and bidirectional overrides are written as backslash-u escapes (the same JSON value),
   * as the text report shows them. Written raw, a key holding U+202E reordered the terminal's line
   * and U+009B began a control sequence.
   */
  private static final class TerminalSafe extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    TerminalSafe() {
      ascii = CharacterEscapes.standardAsciiEscapesForJSON();
      ascii[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii.clone();
    }

    @Override
    public SerializableString getEscapeSequence(int c) {
      return SafeText.unsafe(c) ? new SerializedString(String.format("\\u%04x", c)) : null;
    }
  }

  /**
   * A copy with every object's keys in sorted order (Jackson writes it sorted; reading it back
   * keeps that order).
   */
  public static JsonNode sorted(JsonNode node) {
    return MAPPER.readTree(SORTED.writeValueAsString(node));
  }
}
