import type { Condition, Step } from "../../flows/flowTypes";

/** The fields a condition reads. */
export function conditionFields(condition: Condition): string[] {
  if ("all" in condition) return condition.all.flatMap(conditionFields);
  if ("any" in condition) return condition.any.flatMap(conditionFields);
  if ("not" in condition) return conditionFields(condition.not);
  return [condition.field];
}

/**
 * The fields a derived value is made from: a compute step's inputs (the unit for the
 * addressee and the signing place), or what an ask step copies and the condition it copies
 * on. When one of them changes, the derived value is computed again.
 */
export function derivedSources(step: Step): string[] {
  if (step.kind === "ask" && step.copyWhen) return [step.copyWhen.from, ...conditionFields(step.copyWhen.when)];
  if (step.kind !== "compute") return [];
  const computation = step.compute;
  switch (computation.fn) {
    case "addressee":
    case "signingPlace":
      return ["unitId"];
    case "today":
    case "constant":
      return [];
    case "concat":
      return [...computation.from];
    default:
      return [computation.from];
  }
}
