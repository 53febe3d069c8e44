package dev.flowlint.source;

import dev.flowlint.io.StrictText;
import java.nio.file.Path;

/**
 * The text of one input file, decoded strictly as UTF-8 ({@link StrictText}, a leading BOM
 * dropped), with the name to show in messages.
 */
public record SourceText(String displayPath, String text) {

  public static SourceText load(Path file, String displayPath) throws SourceException {
    try {
      return of(StrictText.read(file), displayPath);
    } catch (StrictText.Unreadable e) {
      throw located(e, displayPath);
    }
  }

  public static SourceText decode(byte[] bytes, String displayPath) throws SourceException {
    try {
      return of(StrictText.decode(bytes), displayPath);
    } catch (StrictText.Unreadable e) {
      throw located(e, displayPath);
    }
  }

  private static SourceText of(String text, String displayPath) {
    return new SourceText(displayPath, text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  private static SourceException located(StrictText.Unreadable e, String displayPath) {
    return new SourceException(displayPath, e.line(), e.column(), e.getMessage());
  }

  public boolean isBlank() {
    return text.isBlank();
  }
}
