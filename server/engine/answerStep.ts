import type { AskStep, ChooseStep, ConfirmStep, Step, TableStep, Value } from "../../flows/flowTypes";
import { stepOf } from "./catalogue";
import { clarifyChoice } from "./clarifyChoice";
import { copyOtherAnswer } from "./copyOtherAnswer";
import { offerSpelling } from "./offerSpelling";
import { offerFieldsToEdit } from "./editField";
import { advanceFrom, askQuestion, askQuestionOfferingClerk, askTableQuestion } from "./enterStep";
import { TEXTS } from "./engineTexts";
import { withFieldExample } from "./fieldExample";
import { parseAnswer } from "./fieldParsers";
import type { Localized } from "./localized";
import { requestClerk } from "./requestClerk";
import type { Turn } from "./turn";
import { type MatchableOption, matchOption } from "./understanding/matchOption";
import { parseYesNo } from "./understanding/parseYesNo";
import { saysDontKnow } from "./understanding/dontKnow";
import { foldToWords } from "./understanding/foldDiacritics";

/** A citizen's answer as it reaches a step: typed text, a clicked value, or an uploaded file. */
export type Answer =
  { kind: "text"; text: string } | { kind: "choice"; value: string } | { kind: "attachment"; attachmentId: string };

// After this many failed answers to one step, or messages in a row the bot cannot understand,
// a clerk is asked to step in (the citizen is stuck, not careless).
const MAX_FAILED_ANSWERS = 3;
const MAX_NOT_UNDERSTOOD = 2;

const SKIP_WORDS = new Set([
  "bo qua",
  "khong co",
  "ko co",
  "k co",
  "khong",
  "ko",
  "skip",
  "none",
  "no",
  "chua co",
  "khong biet",
]);

function isSkip(answer: Answer): boolean {
  if (answer.kind === "choice") return answer.value === "skip";
  return answer.kind === "text" && SKIP_WORDS.has(foldToWords(answer.text));
}

/** "Bỏ qua" pressed or typed: asking to leave the field empty, which a required field cannot be. */
function asksToSkip(answer: Answer): boolean {
  if (answer.kind === "choice") return answer.value === "skip";
  return answer.kind === "text" && ["bo qua", "skip"].includes(foldToWords(answer.text));
}

function isKeep(answer: Answer): boolean {
  return answer.kind === "choice" && answer.value === "keep";
}

function textOf(answer: Answer): string | null {
  if (answer.kind === "text") return answer.text;
  if (answer.kind === "choice") return answer.value;
  return null;
}

/**
 * A wrong answer: say what is wrong, with one example that fits the field (`field`, the step or
 * the table's column asked), and ask again; or call a clerk on the third.
 */
function failAnswer(turn: Turn, step: Step, message: Localized, field: Step = step): void {
  turn.state.failedAnswers += 1;
  if (turn.state.failedAnswers >= MAX_FAILED_ANSWERS) {
    requestClerk(turn, "stuck");
    return;
  }
  const said = turn.text(message);
  turn.say(field.kind === "ask" ? withFieldExample(turn, said, field) : said);
  reAsk(turn, step);
}

/** "I don't remember" to a required question: say why it is needed, offer a clerk; on the third time, call one. */
function neededAnyway(turn: Turn, step: Step): void {
  turn.state.failedAnswers += 1;
  if (turn.state.failedAnswers >= MAX_FAILED_ANSWERS) {
    requestClerk(turn, "stuck");
    return;
  }
  turn.say(turn.text(TEXTS.neededAnyway));
  askQuestionOfferingClerk(turn, step);
}

/** A message that is no answer at all: show the choices again, or call a clerk on the second. */
export function notUnderstood(turn: Turn, step: Step | null, message: Localized): boolean {
  turn.state.notUnderstood += 1;
  if (turn.state.notUnderstood >= MAX_NOT_UNDERSTOOD) {
    requestClerk(turn, "stuck");
    return true;
  }
  turn.say(turn.text(message));
  if (step) reAsk(turn, step);
  return false;
}

function reAsk(turn: Turn, step: Step): void {
  if (turn.state.table && step.kind === "table") askTableQuestion(turn, step);
  else askQuestion(turn, step);
}

// matchOption prepares each option list once, by identity: keep one list per step and unit set.
const optionLists = new WeakMap<object, MatchableOption<string>[]>();

function optionsOf<K extends object>(key: K, build: (key: K) => MatchableOption<string>[]): MatchableOption<string>[] {
  let list = optionLists.get(key);
  if (!list) {
    list = build(key);
    optionLists.set(key, list);
  }
  return list;
}

function chooseOption(step: ChooseStep, text: string) {
  return matchOption(
    text,
    optionsOf(step, (s) =>
      s.options.map((o) => ({ value: o.value, labels: [o.label.vi, o.label.en, ...(o.synonyms ?? [])] })),
    ),
  );
}

const REVIEW_OPTIONS: MatchableOption<"confirm" | "edit">[] = [
  { value: "confirm", labels: [TEXTS.reviewConfirm.vi, TEXTS.reviewConfirm.en, "nộp", "xác nhận", "submit", "gửi"] },
  { value: "edit", labels: [TEXTS.reviewEdit.vi, TEXTS.reviewEdit.en, "sửa", "chỉnh sửa", "edit", "change"] },
];

/** Understands one answer to a simple question; `undefined` when it said why it could not. */
function understand(
  turn: Turn,
  step: AskStep | ChooseStep | ConfirmStep,
  answer: Answer,
  questionStep: Step,
): { value: Value; warning?: Localized; confirm?: Localized } | undefined {
  if (step.kind !== "confirm" && step.optional && isSkip(answer)) return { value: null };
  if (step.kind !== "confirm" && !step.optional && asksToSkip(answer)) {
    neededAnyway(turn, questionStep);
    return undefined;
  }
  const text = textOf(answer);
  // Not knowing is an answer, never a value: an optional question is skipped; a required one is explained,
  // with a clerk offered.
  if (answer.kind === "text" && text !== null && saysDontKnow(text)) {
    if (step.kind !== "confirm" && step.optional) return { value: null };
    neededAnyway(turn, questionStep);
    return undefined;
  }
  if (text === null) {
    notUnderstood(turn, questionStep, TEXTS.notAChoice);
    return undefined;
  }
  if (step.kind === "confirm") {
    const yesNo =
      answer.kind === "choice" && (answer.value === "yes" || answer.value === "no")
        ? answer.value === "yes"
        : parseYesNo(text);
    const yes = typeof yesNo === "boolean" ? yesNo : yesNo.ok ? yesNo.value : undefined;
    if (yes === undefined) {
      notUnderstood(turn, questionStep, TEXTS.notYesNo);
      return undefined;
    }
    if (!yes && step.mustAgree) {
      failAnswer(turn, questionStep, step.mustAgree);
      return undefined;
    }
    return { value: yes };
  }
  if (step.kind === "choose") {
    const match = chooseOption(step, text);
    if (match.kind === "match") return { value: match.value };
    if (match.kind === "ambiguous") {
      clarifyChoice(turn, step, match.values);
      return undefined;
    }
    notUnderstood(turn, questionStep, TEXTS.notAChoice);
    return undefined;
  }
  const copied = step.kind === "ask" ? copyOtherAnswer(turn, step, text) : null;
  if (copied) {
    turn.say(copied.told);
    return { value: copied.value };
  }
  // A table's column is read with the row asked so far: its ward with its province, its end with its start.
  const answers = turn.state.table ? { ...turn.state.answers, ...turn.state.table.row } : turn.state.answers;
  const result = parseAnswer(text, { today: turn.today, answers, step, places: turn.catalogue });
  if (!result.ok) {
    failAnswer(turn, questionStep, result.message, step);
    return undefined;
  }
  return {
    value: result.value,
    ...(result.warning ? { warning: result.warning.message } : {}),
    ...(result.confirm ? { confirm: result.confirm } : {}),
  };
}

/**
 * Asks before keeping a value: one that contradicts an earlier answer, one read into another form
 * (a lunar date), one typed without diacritics where the spelling matters. True when it asked;
 * the pending question then keeps the value for `pendingStep` (the step, or the table asked).
 */
function askBeforeKeeping(
  turn: Turn,
  field: Step,
  pendingStep: Step,
  understood: { value: Value; warning?: Localized; confirm?: Localized },
  answer: Answer,
): boolean {
  if (understood.warning || understood.confirm) {
    turn.state.pending = { kind: "confirmWarning", stepId: pendingStep.id, value: understood.value };
    const question = understood.confirm
      ? turn.text(understood.confirm)
      : `${turn.text(understood.warning!)} ${turn.text(TEXTS.warningConfirm)}`;
    turn.say(question, {
      choices: [
        { label: turn.text(TEXTS.yes), value: "yes" },
        { label: turn.text(TEXTS.no), value: "no" },
      ],
      input: { kind: "yesNo" },
    });
    return true;
  }
  return field.kind === "ask" && answer.kind === "text" && offerSpelling(turn, field, understood.value, pendingStep);
}

/** Stores an answer to the current step (or the table's column being asked) and moves on. */
export function acceptAnswer(turn: Turn, step: Step, value: Value): void {
  if (step.kind === "table" && turn.state.table) {
    takeTableValue(turn, step, value);
    return;
  }
  turn.setAnswer(step.id, value, "citizen");
  turn.state.failedAnswers = 0;
  advanceFrom(turn, step.id);
}

function answerTable(turn: Turn, step: TableStep, answer: Answer): void {
  const progress = turn.state.table!;
  const rows = [
    ...((turn.state.answers[step.id] as Record<string, string | number | boolean | null>[] | undefined) ?? []),
  ];
  if (progress.askingMore) {
    const text = textOf(answer);
    const yes =
      answer.kind === "choice" && (answer.value === "yes" || answer.value === "no")
        ? answer.value === "yes"
        : text !== null
          ? parseYesNo(text)
          : null;
    const more = typeof yes === "boolean" ? yes : yes?.ok ? yes.value : undefined;
    if (more === undefined) {
      notUnderstood(turn, step, TEXTS.notYesNo);
      return;
    }
    turn.state.notUnderstood = 0;
    if (more && rows.length < step.max) {
      turn.state.table = { ...progress, row: {}, column: 0, askingMore: false };
      askTableQuestion(turn, step);
      return;
    }
    if (more) turn.say(turn.text(TEXTS.tableFull, { item: turn.text(step.itemName) }));
    turn.state.table = null;
    turn.state.failedAnswers = 0;
    advanceFrom(turn, step.id);
    return;
  }
  const column = step.columns[progress.column]!;
  const understood = understand(turn, column, answer, step);
  if (!understood) return;
  turn.state.notUnderstood = 0;
  if (askBeforeKeeping(turn, column, step, understood, answer)) return;
  takeTableValue(turn, step, understood.value);
}

/** Puts a value in the column being asked, then asks the next column, the next row, or moves on. */
function takeTableValue(turn: Turn, step: TableStep, value: Value): void {
  const progress = turn.state.table!;
  const rows = [
    ...((turn.state.answers[step.id] as Record<string, string | number | boolean | null>[] | undefined) ?? []),
  ];
  const column = step.columns[progress.column]!;
  const row = { ...progress.row, [column.id]: value as string | number | boolean | null };
  turn.state.failedAnswers = 0;
  if (progress.column + 1 < step.columns.length) {
    turn.state.table = { ...progress, row, column: progress.column + 1 };
    askTableQuestion(turn, step);
    return;
  }
  rows.push(row);
  turn.setAnswer(step.id, rows, "citizen");
  if (rows.length < step.min) {
    turn.state.table = { ...progress, row: {}, column: 0 };
  } else if (rows.length >= step.max) {
    turn.state.table = null;
    advanceFrom(turn, step.id);
    return;
  } else {
    turn.state.table = { ...progress, row: {}, column: 0, askingMore: true };
  }
  askTableQuestion(turn, step);
}

/** Takes the citizen's answer to the step the flow is at. */
export function answerStep(turn: Turn, answer: Answer): void {
  const compiled = turn.flow!;
  const step = stepOf(compiled, turn.state.stepId!);

  if (isKeep(answer) && step.id in turn.state.answers && step.kind !== "table") {
    turn.state.notUnderstood = 0;
    advanceFrom(turn, step.id);
    return;
  }

  switch (step.kind) {
    case "ask":
    case "choose":
    case "confirm": {
      const understood = understand(turn, step, answer, step);
      if (!understood) return;
      turn.state.notUnderstood = 0;
      if (askBeforeKeeping(turn, step, step, understood, answer)) return;
      acceptAnswer(turn, step, understood.value);
      return;
    }
    case "upload": {
      if (answer.kind === "attachment") {
        turn.state.notUnderstood = 0;
        acceptAnswer(turn, step, answer.attachmentId);
      } else if (step.optional && isSkip(answer)) {
        acceptAnswer(turn, step, null);
      } else {
        notUnderstood(turn, step, TEXTS.uploadHint);
      }
      return;
    }
    case "unit": {
      const text = textOf(answer);
      const match =
        text === null
          ? ({ kind: "none" } as const)
          : matchOption(
              text,
              optionsOf(turn.catalogue.units, (units) =>
                units.map((u) => ({ value: u.id, labels: [u.nameVi, u.nameVi.replace(/^(Phường|Xã) /, "")] })),
              ),
            );
      if (match.kind !== "match") {
        notUnderstood(turn, step, TEXTS.notAChoice);
        return;
      }
      turn.state.notUnderstood = 0;
      turn.state.unitId = match.value;
      turn.state.failedAnswers = 0;
      advanceFrom(turn, step.id);
      return;
    }
    case "table":
      answerTable(turn, step, answer);
      return;
    case "review": {
      const text = textOf(answer);
      const yesNo = text !== null && answer.kind === "text" ? parseYesNo(text) : null;
      const confirmed =
        answer.kind === "choice"
          ? answer.value === "review:confirm"
          : yesNo?.ok
            ? yesNo.value
            : text !== null && chooseReview(text) === "confirm";
      if (confirmed) {
        turn.state.notUnderstood = 0;
        advanceFrom(turn, step.id);
        return;
      }
      if (
        (answer.kind === "choice" && answer.value === "review:edit") ||
        (text !== null && chooseReview(text) === "edit")
      ) {
        turn.state.notUnderstood = 0;
        turn.state.returnToReview = true;
        offerFieldsToEdit(turn, null);
        return;
      }
      notUnderstood(turn, step, TEXTS.notAChoice);
      return;
    }
    case "submit":
      // The dossier is being stored; the receipt code follows as soon as it is.
      turn.say(turn.text(TEXTS.submitting));
      return;
    default:
      throw new Error(`FLOW_STEP_NOT_A_QUESTION: step "${step.id}" of flow "${compiled.flow.id}" takes no answer`);
  }
}

function chooseReview(text: string): "confirm" | "edit" | null {
  const match = matchOption(text, REVIEW_OPTIONS);
  return match.kind === "match" ? match.value : null;
}
