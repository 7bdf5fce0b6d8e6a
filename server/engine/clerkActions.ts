import type { Step, Value } from "../../flows/flowTypes";
import { stepOf } from "./catalogue";
import { describeValue } from "./describeValue";
import type { ClerkRef } from "./engineIO";
import { TEXTS } from "./engineTexts";
import { continuePast, enterStep, refreshDependents, refreshDerived } from "./enterStep";
import { parseAnswer } from "./fieldParsers";
import { applies, followingIndex, isCopied, isQuestion } from "./flowPath";
import { t } from "./localized";
import { askRating } from "./rating";
import { reAskCurrent } from "./runCommand";
import { stepLabel } from "./stepLabel";
import type { Turn } from "./turn";
import { matchOption } from "./understanding/matchOption";
import { parseYesNo } from "./understanding/parseYesNo";

function refuse(turn: Turn, code: string, vi: string, en: string): void {
  turn.refused = { code, message: t(vi, en) };
}

function holding(turn: Turn): boolean {
  if (turn.state.status === "with_clerk") return true;
  refuse(turn, "CLERK_NOT_HOLDING", "Cán bộ chưa nhận cuộc trò chuyện này.", "No clerk holds this conversation.");
  return false;
}

/** A clerk takes the conversation: the bot falls silent until it is handed back. */
export function clerkTake(turn: Turn, clerk: ClerkRef): void {
  const { state } = turn;
  if (state.status === "completed" || state.status === "closed") {
    refuse(turn, "CLERK_CONVERSATION_OVER", "Cuộc trò chuyện đã kết thúc.", "The conversation is over.");
    return;
  }
  state.status = "with_clerk";
  state.clerk = { ...clerk };
  state.pending = null;
  state.failedAnswers = 0;
  state.notUnderstood = 0;
  turn.say(turn.text(TEXTS.clerkJoined, { name: clerk.name }));
}

/** The citizen's correction of a value the clerk filled: understood like any answer to that step. */
export function understandCorrection(
  turn: Turn,
  step: Step,
  text: string,
): { ok: true; value: Value } | { ok: false; message: { vi: string; en: string } } {
  const understood = understandClerkValue(turn, step, text);
  return understood.ok ? understood : { ok: false, message: { vi: understood.vi, en: understood.en } };
}

/** Understands what the clerk typed for a field, as the citizen's answer would be. */
function understandClerkValue(
  turn: Turn,
  step: Step,
  text: string,
): { ok: true; value: Value } | { ok: false; code: string; vi: string; en: string } {
  if (step.kind === "ask") {
    const result = parseAnswer(text, { today: turn.today, answers: turn.state.answers, step });
    return result.ok
      ? { ok: true, value: result.value }
      : { ok: false, code: result.code, vi: result.message.vi, en: result.message.en };
  }
  if (step.kind === "choose") {
    const match = matchOption(
      text,
      step.options.map((o) => ({ value: o.value, labels: [o.label.vi, o.label.en, ...(o.synonyms ?? [])] })),
    );
    if (match.kind === "match") return { ok: true, value: match.value };
    return {
      ok: false,
      code: "CLERK_CHOICE_UNKNOWN",
      vi: `Chọn một trong: ${step.options.map((o) => o.label.vi).join("; ")}.`,
      en: `Pick one of: ${step.options.map((o) => o.label.en).join("; ")}.`,
    };
  }
  if (step.kind === "confirm") {
    const yes = parseYesNo(text);
    return yes.ok
      ? { ok: true, value: yes.value }
      : { ok: false, code: yes.code, vi: yes.message.vi, en: yes.message.en };
  }
  return {
    ok: false,
    code: "CLERK_FIELD_NOT_EDITABLE",
    vi: "Mục này không điền bằng chữ được.",
    en: "This field cannot be filled in as text.",
  };
}

/**
 * A clerk fills one field of the draft for the citizen. The value goes through the same
 * parser as the citizen's answer, is marked as the clerk's, and the citizen is asked to
 * confirm it ("Cán bộ đã điền … Đúng không?").
 */
export function clerkSetField(turn: Turn, clerk: ClerkRef, field: string, text: string): void {
  if (!holding(turn)) return;
  const compiled = turn.flow;
  const index = compiled?.stepIndex.get(field);
  const step = index === undefined ? undefined : compiled!.flow.steps[index];
  if (!compiled || !step || !isQuestion(step) || step.kind === "review" || step.kind === "unit") {
    refuse(
      turn,
      "CLERK_FIELD_UNKNOWN",
      `Không có mục "${field}" để điền trong thủ tục này.`,
      `There is no field "${field}" to fill in this procedure.`,
    );
    return;
  }
  const understood = understandClerkValue(turn, step, text);
  if (!understood.ok) {
    refuse(turn, understood.code, understood.vi, understood.en);
    return;
  }
  turn.setAnswer(step.id, understood.value, { by: "clerk", clerkId: clerk.id });
  refreshDependents(turn, step.id);
  turn.state.pending = { kind: "confirmClerkField", stepId: step.id };
  const { locale } = turn.state;
  turn.say(
    turn.text(TEXTS.clerkFilled, {
      name: clerk.name,
      label: stepLabel(compiled, step, locale, understood.value),
      value: describeValue(step, understood.value, locale),
    }),
    {
      choices: [
        { label: turn.text(TEXTS.yes), value: "yes" },
        { label: turn.text(TEXTS.no), value: "no" },
      ],
      input: { kind: "yesNo" },
    },
  );
}

/** The clerk hands back to the bot: where the flow stood, at the review, or at a chosen step. */
export function clerkRelease(turn: Turn, at: "current" | "review" | { stepId: string }): void {
  if (!holding(turn)) return;
  const { state } = turn;
  const compiled = turn.flow;
  if (typeof at === "object" && (!compiled || !compiled.stepIndex.has(at.stepId))) {
    refuse(
      turn,
      "CLERK_STEP_UNKNOWN",
      `Không có bước "${at.stepId}" trong thủ tục này.`,
      `There is no step "${at.stepId}" in this procedure.`,
    );
    return;
  }
  state.status = "bot";
  state.clerk = null;
  state.handoff = null;
  state.pending = null;
  turn.say(turn.text(TEXTS.released));
  if (!compiled || state.stepId === null) {
    reAskCurrent(turn);
  } else if (at === "review") {
    state.returnToReview = true;
    enterStep(turn, compiled.flow.steps.find((s) => s.kind === "review")!.id);
  } else if (typeof at === "object") {
    state.returnToReview = true;
    resumeFrom(turn, at.stepId);
  } else {
    const current = stepOf(compiled, state.stepId);
    if (current.kind === "submit") return;
    if (current.kind === "handoff") continuePast(turn, current.id);
    else resumeFrom(turn, state.stepId);
  }
}

/** A question on the path still to be put to the citizen: unanswered, a table being filled row by row, the review. */
function isOpenQuestion(turn: Turn, step: Step): boolean {
  const { answers, table, unitId } = turn.state;
  if (!isQuestion(step) || isCopied(step, answers)) return false;
  if (step.kind === "review" || table?.stepId === step.id) return true;
  return step.kind === "unit" ? unitId === null : !(step.id in answers);
}

/**
 * Takes up a hand-back at `stepId`: walks the flow from there as the citizen's answers would, deriving fields on
 * the way, past the questions already answered — what the clerk has just filled for the citizen is not asked
 * again — to the first one still open, entered from just after the last answer passed (so that what the flow says
 * before it is said). A walk that would reach the submission without a review asks the chosen step instead.
 */
function resumeFrom(turn: Turn, stepId: string): void {
  const compiled = turn.flow!;
  const steps = compiled.flow.steps;
  let index = compiled.stepIndex.get(stepId)!;
  let resumeAt: string | null = null;
  // Validation at load forbids cycles; the bound only protects a turn from a bad flow.
  for (let guard = steps.length * 2; index < steps.length && guard > 0; guard--) {
    const step = steps[index]!;
    const { answers } = turn.state;
    if (applies(step, answers)) {
      if (step.kind === "submit") break;
      if (isOpenQuestion(turn, step) || step.kind === "handoff") {
        enterStep(turn, resumeAt ?? step.id);
        return;
      }
      if (step.kind === "compute" || isCopied(step, answers)) refreshDerived(turn, step);
      if (isQuestion(step)) resumeAt = null;
      else resumeAt ??= step.id;
    }
    index = followingIndex(compiled, index, turn.state.answers);
  }
  enterStep(turn, stepId);
}

/**
 * Who may pass a conversation on: the clerk holding it, or any clerk of the unit while it waits
 * in the queue. A conversation still with the assistant was never asked to reach a clerk, and one
 * that is over has nobody left to help; a clerk holding it is not overruled by a colleague.
 */
function mayPass(turn: Turn, by: ClerkRef): boolean {
  const { state } = turn;
  if (state.status === "waiting_clerk" || (state.status === "with_clerk" && state.clerk?.id === by.id)) return true;
  if (state.status === "with_clerk") {
    const name = state.clerk?.name ?? "";
    refuse(
      turn,
      "CLERK_HELD_BY_OTHER",
      `Cuộc trò chuyện do cán bộ ${name} phụ trách; chỉ người đó chuyển được.`,
      `${name} holds this conversation; only they can pass it on.`,
    );
  } else if (state.status === "completed" || state.status === "closed") {
    refuse(turn, "CLERK_CONVERSATION_OVER", "Cuộc trò chuyện đã kết thúc.", "The conversation is over.");
  } else {
    refuse(
      turn,
      "CLERK_NOT_QUEUED",
      "Công dân đang khai với trợ lý, chưa nhờ cán bộ: chưa chuyển được.",
      "The citizen is still with the assistant and has not asked for a clerk: it cannot be passed on.",
    );
  }
  return false;
}

/**
 * The conversation goes to another unit's queue (the citizen filed with the wrong ward, or
 * the case belongs to another office); the draft goes with it.
 */
export function clerkTransfer(turn: Turn, by: ClerkRef, unitId: string): void {
  const unit = turn.catalogue.units.find((u) => u.id === unitId);
  if (!unit) {
    refuse(turn, "CLERK_UNIT_UNKNOWN", `Không có đơn vị "${unitId}".`, `There is no unit "${unitId}".`);
    return;
  }
  if (!mayPass(turn, by)) return;
  const { state } = turn;
  state.unitId = unit.id;
  state.status = "waiting_clerk";
  state.clerk = null;
  state.handoff = { reason: state.handoff?.reason ?? "asked", since: turn.nowIso };
  refreshDependents(turn, "unitId");
  turn.say(turn.text(TEXTS.transferred, { unit: unit.nameVi }));
}

/**
 * A clerk passes the conversation to a named colleague of the unit (the one who knows the case,
 * or a free one): the colleague holds it at once, from the queue or from the clerk holding it.
 * Who may receive it (signed in, of the unit) is the server's check; the engine moves it.
 */
export function clerkHandOver(turn: Turn, by: ClerkRef, to: ClerkRef): void {
  if (!mayPass(turn, by)) return;
  const { state } = turn;
  state.status = "with_clerk";
  // A value the citizen has yet to confirm stays asked: the colleague sees the answer.
  state.clerk = { ...to };
  turn.say(turn.text(TEXTS.handedOver, { name: to.name }));
}

/**
 * The clerk holding the conversation can no longer answer (their account was disabled): it goes
 * back to its unit's queue, where it keeps its place (the citizen has waited already), and the
 * citizen is told. Refused, changing nothing, once another clerk holds it or it left the queue.
 */
export function clerkGone(turn: Turn, clerk: ClerkRef): void {
  const { state } = turn;
  if (state.status !== "with_clerk" || state.clerk?.id !== clerk.id) {
    refuse(
      turn,
      "CLERK_NOT_HOLDING",
      "Cán bộ này không còn giữ cuộc trò chuyện.",
      "This clerk no longer holds the conversation.",
    );
    return;
  }
  state.status = "waiting_clerk";
  state.clerk = null;
  state.handoff = state.handoff ?? { reason: "asked", since: turn.nowIso };
  turn.say(turn.text(TEXTS.clerkGone, { name: clerk.name }));
}

/** The clerk closes the conversation; the citizen is thanked and asked for a rating. */
export function clerkClose(turn: Turn): void {
  if (!holding(turn)) return;
  turn.state.status = "closed";
  turn.state.clerk = null;
  turn.state.handoff = null;
  turn.state.pending = null;
  turn.say(turn.text(TEXTS.closedByClerk));
  askRating(turn);
}
