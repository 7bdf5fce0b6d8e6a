import type { Flow, Step } from "../../flows/flowTypes";
import { conditionFields, derivedSources } from "./derivedSources";
import type { ProcedureFacts } from "../../flows/procedureFacts";
import { FIELD_PARSERS } from "./fieldParsers";
import { didYouMean, FlowDefinitionError } from "./flowDefinitionError";

/** What a flow may refer to besides its own steps. */
export interface FlowReferences {
  facts: ProcedureFacts | null;
  messageTemplateExists: (name: string) => boolean;
  formTemplateExists: (procedureId: string) => boolean;
}

function computationSources(step: Step): string[] {
  const typeFields =
    step.kind === "ask" && step.typeWhen ? step.typeWhen.flatMap((option) => conditionFields(option.when)) : [];
  return [...derivedSources(step).filter((field) => field !== "unitId"), ...typeFields];
}

/** Where control can go from step `index`: its jump targets, and the next step unless it never falls through. */
function successors(flow: Flow, index: number): string[] {
  const step = flow.steps[index]!;
  const next = flow.steps[index + 1]?.id;
  if (step.kind === "submit") return [];
  if (step.kind === "branch") {
    const targets = step.cases.map((c) => c.goto);
    return step.otherwise ? [...targets, step.otherwise] : next ? [...targets, next] : targets;
  }
  if (step.kind === "choose" && step.goto) {
    const targets = Object.values(step.goto);
    // A step with a condition may be skipped, and then the flow falls through.
    return step.when && next ? [...targets, next] : targets;
  }
  return next ? [next] : [];
}

/**
 * Checks a flow before it may run, so that a mistake fails at start-up with the flow and step
 * named rather than in front of a citizen: duplicate or unknown step ids, jumps backwards
 * (they could loop) or to nowhere, choices without a branch, unreachable steps, unknown field
 * types, computations and conditions on fields no step fills, missing templates, form fields
 * no step covers, identity fields that are not questions, and a flow that does not end in a submit step.
 */
export function validateFlow(flow: Flow, refs: FlowReferences): void {
  const fail = (code: string, step: string | null, detail: string): never => {
    throw new FlowDefinitionError(code, flow.id, step, detail);
  };
  const index = new Map<string, number>();
  flow.steps.forEach((step, i) => {
    if (index.has(step.id)) fail("FLOW_DUPLICATE_STEP", step.id, "two steps have this id; step ids must be unique.");
    index.set(step.id, i);
    if (step.kind === "table") step.columns.forEach((c) => index.has(c.id) || index.set(c.id, i));
  });
  const ids = [...index.keys()];
  const target = (from: Step, to: string) => {
    const at = index.get(to);
    if (at === undefined)
      fail("FLOW_UNKNOWN_TARGET", from.id, `jumps to "${to}", which is not a step.${didYouMean(to, ids)}`);
    if (at! <= index.get(from.id)!)
      fail("FLOW_BACKWARD_JUMP", from.id, `jumps back to "${to}"; jumps must go forward so a flow always ends.`);
  };
  if (flow.steps.length === 0 || flow.steps[flow.steps.length - 1]!.kind !== "submit") {
    fail("FLOW_NO_SUBMIT", null, "the last step must be a submit step.");
  }

  for (const step of flow.steps) {
    for (const field of [...(step.when ? conditionFields(step.when) : []), ...computationSources(step)]) {
      if (!index.has(field))
        fail("FLOW_UNKNOWN_FIELD", step.id, `refers to "${field}", which no step fills.${didYouMean(field, ids)}`);
    }
    const asks = step.kind === "table" ? step.columns : [step];
    for (const ask of asks) {
      if (ask.kind === "ask" && !(ask.type in FIELD_PARSERS)) {
        fail(
          "FLOW_UNKNOWN_FIELD_TYPE",
          ask.id,
          `field type "${ask.type}" has no parser.${didYouMean(ask.type, Object.keys(FIELD_PARSERS))}`,
        );
      }
      if (ask.kind === "choose" && ask.options.length === 0)
        fail("FLOW_CHOICE_EMPTY", ask.id, "a choice needs options.");
    }
    if (step.kind === "choose" && step.goto) {
      for (const option of step.options) {
        if (!(option.value in step.goto))
          fail("FLOW_CHOICE_WITHOUT_BRANCH", step.id, `option "${option.value}" has no branch in goto.`);
      }
      for (const to of Object.values(step.goto)) target(step, to);
    }
    if (step.kind === "branch") {
      for (const c of step.cases) target(step, c.goto);
      if (step.otherwise) target(step, step.otherwise);
    }
    if (step.kind === "info") {
      if (!step.text && !step.template) fail("FLOW_INFO_EMPTY", step.id, "an info step needs a text or a template.");
      if (step.template && !refs.messageTemplateExists(step.template)) {
        fail("FLOW_TEMPLATE_NOT_FOUND", step.id, `no message template "${step.template}" in templates/messages/.`);
      }
    }
  }

  for (const group of flow.identities ?? []) {
    for (const [role, field] of Object.entries(group.fields)) {
      const step = flow.steps[index.get(field) ?? -1];
      const kind = role === "sex" || role === "idType" ? "choose" : "ask";
      if (step?.kind !== kind)
        fail(
          "FLOW_IDENTITY_FIELD",
          null,
          `the ${role} of identity "${group.id}" names "${field}", not a ${kind} step.`,
        );
    }
  }

  const reached = new Set<string>();
  const queue = [flow.steps[0]!.id];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    queue.push(...successors(flow, index.get(id)!));
  }
  for (const step of flow.steps) {
    if (!reached.has(step.id)) fail("FLOW_STEP_UNREACHABLE", step.id, "no path from the first step leads here.");
  }

  if (flow.producesDossier) {
    if (!refs.facts)
      fail("FLOW_PROCEDURE_UNKNOWN", null, "produces a dossier but is not a procedure of procedures.json.");
    for (const field of refs.facts!.form.fields) {
      if (!index.has(field.key)) {
        fail(
          "FLOW_FIELD_NOT_COVERED",
          null,
          `form field "${field.key}" (${field.labelVi}) is neither asked, derived nor skipped by a branch.`,
        );
      }
    }
    if (!refs.formTemplateExists(flow.id))
      fail("FORM_TEMPLATE_NOT_FOUND", null, `no form template templates/forms/${flow.id}.hbs.`);
  }
}
