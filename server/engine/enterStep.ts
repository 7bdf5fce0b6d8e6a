import type { ChooseStep, ConfirmStep, AskStep, Step, TableStep, Value } from "../../flows/flowTypes";
import type { Unit } from "../../flows/units";
import type { Locale } from "./localized";

import { computeField } from "./computeField";
import { describeValue } from "./describeValue";
import type { Choice, DossierDraft } from "./engineIO";
import { TEXTS } from "./engineTexts";
import { applies, followingIndex, isCopied, isQuestion } from "./flowPath";
import { renderMessage } from "./renderMessage";
import { requestClerk } from "./requestClerk";
import { reviewText } from "./reviewText";
import { scanChoices } from "./identityCard";
import type { Turn } from "./turn";

/**
 * Walks the flow from `stepId` until a question: conditions skip steps, info steps speak,
 * compute steps fill derived fields, branches jump, the submit step hands the dossier over.
 * Then asks the question. Questions in `answered` that have their answer (filled from an ID card) are
 * passed too.
 */
export function enterStep(turn: Turn, stepId: string, answered?: ReadonlySet<string>): void {
  const compiled = turn.flow!;
  const steps = compiled.flow.steps;
  let index = compiled.stepIndex.get(stepId)!;
  // Validation at load forbids cycles; the bound only protects a turn from a bad flow.
  for (let guard = steps.length * 2; index < steps.length && guard > 0; guard--) {
    const step = steps[index]!;
    const { answers } = turn.state;
    if (!applies(step, answers)) {
      index += 1;
      continue;
    }
    if (step.kind === "info") {
      turn.state.stepId = step.id;
      turn.say(step.template ? renderMessage(step.template, turn) : turn.text(step.text!));
    } else if (step.kind === "handoff") {
      turn.state.stepId = step.id;
      turn.say(turn.text(step.text));
      requestClerk(turn, "required");
      return;
    } else if (step.kind === "compute" || isCopied(step, answers)) {
      refreshDerived(turn, step);
    } else if (step.kind === "unit" && turn.state.unitId !== null) {
      // The channel told us the unit (widget data-unit): nothing to ask.
    } else if (answered?.has(step.id) && step.id in answers) {
      turn.pushHistory(step.id);
    } else if (step.kind === "submit") {
      turn.state.stepId = step.id;
      if (compiled.flow.producesDossier) {
        turn.emit({ type: "submitDossier", draft: dossierDraft(turn) });
      } else {
        turn.emit({ type: "lookupStatus", code: String(answers.receiptCode), phone: String(answers.phone) });
      }
      return;
    } else if (isQuestion(step)) {
      turn.state.stepId = step.id;
      turn.state.failedAnswers = 0;
      askQuestion(turn, step);
      return;
    }
    index = followingIndex(compiled, index, turn.state.answers);
  }
}

/** Recomputes one derived field (a compute step, or an ask step copying another field). */
export function refreshDerived(turn: Turn, step: Step): void {
  const { answers } = turn.state;
  if (step.kind === "compute") {
    turn.setAnswer(
      step.id,
      computeField(step.compute, { answers, unit: turn.unit, city: turn.catalogue.city, today: turn.todayOnForms }),
      "bot",
    );
  } else if (step.kind === "ask" && step.copyWhen) {
    turn.setAnswer(step.id, answers[step.copyWhen.from] ?? null, "bot");
  }
}

/**
 * Brings the derived fields made from `changed` up to date, and those made from them, so that
 * editing the date of birth also changes the date in words, and editing the requester's name
 * changes the mother's name copied from it. Fields not reached yet are derived when the flow
 * gets there.
 */
export function refreshDependents(turn: Turn, changed: string): void {
  const compiled = turn.flow;
  if (!compiled) return;
  const pending = [changed];
  for (let guard = 0; pending.length > 0 && guard < 100; guard++) {
    const field = pending.pop()!;
    for (const step of compiled.dependents.get(field) ?? []) {
      if (!(step.id in turn.state.answers) || !applies(step, turn.state.answers)) continue;
      if (step.kind === "ask" && !isCopied(step, turn.state.answers)) continue;
      const before = turn.state.answers[step.id];
      refreshDerived(turn, step);
      if (turn.state.answers[step.id] !== before) pending.push(step.id);
    }
  }
}

/** A question still to be answered; the review always is. */
function isOpenQuestion(turn: Turn, step: Step): boolean {
  if (!isQuestion(step) || isCopied(step, turn.state.answers)) return false;
  if (step.kind === "review") return true;
  if (step.kind === "unit") return turn.state.unitId === null;
  return !(step.id in turn.state.answers);
}

/**
 * The next step after answering `stepId`: straight on (past the questions of `answered` already
 * answered), or back to the review after an edit.
 */
export function advanceFrom(turn: Turn, stepId: string, answered?: ReadonlySet<string>): void {
  turn.pushHistory(stepId);
  refreshDependents(turn, stepId);
  continuePast(turn, stepId, answered);
}

/**
 * The step after `stepId` (or the review, when editing from it). Also how the flow leaves a
 * handoff step once the clerk hands back or the citizen carries on with the assistant; it is
 * not kept in the history, so "quay lại" does not call the clerk again.
 */
export function continuePast(turn: Turn, stepId: string, answered?: ReadonlySet<string>): void {
  const compiled = turn.flow!;
  // Confirming the review ends any round of edits, however the review was reached.
  if (compiled.flow.steps[compiled.stepIndex.get(stepId)!]!.kind === "review") turn.state.returnToReview = false;
  if (turn.state.returnToReview) {
    const firstOpen = turn.path().find((s) => isOpenQuestion(turn, s));
    if (firstOpen) {
      if (firstOpen.kind === "review") turn.state.returnToReview = false;
      enterStep(turn, firstOpen.id);
      return;
    }
  }
  const index = followingIndex(compiled, compiled.stepIndex.get(stepId)!, turn.state.answers);
  const next = compiled.flow.steps[index];
  if (next) enterStep(turn, next.id, answered);
}

function optionChoices(turn: Turn, step: ChooseStep): Choice[] {
  return step.options.map((o) => ({ label: o.label[turn.state.locale], value: o.value }));
}

function yesNoChoices(turn: Turn): Choice[] {
  return [
    { label: turn.text(TEXTS.yes), value: "yes" },
    { label: turn.text(TEXTS.no), value: "no" },
  ];
}

function keepChoice(turn: Turn, step: Step): Choice[] {
  if (!(step.id in turn.state.answers) || step.kind === "review") return [];
  const current = describeValue(step, turn.state.answers[step.id], turn.state.locale);
  return [
    {
      label: turn.text(TEXTS.keep, { value: current.length > 40 ? `${current.slice(0, 39)}…` : current }),
      value: "keep",
    },
  ];
}

function skipChoice(turn: Turn, step: { optional?: boolean }): Choice[] {
  return step.optional ? [{ label: turn.text(TEXTS.skip), value: "skip" }] : [];
}

/** A ward's or commune's name: "Phường An Thạnh", in English "An Thạnh ward" (the name itself is not translated). */
function unitLabel(unit: Unit, locale: Locale): string {
  if (locale === "vi") return unit.nameVi;
  const name = unit.nameVi.replace(/^(Phường|Xã)\s+/u, "");
  return `${name} ${unit.kind === "xa" ? "commune" : "ward"}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

/** Asks one column of a table row, or whether to add another row. */
export function askTableQuestion(turn: Turn, step: TableStep): void {
  const progress = turn.state.table!;
  const rows = (turn.state.answers[step.id] as Value[] | undefined) ?? [];
  if (progress.askingMore) {
    turn.say(turn.text(TEXTS.tableMore, { item: turn.text(step.itemName) }), {
      choices: yesNoChoices(turn),
      input: { kind: "yesNo" },
    });
    return;
  }
  const column = step.columns[progress.column]!;
  const header =
    progress.column === 0
      ? `${capitalise(turn.text(TEXTS.tableRow, { item: turn.text(step.itemName), n: rows.length + 1 }))} `
      : "";
  askSimple(turn, column, header, []);
}

function askSimple(turn: Turn, step: AskStep | ChooseStep | ConfirmStep, prefix: string, extra: Choice[]): void {
  const question = prefix + turn.text(step.question);
  if (step.kind === "choose") {
    turn.say(question, {
      choices: [...optionChoices(turn, step), ...extra, ...skipChoice(turn, step)],
      input: { kind: "choice" },
    });
  } else if (step.kind === "confirm") {
    turn.say(question, { choices: [...yesNoChoices(turn), ...extra], input: { kind: "yesNo" } });
  } else {
    const hint = step.optional ? ` ${turn.text(TEXTS.skippable)}` : "";
    const { locale } = turn.state;
    const suggestions = (step.suggestions ?? []).map((s) =>
      typeof s === "string" ? { label: s, value: s } : { label: s[locale], value: s.vi },
    );
    turn.say(question + hint, {
      choices: [...extra, ...suggestions, ...skipChoice(turn, step)],
      input: { kind: "text", fieldType: step.type },
    });
  }
}

/** The question again, with "Talk to a clerk" among its choices: for a citizen who has no answer to give. */
export function askQuestionOfferingClerk(turn: Turn, step: Step): void {
  if (step.kind !== "ask" && step.kind !== "choose" && step.kind !== "confirm") return askQuestion(turn, step);
  askSimple(turn, step, "", [...keepChoice(turn, step), { label: turn.text(TEXTS.humanOption), value: "cmd:human" }]);
}

/** Puts the current question to the citizen, with its choices and what kind of answer it expects. */
export function askQuestion(turn: Turn, step: Step): void {
  switch (step.kind) {
    case "ask":
    case "choose":
    case "confirm":
      askSimple(turn, step, "", [...scanChoices(turn, step), ...keepChoice(turn, step)]);
      return;
    case "upload":
      turn.say(`${turn.text(step.question)} ${turn.text(TEXTS.uploadHint)}`, {
        choices: [...keepChoice(turn, step), ...skipChoice(turn, step)],
        input: { kind: "upload" },
      });
      return;
    case "unit":
      turn.say(turn.text(step.question), {
        choices: turn.catalogue.units.map((u) => ({ label: unitLabel(u, turn.state.locale), value: u.id })),
        input: { kind: "choice" },
      });
      return;
    case "table":
      if (turn.state.table?.stepId !== step.id) {
        turn.state.table = { stepId: step.id, row: {}, column: 0, askingMore: false };
        turn.say(turn.text(step.intro));
      }
      askTableQuestion(turn, step);
      return;
    case "review":
      turn.say(reviewText(turn));
      turn.say(turn.text(TEXTS.reviewQuestion), {
        choices: [
          { label: turn.text(TEXTS.reviewConfirm), value: "review:confirm" },
          { label: turn.text(TEXTS.reviewEdit), value: "review:edit" },
        ],
        input: { kind: "choice" },
      });
      return;
    default:
      throw new Error(`FLOW_STEP_NOT_A_QUESTION: step "${step.id}" of flow "${turn.state.flowId}" asks nothing`);
  }
}

/** The answers of the path taken, for the dossier: fields of skipped branches are left out. */
export function dossierDraft(turn: Turn): DossierDraft {
  const compiled = turn.flow!;
  const fields: Record<string, Value> = {};
  const sources: DossierDraft["sources"] = {};
  const attachments: Record<string, string> = {};
  for (const step of turn.path()) {
    if (
      step.kind === "review" ||
      step.kind === "submit" ||
      step.kind === "info" ||
      step.kind === "handoff" ||
      step.kind === "branch"
    )
      continue;
    if (!(step.id in turn.state.answers)) continue;
    const value = turn.state.answers[step.id]!;
    // An upload's field holds its attachment id: the form prints the photo box from it.
    if (step.kind === "upload" && typeof value === "string") attachments[step.id] = value;
    fields[step.id] = value;
    const source = turn.state.sources[step.id];
    if (source) sources[step.id] = source;
  }
  return {
    procedureId: compiled.flow.id,
    unitId: turn.state.unitId,
    fields,
    sources,
    attachments,
    locale: turn.state.locale,
  };
}
