package dev.flowlint.payload;

import dev.flowlint.model.TextLines;
import java.util.Optional;

/**
 * A payload as read: its lines, and either its located tree or the syntax error that stopped
 * reading.
 */
public record ParsedPayload(
    TextLines lines, Optional<JsonValue> root, Optional<SyntaxError> error) {}
