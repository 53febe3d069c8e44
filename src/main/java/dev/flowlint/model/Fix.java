package dev.flowlint.model;

/** Text that replaces a span of the payload to resolve a finding. */
public record Fix(String replacement, String description, Span span) {}
