import type { IdentityGroup, Step, Value } from "../../flows/flowTypes";
import type { CardIdentity } from "./cardIdentity";
import { stepOf } from "./catalogue";
import type { Choice, IdentityCardReading } from "./engineIO";
import { advanceFrom, askQuestion, refreshDependents } from "./enterStep";
import { parseAnswer } from "./fieldParsers";
import { reAskCurrent } from "./runCommand";
import { applies } from "./flowPath";
import { askedIdentity, offersCardScan } from "./identityGroups";
import { CARD_UNREAD_TEXTS, IDENTITY_TEXTS } from "./identityTexts";
import { stepLabel } from "./stepLabel";
import type { Turn } from "./turn";

/** The choice value that asks to scan an ID card (the web widget opens its scanner instead of sending it). */
export const SCAN_CHOICE = "identity:scan";
export const CONFIRM_CARD_CHOICE = "identity:confirm";
export const REJECT_CARD_CHOICE = "identity:reject";

/** "Quét CCCD" among a question's choices, where the question is one of a person's identity. */
export function scanChoices(turn: Turn, step: Step): Choice[] {
  const compiled = turn.flow;
  return compiled && offersCardScan(compiled, step, turn.state)
    ? [{ label: turn.text(IDENTITY_TEXTS.scanChoice), value: SCAN_CHOICE }]
    : [];
}

/** "Quét CCCD" sent as a choice (Zalo, the terminal): how to send a photo of the card instead. */
export function explainCardScan(turn: Turn, group: IdentityGroup): void {
  turn.say(turn.text(IDENTITY_TEXTS.sendPhoto, { person: turn.text(group.person) }), { input: { kind: "upload" } });
}

/**
 * An ID card arrived, read by the channel. Read for the person being asked, the card is shown for the
 * citizen to confirm; nothing is filled yet. A card that gave nothing, or that is not this person's (a
 * man's card for the mother), is said plainly and the question asked again.
 */
export function receiveIdentityCard(turn: Turn, reading: IdentityCardReading): void {
  const group = askedIdentity(turn.catalogue, turn.state);
  if (!group) {
    turn.say(turn.text(IDENTITY_TEXTS.notNow));
    if (turn.state.status === "bot" && turn.state.pending === null) reAskCurrent(turn);
    return;
  }
  turn.state.pending = null;
  if (!reading.ok) {
    turn.say(turn.text(CARD_UNREAD_TEXTS[reading.reason]));
    askCurrentAgain(turn);
    return;
  }
  const { identity } = reading;
  const person = turn.text(group.person);
  if (group.sex && identity.sex !== group.sex) {
    turn.say(turn.text(IDENTITY_TEXTS.wrongSex, { sex: sexLabel(turn, identity.sex), person }));
    askCurrentAgain(turn);
    return;
  }
  showCard(turn, group, identity);
}

/** The card read for `group`'s person, shown to the citizen, who alone says whether it is theirs. */
export function showCard(turn: Turn, group: IdentityGroup, identity: CardIdentity): void {
  const person = turn.text(group.person);
  turn.state.pending = { kind: "confirmIdentity", group: group.id, identity };
  const card = turn.text(IDENTITY_TEXTS.cardLine, {
    name: identity.fullName,
    birth: identity.dateOfBirth,
    sex: sexLabel(turn, identity.sex),
    id: identity.idNumber,
    issued: identity.issueDate,
    residence: identity.permanentAddress,
  });
  turn.say(turn.text(IDENTITY_TEXTS.confirmCard, { card, person }), {
    choices: [
      { label: turn.text(IDENTITY_TEXTS.confirmChoice), value: CONFIRM_CARD_CHOICE },
      { label: turn.text(IDENTITY_TEXTS.rejectChoice), value: REJECT_CARD_CHOICE },
    ],
    input: { kind: "choice" },
  });
}

/**
 * The citizen's word on the card shown: confirmed, every question of the person the card answers is
 * filled at once, marked as read from the card, and the flow goes on at the next unanswered question;
 * rejected, nothing is filled and the question is asked again.
 */
export function confirmIdentityCard(turn: Turn, groupId: string, identity: CardIdentity, confirmed: boolean): void {
  turn.state.pending = null;
  const group = turn.flow?.flow.identities?.find((g) => g.id === groupId);
  if (!confirmed || !group) {
    turn.say(turn.text(IDENTITY_TEXTS.rejected));
    askCurrentAgain(turn);
    return;
  }
  const filled = fillIdentity(turn, group, identity);
  const compiled = turn.flow!;
  const labels = [...filled].map((id) => stepLabel(compiled, stepOf(compiled, id), turn.state.locale));
  if (labels.length > 0)
    turn.say(turn.text(IDENTITY_TEXTS.filled, { person: turn.text(group.person), fields: labels.join(", ") }));
  // While a clerk holds the conversation the bot stays silent; the hand-back walks past what is filled.
  if (turn.state.status !== "bot") return;
  const current = turn.state.stepId!;
  turn.state.failedAnswers = 0;
  turn.state.notUnderstood = 0;
  if (filled.has(current)) advanceFrom(turn, current, filled);
  else askCurrentAgain(turn);
}

/** The card's value for each of the person's fields, in the order their checks read each other. */
function cardValues(identity: CardIdentity): [keyof IdentityGroup["fields"], string][] {
  return [
    ["fullName", identity.fullName],
    ["dateOfBirth", identity.dateOfBirth],
    ["sex", identity.sex],
    ["idType", identity.issueDate],
    ["idNumber", identity.idNumber],
    ["issueDate", identity.issueDate],
    ["issuer", identity.issuer],
    ["residence", identity.permanentAddress],
  ];
}

/**
 * Fills the person's questions on the path taken from the card, each through its field's own parser
 * (a value the field would refuse is left to be asked). Returns the fields filled.
 */
function fillIdentity(turn: Turn, group: IdentityGroup, identity: CardIdentity): Set<string> {
  const compiled = turn.flow!;
  const onPath = new Set(turn.path().map((step) => step.id));
  const filled = new Set<string>();
  for (const [role, text] of cardValues(identity)) {
    const field = group.fields[role];
    if (!field || !onPath.has(field)) continue;
    const step = stepOf(compiled, field);
    if (!applies(step, turn.state.answers)) continue;
    const value = role === "idType" ? chipCardOption(step, text) : cardValue(turn, step, text);
    if (value === null) continue;
    turn.setAnswer(field, value, { by: "idCard" });
    refreshDependents(turn, field);
    filled.add(field);
  }
  return filled;
}

function cardValue(turn: Turn, step: Step, text: string): Value {
  if (step.kind === "choose") return step.options.find((o) => o.value === text)?.value ?? null;
  if (step.kind !== "ask") return null;
  const parsed = parseAnswer(text, { today: turn.today, answers: turn.state.answers, step, places: turn.catalogue });
  return parsed.ok ? parsed.value : null;
}

// The ID document types of the forms that a chip card is, by the card's generation: the thẻ Căn cước
// from 1 July 2024 (Luật Căn cước 2023), the chip CCCD before.
const CAN_CUOC_FROM = "2024-07-01";
const CARD_TYPES = {
  canCuoc: ["Thẻ Căn cước", "Căn cước", "Số định danh cá nhân/CCCD"],
  cccd: ["Căn cước công dân", "Số định danh cá nhân/CCCD"],
};

/** The ID type option that names the card read, from its issue date (`dd/mm/yyyy`). */
function chipCardOption(step: Step, issueDate: string): Value {
  if (step.kind !== "choose") return null;
  const [day, month, year] = issueDate.split("/");
  const preferred = `${year}-${month}-${day}` >= CAN_CUOC_FROM ? CARD_TYPES.canCuoc : CARD_TYPES.cccd;
  for (const type of preferred) if (step.options.some((o) => o.value === type)) return type;
  return null;
}

function sexLabel(turn: Turn, sex: "Nam" | "Nữ"): string {
  return turn.state.locale === "vi" ? sex : sex === "Nam" ? "Male" : "Female";
}

function askCurrentAgain(turn: Turn): void {
  const compiled = turn.flow;
  if (compiled && turn.state.stepId !== null && turn.state.status === "bot")
    askQuestion(turn, stepOf(compiled, turn.state.stepId));
}
