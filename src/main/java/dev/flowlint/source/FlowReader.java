package dev.flowlint.source;

import dev.flowlint.model.FlowDefinition;
import java.util.List;

/** Reads flow definitions from one kind of file. */
public interface FlowReader {

  /** Short name of the format, for messages: "Archy YAML", "Architect export" ... */
  String formatName();

  List<FlowDefinition> read(SourceText source) throws SourceException;
}
