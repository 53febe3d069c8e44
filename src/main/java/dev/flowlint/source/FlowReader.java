package dev.flowlint.source;

import dev.flowlint.model.Definition;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads definitions from one kind of file. {@link FlowSources#READERS} lists every reader; the
 * first whose {@link #reads} accepts a file reads it. A new format is one class here and one entry
 * in that list.
 */
public interface FlowReader {

  /**
   * A file as the readers see it.
   *
   * @param json its tree, when the text is JSON (parsed once, for every reader)
   */
  record Input(SourceText source, Optional<JsonNode> json) {
    public String path() {
      return source.displayPath();
    }
  }

  /** Short name of the format, for messages: "Archy YAML", "Architect export" ... */
  String formatName();

  /** Whether this reader reads the file, judged from its name and content. */
  boolean reads(Input file);

  List<? extends Definition> read(Input file) throws SourceException;
}
