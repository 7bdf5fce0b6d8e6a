import { type Answer, answerStep } from "./answerStep";
import { answerPending } from "./answerPending";
import type { Catalogue } from "./catalogue";
import type { Clock } from "./clock";
import { type ConversationState, initialState } from "./conversationState";
import type { SmallTalk } from "../../flows/intentPhrases";
import type { Locale, Localized } from "./localized";
import type { EngineInput, StatusLookupResult, TransitionResult } from "./engineIO";
import { TEXTS } from "./engineTexts";
import { reAskCurrent, runCommand } from "./runCommand";
import { requestClerk } from "./requestClerk";
import { showMenu } from "./showMenu";
import { startFlow } from "./startFlow";
import { STATUS_LOOKUP_FLOW_ID } from "./statusLookupFlowId";
import {
  clerkClose,
  clerkGone,
  clerkHandOver,
  clerkRelease,
  clerkSetField,
  clerkTake,
  clerkTransfer,
} from "./clerkActions";
import { askRating } from "./rating";
import { explainCardScan, receiveIdentityCard, SCAN_CHOICE } from "./identityCard";
import { clerkIdentityCard } from "./clerkIdentityCard";
import { askedIdentity } from "./identityGroups";
import { stepOf } from "./catalogue";
import { askQuestion } from "./enterStep";
import { noClerkAvailable } from "./noClerkAvailable";
import { Turn } from "./turn";
import { type Command, matchCommand } from "./understanding/matchCommand";
import { matchIntent } from "./understanding/matchIntent";
import { normalizeInput } from "./understanding/normalizeInput";

/**
 * The conversation engine: given the catalogue of flows, the state after the last turn, what
 * the citizen (or a service answering an effect) sent, and the time, returns the next state,
 * the replies and the effects to run. Pure: no I/O, no clock or randomness of its own, the
 * input state untouched — the same arguments always give the same result.
 *
 * @example
 * const first = transition(catalogue, initialState(), { kind: "start" }, { now: new Date() });
 * const next = transition(catalogue, first.state, { kind: "text", text: "khai sinh cho con" }, clock);
 */
export function transition(
  catalogue: Catalogue,
  state: ConversationState,
  input: EngineInput,
  clock: Clock,
): TransitionResult<ConversationState> {
  const turn = new Turn(catalogue, state, clock);
  handleInput(turn, input);
  // A refused clerk input changes nothing: the state given is returned as it was.
  if (turn.refused) return { state, replies: [], effects: [], refused: turn.refused };
  return { state: turn.state, replies: turn.replies, effects: turn.effects };
}

function handleInput(turn: Turn, input: EngineInput): void {
  switch (input.kind) {
    case "start":
      return start(turn, input.locale, input.unitId);
    // Answers to effects count only where the flow waits for them: a stray or repeated one
    // must not end a conversation in progress.
    case "dossierSubmitted":
      if (awaitingEffect(turn, true)) dossierSubmitted(turn, input.code, input.dueDate);
      return;
    case "statusResult":
      if (awaitingEffect(turn, false)) statusResult(turn, input.result);
      return;
    case "text":
      return handleAnswer(turn, { kind: "text", text: normalizeInput(input.text) });
    case "choice":
      return handleAnswer(turn, { kind: "choice", value: input.value });
    case "attachment":
      return handleAnswer(turn, { kind: "attachment", attachmentId: input.attachmentId });
    case "identityCard":
      return receiveIdentityCard(turn, input.reading);
    case "clerkTake":
      return clerkTake(turn, input.clerk);
    case "clerkSetField":
      return clerkSetField(turn, input.clerk, input.field, normalizeInput(input.text));
    case "clerkIdentityCard":
      return clerkIdentityCard(turn, input.reading);
    case "clerkRelease":
      return clerkRelease(turn, input.at);
    case "clerkClose":
      return clerkClose(turn);
    case "clerkTransfer":
      return clerkTransfer(turn, input.by, input.unitId);
    case "clerkHandOver":
      return clerkHandOver(turn, input.by, input.to);
    case "clerkGone":
      return clerkGone(turn, input.clerk);
    case "clerkUnavailable":
      return noClerkAvailable(turn, input.why, input.hours);
  }
}

/** Whether the flow stands at its submit step, waiting for the dossier (or the status lookup). */
function awaitingEffect(turn: Turn, dossier: boolean): boolean {
  const flow = turn.flow;
  return (
    turn.state.status === "bot" &&
    flow !== null &&
    flow.flow.producesDossier === dossier &&
    turn.state.stepId === "submit"
  );
}

function freshConversation(turn: Turn): void {
  const { locale, unitId } = turn.state;
  turn.state = initialState(locale, unitId);
}

function start(turn: Turn, locale: Locale | undefined, unitId: string | undefined): void {
  if (locale) turn.state.locale = locale;
  if (unitId && turn.catalogue.units.some((u) => u.id === unitId)) turn.state.unitId = unitId;
  if (turn.state.status === "completed" || turn.state.status === "closed") freshConversation(turn);
  if (turn.state.flowId !== null && turn.state.status === "bot") {
    // Coming back to a conversation in progress: ask where it stopped.
    reAskCurrent(turn);
    return;
  }
  if (turn.state.status !== "bot") return;
  showMenu(turn, TEXTS.welcome, { city: cityName(turn) });
}

/** The city as the citizen's language names it: "Thành phố Hồng Ngự", "Hong Ngu City". */
function cityName(turn: Turn): string {
  const { city } = turn.catalogue;
  return turn.state.locale === "vi" ? `${city.kind} ${city.name}` : city.nameEn;
}

function dossierSubmitted(turn: Turn, code: string, dueDate: string | undefined): void {
  const flow = turn.flow;
  turn.state.dossierCode = code;
  turn.state.status = "completed";
  turn.state.pending = null;
  const submitted = turn.text(TEXTS.submitted, { code, procedure: flow?.flow.name[turn.state.locale] ?? "" });
  turn.say(dueDate ? `${submitted} ${turn.text(TEXTS.dueBy, { date: dueDate })}` : submitted);
  askRating(turn);
}

/** How many times a status lookup that matched nothing asks for the phone again before giving up. */
const STATUS_PHONE_RETRIES = 2;

/** Goes back to one question of the flow, its answer forgotten. */
function askAgain(turn: Turn, stepId: string): void {
  const step = stepOf(turn.flow!, stepId);
  turn.setAnswer(stepId, null, "citizen");
  turn.state.stepId = stepId;
  askQuestion(turn, step);
}

function statusResult(turn: Turn, result: StatusLookupResult): void {
  const { locale } = turn.state;
  if (result.found) {
    const texts = result.statusText;
    const procedure = turn.catalogue.flows.get(result.procedureId)?.flow.name[locale] ?? result.procedureId;
    turn.say(
      turn
        .text(TEXTS.statusFound, {
          code: result.code,
          procedure,
          status: texts ? texts.name[locale] : result.status,
          submitted: result.submittedAt,
          updated: result.updatedAt,
          next: texts ? texts.next[locale] : "",
        })
        .trim() + (result.dueDate ? ` ${turn.text(TEXTS.dueBy, { date: result.dueDate })}` : ""),
    );
  } else if ("refused" in result) {
    turn.say(
      turn.text(result.refused === "locked" ? TEXTS.statusLocked : TEXTS.statusRateLimited, {
        minutes: result.retryMinutes,
      }),
    );
  } else if ((turn.state.lookupMisses ?? 0) < STATUS_PHONE_RETRIES) {
    // Most misses are a phone typed differently from the one in the dossier: ask it again rather than start over.
    turn.state.lookupMisses = (turn.state.lookupMisses ?? 0) + 1;
    turn.say(turn.text(TEXTS.statusPhoneAgain));
    askAgain(turn, "phone");
    return;
  } else {
    turn.say(turn.text(TEXTS.statusNotFound));
  }
  delete turn.state.lookupMisses;
  turn.state.flowId = null;
  turn.state.stepId = null;
  turn.state.answers = {};
  turn.state.sources = {};
  turn.state.history = [];
  showMenu(turn, TEXTS.afterStatus);
}

const CHOICE_COMMANDS: Record<string, Command> = {
  "cmd:human": { kind: "human" },
  "cmd:back": { kind: "back" },
  "cmd:menu": { kind: "menu" },
  "cmd:restart": { kind: "restart" },
  "cmd:cancel": { kind: "cancel" },
  "cmd:help": { kind: "help" },
  "cmd:resume-bot": { kind: "resumeBot" },
};

function commandOf(answer: Answer): Command | null {
  if (answer.kind === "choice") return CHOICE_COMMANDS[answer.value] ?? null;
  if (answer.kind === "text") return matchCommand(answer.text);
  return null;
}

function handleAnswer(turn: Turn, answer: Answer): void {
  if (answer.kind === "text" && answer.text === "") {
    if (turn.state.status === "bot") reAskCurrent(turn);
    return;
  }
  const over = turn.state.status === "completed" || turn.state.status === "closed";
  if (
    over &&
    (turn.state.pending?.kind === "rating" || turn.state.pending?.kind === "ratingComment") &&
    answerPending(turn, answer)
  )
    return;
  if (over) freshConversation(turn);

  const command = commandOf(answer);
  if (turn.state.status === "waiting_clerk" || turn.state.status === "with_clerk") {
    // A value a clerk filled in waits for the citizen's word, even while the clerk holds on.
    const waitingAnswers = [
      "confirmClerkField",
      "confirmIdentity",
      "correctField",
      "noClerkChoice",
      "callbackPhone",
      "counterVisitDate",
    ];
    const confirming =
      turn.state.pending !== null && waitingAnswers.includes(turn.state.pending.kind) && command?.kind !== "resumeBot";
    if (confirming && answerPending(turn, answer)) return;
    if (command?.kind === "resumeBot") runCommand(turn, command);
    else if (turn.state.status === "waiting_clerk") {
      turn.say(turn.text(TEXTS.waitingClerk), {
        choices: [{ label: turn.text(TEXTS.resumeBot), value: "cmd:resume-bot" }],
      });
    }
    return;
  }
  if (command && runCommand(turn, command)) return;
  if (saysMoreThanAMenuChoice(turn, answer)) {
    turn.state.pending = null;
    chooseProcedure(turn, answer);
    return;
  }
  if (turn.state.pending && answerPending(turn, answer)) return;
  if (turn.flow === null || turn.state.stepId === null) {
    chooseProcedure(turn, answer);
    return;
  }
  const scanned = answer.kind === "choice" && answer.value === SCAN_CHOICE && askedIdentity(turn.catalogue, turn.state);
  if (scanned) {
    explainCardScan(turn, scanned);
    return;
  }
  answerStep(turn, answer);
}

/**
 * At the menu, a message read as a status lookup, a person, small talk or another office's
 * business is that, although it holds a procedure's name that would pick it from the menu:
 * "hôm 25 tôi có nộp hồ sơ đăng ký kết hôn, chừng nào lấy được", "đổi tên trong giấy khai sinh".
 */
function saysMoreThanAMenuChoice(turn: Turn, answer: Answer): boolean {
  if (turn.state.pending?.kind !== "chooseProcedure" || answer.kind !== "text") return false;
  const kind = matchIntent(answer.text).kind;
  return kind !== "procedure" && kind !== "none";
}

/** At the menu: a clicked procedure, or a first message that names or describes one. */
function chooseProcedure(turn: Turn, answer: Answer): void {
  const { catalogue } = turn;
  if (answer.kind === "choice" && catalogue.flows.has(answer.value)) {
    startFlow(turn, answer.value);
    return;
  }
  if (answer.kind !== "text") {
    menuNotUnderstood(turn);
    return;
  }
  const intent = matchIntent(answer.text);
  switch (intent.kind) {
    case "procedure": {
      const offered = intent.candidates.map((c) => c.procedureId).filter((id) => catalogue.flows.has(id));
      if (intent.confident && offered[0]) {
        turn.state.notUnderstood = 0;
        startFlow(turn, offered[0]);
        return;
      }
      if (offered.length > 0) {
        turn.state.notUnderstood = 0;
        turn.state.pending = { kind: "chooseProcedure", options: offered };
        turn.say(turn.text(TEXTS.whichProcedure), {
          choices: offered.map((id) => ({ label: catalogue.flows.get(id)!.flow.name[turn.state.locale], value: id })),
        });
        return;
      }
      break;
    }
    case "statusLookup":
      turn.state.notUnderstood = 0;
      if (intent.code) startFlow(turn, STATUS_LOOKUP_FLOW_ID, { receiptCode: intent.code }, "phone");
      else startFlow(turn, STATUS_LOOKUP_FLOW_ID);
      return;
    case "human":
      requestClerk(turn, "asked");
      return;
    // Neither small talk nor another office's business is a misunderstanding: the count that
    // calls a clerk for a stuck citizen is left as it was.
    case "greeting":
      showMenu(turn, SMALL_TALK_ANSWERS[intent.smallTalk], { city: cityName(turn) });
      return;
    case "outOfScope":
      showMenu(turn, TEXTS.outOfScope);
      turn.emit({ type: "relayQuestion" });
      return;
    case "none":
      break;
  }
  menuNotUnderstood(turn);
}

const SMALL_TALK_ANSWERS: Record<SmallTalk, Localized> = {
  hello: TEXTS.greetingHello,
  thanks: TEXTS.greetingThanks,
  goodbye: TEXTS.greetingGoodbye,
  whoAreYou: TEXTS.greetingWhoAreYou,
  kindWords: TEXTS.greetingKindWords,
  okay: TEXTS.greetingOkay,
};

// Two messages in a row that name no procedure: the citizen is stuck at the very start.
const MAX_NOT_UNDERSTOOD_AT_MENU = 2;

function menuNotUnderstood(turn: Turn): void {
  turn.state.notUnderstood += 1;
  if (turn.state.notUnderstood >= MAX_NOT_UNDERSTOOD_AT_MENU) requestClerk(turn, "stuck");
  else showMenu(turn, TEXTS.notUnderstoodMenu);
}
