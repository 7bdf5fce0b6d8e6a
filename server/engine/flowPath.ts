import type { Step, Value } from "../../flows/flowTypes";
import type { CompiledFlow } from "./catalogue";
import { evaluateCondition } from "./evaluateCondition";

/** Steps the citizen answers; the others (info, branch, compute, submit) pass by themselves. */
export function isQuestion(step: Step): boolean {
  return (
    step.kind === "ask" ||
    step.kind === "choose" ||
    step.kind === "confirm" ||
    step.kind === "upload" ||
    step.kind === "table" ||
    step.kind === "unit" ||
    step.kind === "review"
  );
}

/** Whether an ask step is answered by copying another field instead of asking. */
export function isCopied(step: Step, answers: Readonly<Record<string, Value>>): boolean {
  return step.kind === "ask" && step.copyWhen !== undefined && evaluateCondition(step.copyWhen.when, answers);
}

/** Where the flow goes after `index`, given the answers: a choice's branch, or the next step. */
export function followingIndex(
  compiled: CompiledFlow,
  index: number,
  answers: Readonly<Record<string, Value>>,
): number {
  const step = compiled.flow.steps[index]!;
  if (step.kind === "choose" && step.goto) {
    const answer = answers[step.id];
    const target = typeof answer === "string" ? step.goto[answer] : undefined;
    if (target !== undefined) return compiled.stepIndex.get(target)!;
  }
  if (step.kind === "branch") {
    const taken = step.cases.find((c) => evaluateCondition(c.when, answers));
    const target = taken?.goto ?? step.otherwise;
    if (target !== undefined) return compiled.stepIndex.get(target)!;
  }
  return index + 1;
}

/** Whether the step applies, given the answers (its `when`). */
export function applies(step: Step, answers: Readonly<Record<string, Value>>): boolean {
  return step.when === undefined || evaluateCondition(step.when, answers);
}

/**
 * The steps the answers so far lead through, from the first step to the submit step: the
 * path taken. A choice not answered yet is assumed to lead straight on. Its questions give
 * the progress total; its fields are the dossier's.
 */
export function pathOf(compiled: CompiledFlow, answers: Readonly<Record<string, Value>>): Step[] {
  const steps = compiled.flow.steps;
  const path: Step[] = [];
  // Validation at load forbids cycles; the bound only guards against a flow that slipped past.
  let guard = steps.length * 2;
  let index = 0;
  while (index < steps.length && guard-- > 0) {
    const step = steps[index]!;
    if (!applies(step, answers)) {
      index += 1;
      continue;
    }
    path.push(step);
    if (step.kind === "submit") break;
    index = followingIndex(compiled, index, answers);
  }
  return path;
}

// Distinct paths are few (one per combination of choices); the bound only keeps a flow with
// free-text routing fields from growing the memo without end.
const PATH_MEMO_LIMIT = 2000;

/** {@link pathOf}, remembered per combination of the routing fields' values. */
export function memoizedPathOf(compiled: CompiledFlow, answers: Readonly<Record<string, Value>>): readonly Step[] {
  let key = "";
  for (const field of compiled.routingFields) {
    const value = answers[field];
    key += `${typeof value === "string" ? `"${value}` : String(value)}\u0001`;
  }
  let path = compiled.pathMemo.get(key);
  if (path === undefined) {
    path = pathOf(compiled, answers);
    if (compiled.pathMemo.size >= PATH_MEMO_LIMIT) compiled.pathMemo.clear();
    compiled.pathMemo.set(key, path);
  }
  return path;
}

/** The step number of `stepId` among the questions of the path taken, and their total. */
export function progressOf(
  path: readonly Step[],
  answers: Readonly<Record<string, Value>>,
  stepId: string | null,
): { step: number; total: number } {
  const questions = path.filter((s) => isQuestion(s) && !isCopied(s, answers));
  const position = questions.findIndex((s) => s.id === stepId);
  const answered = questions.filter((s) => s.id in answers).length;
  return {
    step: position >= 0 ? position + 1 : Math.min(answered + 1, questions.length),
    total: questions.length,
  };
}
