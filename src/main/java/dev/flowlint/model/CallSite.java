package dev.flowlint.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Call Common Module, Call Data Action or Call Bot Flow action inside a flow, with the names it
 * binds. Read from Archy YAML (with the line and column of every key) or from an Architect export
 * (with the action's name, state and tracking id).
 *
 * @param callee the callee's name as written; may hold template placeholders ({@code
 *     {{module_name}}})
 * @param calleeId the callee's id, when the source has one (exports do)
 * @param version {@code latestPublished}, {@code 2} ... when the source names one
 * @param at where the call is: the callee's name key in YAML, the action in an export
 */
public record CallSite(
    Kind kind,
    String callee,
    Optional<String> calleeId,
    Optional<String> version,
    List<Binding> inputs,
    List<Binding> outputs,
    CallLocation at) {

  public CallSite {
    Objects.requireNonNull(callee, "callee");
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  public enum Kind {
    MODULE("common module", "Call Common Module"),
    DATA_ACTION("data action", "Call Data Action"),
    BOT_FLOW("bot flow", "Call Bot Flow");

    private final String noun;
    private final String action;

    Kind(String noun, String action) {
      this.noun = noun;
      this.action = action;
    }

    /** "common module", "data action", "bot flow". */
    public String noun() {
      return noun;
    }

    /** The Architect action's name: "Call Common Module" ... */
    public String action() {
      return action;
    }
  }

  /** How a binding gives its value. */
  public enum ValueKind {
    LIT,
    EXP,
    VAR,
    NO_VALUE
  }

  /**
   * One name bound at the call site.
   *
   * @param literal the literal's text, for {@link ValueKind#LIT} bindings with a scalar literal
   * @param nonScalarLiteral "mapping" or "list" when the literal is one of those, not one value
   * @param valueKeys the value keys written ({@code lit}, {@code exp} ...) when more than one is:
   *     which of them Architect takes is anyone's guess
   */
  public record Binding(
      String name,
      ValueKind value,
      Optional<String> literal,
      CallLocation at,
      Optional<String> nonScalarLiteral,
      List<String> valueKeys) {
    public Binding {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(nonScalarLiteral, "nonScalarLiteral");
      valueKeys = List.copyOf(valueKeys);
    }

    public Binding(String name, ValueKind value, Optional<String> literal, CallLocation at) {
      this(name, value, literal, at, Optional.empty(), List.of());
    }

    /** More than one of lit, exp, var, noValue. */
    public boolean ambiguous() {
      return valueKeys.size() > 1;
    }

    public boolean bound() {
      return value != ValueKind.NO_VALUE;
    }

    /** A key that is itself a template placeholder: its real name is known only when rendered. */
    public boolean placeholder() {
      return name.contains("{{") || name.contains("${");
    }
  }

  /** True when the callee's name is (or holds) a template placeholder. */
  public boolean calleePlaceholder() {
    return callee.contains("{{") || callee.contains("${");
  }
}
