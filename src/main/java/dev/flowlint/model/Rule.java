package dev.flowlint.model;

import java.util.Optional;

/** Every rule flowlint checks (DESIGN.md §4); ids are stable. */
public enum Rule {
  UNREADABLE_FILE(
      "unreadable-file",
      Severity.ERROR,
      "The payload file cannot be read (missing, not UTF-8, too large); exit code 2.",
      "Save the payload as UTF-8 text and check the path; flowlint exits 2 because the input cannot be used."),
  INVALID_JSON(
      "invalid-json",
      Severity.ERROR,
      "The payload is not JSON (template placeholders allowed).",
      "Fix the JSON at the reported place; placeholders such as {{ x }} or ${input.x} are allowed where a value goes."),
  UNKNOWN_FLOW(
      "unknown-flow",
      Severity.ERROR,
      "No schema is known for the flow the payload targets.",
      "Name the flow with --flow NAME|ID, give a flowId that is in schemas/index.json, or map the file in flowlint.yaml; import or pull the flow first."),
  UNKNOWN_FIELD(
      "unknown-field",
      Severity.ERROR,
      "A top-level field the envelope does not have (flowType, inputs, metadata in a launch body ...).",
      "POST /api/v2/flows/executions takes only flowId, flowVersion, name and inputData; a shared-flow request takes flowType, inputs and metadata. Remove or rename the field."),
  MISSING_FIELD(
      "missing-field",
      Severity.ERROR,
      "A field the envelope requires is absent (flowId; flowType in shared-flow).",
      "Add the field: flowId (the flow's UUID) to a launch body, \"flowType\": \"shared\" to a shared-flow request."),
  FIELD_TYPE(
      "field-type",
      Severity.ERROR,
      "An envelope field has the wrong type (flowVersion must be a string, flowId a UUID).",
      "flowId is the flow's UUID as a string, flowVersion a string such as \"2.0\", name a string, inputData an object."),
  UNKNOWN_INPUT(
      "unknown-input",
      Severity.ERROR,
      "An input name the flow does not have; Genesys leaves the real input unset. Suggests the closest name.",
      "Use the input's exact, case-sensitive, scoped name as Architect declares it (\"Flow.customer_id\"); Genesys silently leaves a misnamed input unset."),
  NESTED_SCOPE(
      "nested-scope",
      Severity.ERROR,
      "Inputs nested under \"Flow\": {...}; keys must be flat scoped names such as \"Flow.x\".",
      "Write inputs as flat keys with their scope: {\"Flow.x\": 1}, not {\"Flow\": {\"x\": 1}}; nested inputs are accepted and then all left unset."),
  MISSING_REQUIRED_INPUT(
      "missing-required-input",
      Severity.ERROR,
      "A required input of the flow is absent.",
      "Pass the input, or give it an initial value in Architect, or mark it optional in flowlint.yaml (flows.NAME.optional)."),
  INPUT_TYPE(
      "input-type",
      Severity.ERROR,
      "An input value of the wrong JSON type or shape for its Architect type.",
      "Send the JSON type the Architect type needs: String a string, Integer an integer, Decimal a number, Boolean true/false, collections arrays, Json an object, dates and durations ISO-8601 strings."),
  OUTPUT_VARIABLE(
      "output-variable",
      Severity.ERROR,
      "An output-only or internal variable passed as an input; Genesys ignores it.",
      "Only variables marked \"Input to flow\" can be set at launch; mark the variable as an input in Architect or stop sending it."),
  FLOW_TYPE_MISMATCH(
      "flow-type-mismatch",
      Severity.ERROR,
      "The envelope does not fit the flow's type (shared-flow needs a common module; the launch API runs workflows).",
      "Launch workflows with POST /api/v2/flows/executions {flowId, inputData}; call common modules with a shared-flow request whose flowType is \"shared\"."),
  CONTRACT_NOT_FLAT(
      "contract-not-flat",
      Severity.ERROR,
      "A data action input contract that is not a flat object (a property of type object or array).",
      "Genesys data action input contracts are flat objects: give each input a scalar type and build structure in the request template."),
  CONTRACT_PROPERTY_TYPE(
      "contract-property-type",
      Severity.ERROR,
      "A contract property whose type is not string, integer, number, boolean or null.",
      "Give every input property one of the types string, integer, number, boolean or null."),
  CONTRACT_PROPERTY_NAME(
      "contract-property-name",
      Severity.ERROR,
      "A contract property name that does not match ^[a-zA-Z][a-zA-Z0-9_-]*$.",
      "Start the name with a letter and use only letters, digits, '_' and '-'."),
  CONTRACT_RESERVED_NAME(
      "contract-reserved-name",
      Severity.ERROR,
      "A contract property named orgId, integrationId or rawRequest, which Genesys reserves.",
      "Rename the property: orgId, integrationId and rawRequest are reserved (${input.rawRequest} is the whole input)."),
  CONTRACT_REF(
      "contract-ref",
      Severity.ERROR,
      "A $ref in a data action contract, which Genesys does not resolve.",
      "Write the property's schema inline."),
  TEMPLATE_INVALID_JSON(
      "template-invalid-json",
      Severity.ERROR,
      "A request template that does not render to valid JSON.",
      "Render-check the template: quote string inputs and escape them with \"$esc.jsonString(${input.x})\"; keep commas and braces balanced."),
  TEMPLATE_UNESCAPED_INPUT(
      "template-unescaped-input",
      Severity.WARNING,
      "A string input interpolated into JSON without $esc.jsonString.",
      "A value with a quote or backslash breaks the body: write \"$esc.jsonString(${input.x})\"."),
  TEMPLATE_UNKNOWN_INPUT(
      "template-unknown-input",
      Severity.ERROR,
      "A request template uses an input the contract does not declare.",
      "Declare the input in contract.input.inputSchema, or fix the name in the template."),
  TEMPLATE_UNUSED_INPUT(
      "template-unused-input",
      Severity.INFO,
      "A contract input the request template never uses.",
      "Use the input in the template or drop it from the contract."),
  TEMPLATE_NOT_STATIC(
      "template-not-static",
      Severity.WARNING,
      "A request template flowlint cannot check statically (raw JSON members, Velocity directives).",
      "flowlint does not guess: check what the template injects at run time, or write the members out."),
  MISSING_CORRELATION_ID(
      "missing-correlation-id",
      Severity.INFO,
      "A shared-flow request without metadata.correlationId.",
      "Add metadata.correlationId (for example \"{{ guid() }}\") so a request can be traced through the gateway."),
  CALL_UNKNOWN_INPUT(
      "call-unknown-input",
      Severity.ERROR,
      "A Call Common Module, Call Data Action or Call Bot Flow binds an input the callee does not have. Suggests the closest name.",
      "Bind the callee's input by its exact, case-sensitive name (Common.userId, a contract property, Slot.x); a renamed input leaves every caller binding the old name."),
  CALL_MISSING_INPUT(
      "call-missing-input",
      Severity.ERROR,
      "A call site leaves a required input of its common module or data action unbound (noValue counts as unbound).",
      "Bind the input, give it an initial value in the module, or mark it optional in flowlint.yaml (flows.NAME.optional); a data action's required inputs come from its contract."),
  CALL_UNKNOWN_OUTPUT(
      "call-unknown-output",
      Severity.ERROR,
      "A call site binds an output the callee does not return (module outputs, data action success outputs, bot slots).",
      "Bind only outputs the callee declares: a module's output variables, the flattened success contract of a data action (conversation.id), a bot flow's slots."),
  CALL_INPUT_TYPE(
      "call-input-type",
      Severity.ERROR,
      "A literal bound to a callee input cannot be a value of the input's type (a mapping or list is not one value; a number beyond the input's bounds, Architect's Integer range or a double's is not one), or a binding gives more than one of lit, exp, var and noValue.",
      "Write one literal of the input's type, within its bounds (an integer for Integer, a number for Decimal, true/false for Boolean; dates, times and durations as Architect writes them, which flowlint does not judge), or bind an expression; keep one of lit, exp, var and noValue per binding."),
  CALL_INCOMPATIBLE_FLOW_TYPE(
      "call-incompatible-flow-type",
      Severity.ERROR,
      "A common module called from a flow type it does not list as compatible.",
      "Add the calling flow's type to the module's compatible flow types (settingsCommonModule.compatibleFlowTypes) or call another module."),
  CALL_UNKNOWN_CALLEE(
      "call-unknown-callee",
      Severity.INFO,
      "A call site whose callee has no schema (or whose name is a template placeholder, or names several imported flows that it could call: the message lists them), so its bindings are not checked.",
      "Import the callee (flowlint import), or map a placeholder to the callee's name in flowlint.yaml: templates: {common_module_name: \"Resolve Contact\"}."),
  INPUT_CONSTRAINT(
      "input-constraint",
      Severity.ERROR,
      "An input value breaks a schema keyword other than its type: enum, const, pattern, format, length, bounds, item counts.",
      "Send a value the flow's schema allows; if the constraint is wrong, change it in the schema file or in flowlint.yaml (flows.NAME.inputs)."),
  FLOW_VERSION_MISMATCH(
      "flow-version-mismatch",
      Severity.WARNING,
      "A launch body's flowVersion names another version than the one imported.",
      "Launch the version the schema was made from, omit flowVersion to run the latest published one, or import the version you mean."),
  DUPLICATE_KEY(
      "duplicate-key",
      Severity.ERROR,
      "A key repeated in one object; Genesys keeps one of them and nobody can tell which.",
      "Keep one member per key: remove or rename the repeated one."),
  FLOW_ID_MISMATCH(
      "flow-id-mismatch",
      Severity.ERROR,
      "A literal flowId of another flow than the one named by --flow or flowlint.yaml.",
      "Make flowId the id of the flow the payload is for, or name the right flow with --flow or in flowlint.yaml.");

  private final String id;
  private final Severity defaultSeverity;
  private final String summary;
  private final String help;

  Rule(String id, Severity defaultSeverity, String summary, String help) {
    this.id = id;
    this.defaultSeverity = defaultSeverity;
    this.summary = summary;
    this.help = help;
  }

  /** What to do about a finding of this rule. */
  public String help() {
    return help;
  }

  /** {@code unknown-input} → {@code UnknownInput}. */
  public String pascalName() {
    StringBuilder out = new StringBuilder();
    for (String part : id.split("-")) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }

  public String id() {
    return id;
  }

  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  public String summary() {
    return summary;
  }

  public static Optional<Rule> byId(String id) {
    for (Rule r : values()) {
      if (r.id.equals(id)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
