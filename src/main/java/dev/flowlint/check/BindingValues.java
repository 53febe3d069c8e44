package dev.flowlint.check;

import dev.flowlint.model.CallLocation;
import dev.flowlint.model.CallSite;
import dev.flowlint.model.CallSite.Binding;
import dev.flowlint.model.Rule;
import dev.flowlint.model.Span;
import dev.flowlint.payload.Quoting;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Bindings that do not give one value: a literal that is a mapping or a list where the input takes
 * one scalar, and a binding that writes more than one of lit, exp, var and noValue (which of them
 * Architect takes is not documented). Both are call-input-type: the value bound is not one of the
 * input's type.
 */
final class BindingValues {
  private BindingValues() {}

  /** Every binding of the call, inputs and outputs, known to the callee or not. */
  static void ambiguous(CallSite call, Findings findings) {
    for (Binding b : Stream.concat(call.inputs().stream(), call.outputs().stream()).toList()) {
      if (b.ambiguous()) {
        add(
            findings,
            b.at(),
            "the binding of "
                + Quoting.quote(b.name())
                + " in this call of "
                + call.kind().noun()
                + " "
                + Quoting.quote(call.callee())
                + " gives both "
                + String.join(" and ", b.valueKeys())
                + "; which one Architect takes is anyone's guess"
                + CallSiteChecker.where(b.at()),
            "keep one of lit, exp, var and noValue in each binding");
      }
    }
  }

  /** A mapping or list literal bound to an input of a scalar type flowlint knows. */
  static void nonScalar(
      CallSite call, String callee, Binding b, JsonNode inputSchema, Findings findings) {
    Optional<String> type = LiteralFit.scalarType(inputSchema);
    if (b.value() != CallSite.ValueKind.LIT || b.nonScalarLiteral().isEmpty() || type.isEmpty()) {
      return; // a Duration's literal is a mapping in Archy ({seconds: 5}): other types are left
    }
    add(
        findings,
        b.at(),
        "the literal bound to "
            + Quoting.quote(b.name())
            + " of "
            + call.kind().noun()
            + " "
            + Quoting.quote(callee)
            + " is a "
            + b.nonScalarLiteral().get()
            + ", not one "
            + type.get()
            + CallSiteChecker.where(b.at()),
        "a literal is one value: write lit: followed by a single "
            + type.get()
            + ", or bind an expression (exp:)");
  }

  private static void add(Findings findings, CallLocation at, String message, String help) {
    Span span = at instanceof CallLocation.YamlKey k ? k.span() : Span.NONE;
    findings.add(Rule.CALL_INPUT_TYPE, message, at.pointer(), span, help);
  }
}
