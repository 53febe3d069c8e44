package dev.flowlint.payload;

import dev.flowlint.model.Span;

/** Why a payload is not JSON, in plain words, and where. */
public record SyntaxError(String message, Span span) {}
