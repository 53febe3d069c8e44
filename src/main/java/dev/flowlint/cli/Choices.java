package dev.flowlint.cli;

import dev.flowlint.model.Envelope;
import dev.flowlint.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Options whose values are a closed set. Each class is both picocli's converter (the word a user
 * types, case ignored, to the enum; anything else is a usage error listing the words) and its
 * completion candidates (listed in --help and shell completion).
 */
final class Choices {
  private Choices() {}

  /** The words of one enum, in declaration order. */
  abstract static class Words<E> extends ArrayList<String> implements ITypeConverter<E> {
    private final Map<String, E> byWord = new LinkedHashMap<>();

    Words(E[] values, Function<E, String> word) {
      for (E v : values) {
        byWord.put(word.apply(v), v);
      }
      addAll(byWord.keySet());
    }

    @Override
    public E convert(String value) {
      E e = byWord.get(value.toLowerCase(Locale.ROOT));
      if (e == null) {
        throw new TypeConversionException(
            "\"" + value + "\" is not one of " + String.join(", ", this));
      }
      return e;
    }
  }

  static final class Severities extends Words<Severity> {
    Severities() {
      super(Severity.values(), Severity::word);
    }
  }

  static final class Envelopes extends Words<Envelope> {
    Envelopes() {
      super(Envelope.values(), Envelope::id);
    }
  }

  /** When the text report is coloured. */
  enum ColorWhen {
    AUTO,
    ALWAYS,
    NEVER;

    String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static final class ColorWhens extends Words<ColorWhen> {
    ColorWhens() {
      super(ColorWhen.values(), ColorWhen::word);
    }
  }
}
