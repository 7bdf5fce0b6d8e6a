import type { Condition, Step, Value } from "../../flows/flowTypes";
import type { Catalogue, CompiledFlow } from "./catalogue";
import type { ConversationState } from "./conversationState";
import type { Progress } from "./engineIO";
import { evaluateCondition } from "./evaluateCondition";
import { isCopied, isQuestion, memoizedPathOf } from "./flowPath";

type Answers = Readonly<Record<string, Value>>;

/** What the progress of a conversation depends on. */
type ProgressState = Pick<ConversationState, "answers" | "stepId" | "unitId" | "returnToReview">;

/** The progress of the question a conversation stands at, or null outside a flow or with a clerk. */
export function conversationProgress(catalogue: Catalogue, state: ConversationState): Progress | null {
  const compiled = state.flowId ? catalogue.flows.get(state.flowId) : undefined;
  if (!compiled || state.status !== "bot" || state.stepId === null) return null;
  return flowProgress(compiled, memoizedPathOf(compiled, state.answers), state);
}

/**
 * The step number of the current question and the number of questions in all, for the path
 * `path` the answers so far lead through.
 *
 * The total counts the questions already answered and the most questions any way on could still
 * ask, so it never grows as the citizen answers: a choice that opens a branch was counted before
 * it was made, and a branch left aside takes its questions off. "Bước 12/30" then "Bước 13/34"
 * would tell the citizen the end moved away from them. During a round of edits from the review,
 * what is left is the questions still open.
 */
export function flowProgress(compiled: CompiledFlow, path: readonly Step[], state: ProgressState): Progress {
  const unitKnown = state.unitId !== null;
  if (state.returnToReview) return progressWhileEditing(path, state, unitKnown);
  // A path stands for the routing fields' answers (see `memoizedPathOf`), and nothing else here
  // depends on the answers: the progress is remembered with the path, per step.
  let byStep = remembered.get(path);
  if (!byStep) {
    byStep = new Map();
    remembered.set(path, byStep);
  }
  const key = `${unitKnown ? "u" : ""}${state.stepId ?? ""}`;
  let progress = byStep.get(key);
  if (!progress) {
    const { answers, stepId } = state;
    let before = 0;
    for (const step of path) {
      if (step.id === stepId) break;
      if (counts(step, answers, unitKnown)) before += 1;
    }
    const index = stepId === null ? 0 : (compiled.stepIndex.get(stepId) ?? 0);
    const total = Math.max(1, before + mostQuestionsLeft(compiled, answers, index, unitKnown));
    progress = { step: Math.min(before + 1, total), total };
    byStep.set(key, progress);
  }
  return { ...progress };
}

const remembered = new WeakMap<readonly Step[], Map<string, Progress>>();

/** During a round of edits from the review: all the path's questions, of which the open ones are left. */
function progressWhileEditing(path: readonly Step[], state: ProgressState, unitKnown: boolean): Progress {
  const { answers, stepId } = state;
  let total = 0;
  let open = 0;
  let reached = false;
  for (const step of path) {
    if (step.id === stepId) reached = true;
    if (!counts(step, answers, unitKnown)) continue;
    total += 1;
    if (reached && (step.kind === "review" || !(step.id in answers))) open += 1;
  }
  total = Math.max(1, total);
  return { step: Math.max(1, total - Math.max(open, 1) + 1), total };
}

/** Whether a step of the path counts as a question: asked, not copied, not the unit the page already gave. */
function counts(step: Step, answers: Answers, unitKnown: boolean): boolean {
  return isQuestion(step) && !isCopied(step, answers) && !(step.kind === "unit" && unitKnown);
}

/**
 * The most questions the flow can still ask from step `from` on, over every answer the
 * questions ahead could get. A field is known when answered, or when its step lies behind (its
 * answer will not come); the fields ahead are unknown, so a condition on them may go either
 * way. Flows only jump forward (checked at load), so one pass from the end settles it.
 */
function mostQuestionsLeft(compiled: CompiledFlow, answers: Answers, from: number, unitKnown: boolean): number {
  const steps = compiled.flow.steps;
  const known = (field: string): boolean => {
    if (field in answers) return true;
    const at = compiled.stepIndex.get(field);
    return at === undefined || at < from;
  };
  const holds = (condition: Condition): boolean | undefined => maybeHolds(condition, answers, known);
  const longest = new Array<number>(steps.length + 1).fill(0);
  for (let i = steps.length - 1; i >= from; i--) {
    const step = steps[i]!;
    const applies = step.when === undefined ? true : holds(step.when);
    if (applies === false) {
      longest[i] = longest[i + 1]!;
      continue;
    }
    const taken =
      step.kind === "submit" ? 0 : asks(step, holds, unitKnown) + bestNext(compiled, step, i, answers, holds, longest);
    longest[i] = applies === true ? taken : Math.max(taken, longest[i + 1]!);
  }
  return longest[from] ?? 0;
}

/** 1 when the step may be put to the citizen as a question, else 0. */
function asks(step: Step, holds: (c: Condition) => boolean | undefined, unitKnown: boolean): number {
  if (!isQuestion(step)) return 0;
  if (step.kind === "unit" && unitKnown) return 0;
  if (step.kind === "ask" && step.copyWhen && holds(step.copyWhen.when) === true) return 0;
  return 1;
}

/** The longest of the ways on from step `i`: its branch targets, or the next step. */
function bestNext(
  compiled: CompiledFlow,
  step: Step,
  i: number,
  answers: Answers,
  holds: (c: Condition) => boolean | undefined,
  longest: readonly number[],
): number {
  const targets: number[] = [];
  if (step.kind === "choose" && step.goto) {
    const answer = answers[step.id];
    const chosen = typeof answer === "string" ? step.goto[answer] : undefined;
    for (const target of chosen !== undefined ? [chosen] : Object.values(step.goto)) {
      targets.push(compiled.stepIndex.get(target)!);
    }
    if (chosen === undefined && step.id in answers) targets.push(i + 1);
  } else if (step.kind === "branch") {
    let settled = false;
    for (const c of step.cases) {
      const taken = holds(c.when);
      if (taken === false) continue;
      targets.push(compiled.stepIndex.get(c.goto)!);
      if (taken === true) {
        settled = true;
        break;
      }
    }
    if (!settled) targets.push(step.otherwise === undefined ? i + 1 : compiled.stepIndex.get(step.otherwise)!);
  } else {
    targets.push(i + 1);
  }
  return Math.max(...targets.map((t) => longest[t] ?? 0));
}

/** A condition in three values: true, false, or undefined when it depends on a field not known yet. */
function maybeHolds(condition: Condition, answers: Answers, known: (field: string) => boolean): boolean | undefined {
  if ("all" in condition) {
    let result: boolean | undefined = true;
    for (const part of condition.all) {
      const value = maybeHolds(part, answers, known);
      if (value === false) return false;
      if (value === undefined) result = undefined;
    }
    return result;
  }
  if ("any" in condition) {
    let result: boolean | undefined = false;
    for (const part of condition.any) {
      const value = maybeHolds(part, answers, known);
      if (value === true) return true;
      if (value === undefined) result = undefined;
    }
    return result;
  }
  if ("not" in condition) {
    const value = maybeHolds(condition.not, answers, known);
    return value === undefined ? undefined : !value;
  }
  return known(condition.field) ? evaluateCondition(condition, answers) : undefined;
}
