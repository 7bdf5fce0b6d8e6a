import type { Condition, Value } from "../../flows/flowTypes";

/** Whether a flow condition holds for the answers given so far. */
export function evaluateCondition(condition: Condition, answers: Readonly<Record<string, Value>>): boolean {
  if ("all" in condition) return condition.all.every((c) => evaluateCondition(c, answers));
  if ("any" in condition) return condition.any.some((c) => evaluateCondition(c, answers));
  if ("not" in condition) return !evaluateCondition(condition.not, answers);
  const value = answers[condition.field];
  if ("equals" in condition) return value === condition.equals;
  if ("in" in condition) return condition.in.includes(value ?? null);
  const filled = value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0);
  return filled === condition.filled;
}
