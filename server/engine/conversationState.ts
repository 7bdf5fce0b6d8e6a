import type { Value } from "../../flows/flowTypes";
import type { CardIdentity } from "./cardIdentity";
import type { Locale } from "./localized";

export const CONVERSATION_STATUSES = ["bot", "waiting_clerk", "with_clerk", "completed", "closed"] as const;
/** Who the conversation is with: the bot, a queue, a clerk; or over. */
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** Why a conversation went to the clerks: the citizen asked, got stuck, or the flow requires one. */
export type HandoffReason = "asked" | "stuck" | "required";

/** Who gave a field's value; `idCard`: read from the QR code of an ID card the citizen confirmed. */
export type FieldSource = { by: "citizen" } | { by: "bot" } | { by: "clerk"; clerkId: string } | { by: "idCard" };

/** A question the engine asked outside the flow's own steps, waiting for its answer. */
export type Pending =
  /** The answer parsed but contradicts earlier answers (a CCCD's sex digit): keep it? */
  | { kind: "confirmWarning"; stepId: string; value: Value; rowColumn?: string }
  /**
   * A name typed without (some of) its diacritics: which spelling is right? `options` are the likeliest
   * spellings, best first; `typed` is the name as the citizen typed it (kept if they say so).
   */
  | { kind: "chooseSpelling"; stepId: string; options: string[]; typed: string }
  /** Several procedures fit the citizen's first message: which one? */
  | { kind: "chooseProcedure"; options: string[] }
  /** "sửa …" named several fields, or the review's "change something": which one? */
  | { kind: "chooseField"; options: string[] }
  /** Restart or cancel lose the answers: sure? */
  | { kind: "confirmRestart" }
  | { kind: "confirmCancel" }
  /**
   * An ID card's QR code was read while a person's identity was asked (`group`, one of the flow's
   * `identities`): is it the right person's card? Confirmed, its fields fill the person's questions.
   */
  | { kind: "confirmIdentity"; group: string; identity: CardIdentity }
  /** A clerk filled a field for the citizen: is it right? */
  | { kind: "confirmClerkField"; stepId: string }
  /** The citizen said the clerk's value is wrong: the next message is the right one. */
  | { kind: "correctField"; stepId: string }
  /** No clerk now: call back, counter visit, or the assistant? */
  | { kind: "noClerkChoice" }
  /** The phone number for the call back. */
  | { kind: "callbackPhone" }
  /** The day of the counter visit. */
  | { kind: "counterVisitDate" }
  /** After the dossier or the conversation is over: a rating from 1 to 5, or skip. */
  | { kind: "rating" }
  /** The rating is given: an optional comment, or skip. */
  | { kind: "ratingComment" };

/** Progress through a table step (household members, business lines…). */
export interface TableProgress {
  stepId: string;
  /** The row being filled, column by column. */
  row: Record<string, string | number | boolean | null>;
  column: number;
  /** True while asking "add another row?". */
  askingMore: boolean;
}

export const STATE_VERSION = 1;

/**
 * Everything the engine knows about one conversation between two turns. Plain JSON with a
 * schema version: it is stored after every turn and restored before the next, on any node.
 */
export interface ConversationState {
  version: typeof STATE_VERSION;
  status: ConversationStatus;
  locale: Locale;
  /** The ward/commune the citizen files with, when known (from the channel or asked). */
  unitId: string | null;
  /** The running flow: a procedure id or `tra-cuu-ho-so`; null at the menu. */
  flowId: string | null;
  stepId: string | null;
  answers: Record<string, Value>;
  sources: Record<string, FieldSource>;
  /** Steps answered in this flow, in order, for "quay lại". */
  history: string[];
  /** After an edit from the review, the flow returns to the review instead of walking on. */
  returnToReview: boolean;
  table: TableProgress | null;
  pending: Pending | null;
  /** Failed answers to the current step (3 → a clerk is asked). */
  failedAnswers: number;
  /** Messages in a row the bot could not understand (2 → a clerk is asked). */
  notUnderstood: number;
  /** Receipt code of the dossier this conversation submitted. */
  dossierCode: string | null;
  /** Why and since when the conversation waits for (or is with) a clerk. */
  handoff: { reason: HandoffReason; since: string } | null;
  /** A call back the citizen asked for when no clerk could answer: a ticket in the unit's queue. */
  callback: { phone: string; at: string } | null;
  /** A counter visit the citizen booked when no clerk could answer, `dd/mm/yyyy`. */
  counterVisit: string | null;
  /** The clerk holding the conversation (status `with_clerk`). */
  clerk: { id: string; name: string } | null;
  /** Status lookups of this code that matched no dossier: the phone is asked again, twice, before the menu. */
  lookupMisses?: number;
  /** The citizen's rating of the service, once given. */
  rating: { score: number; comment: string | null } | null;
}

/** A conversation that has not started yet. */
export function initialState(locale: Locale = "vi", unitId: string | null = null): ConversationState {
  return {
    version: STATE_VERSION,
    status: "bot",
    locale,
    unitId,
    flowId: null,
    stepId: null,
    answers: {},
    sources: {},
    history: [],
    returnToReview: false,
    table: null,
    pending: null,
    failedAnswers: 0,
    notUnderstood: 0,
    dossierCode: null,
    handoff: null,
    callback: null,
    counterVisit: null,
    clerk: null,
    rating: null,
  };
}

/**
 * Reads a stored state, migrating older versions. Throws `STATE_VERSION_UNKNOWN` for a state
 * written by a newer release: running it with old code could lose answers.
 */
export function restoreState(stored: unknown): ConversationState {
  const candidate = stored as Partial<ConversationState> | null;
  if (!candidate || typeof candidate !== "object" || candidate.version !== STATE_VERSION) {
    throw new Error(`STATE_VERSION_UNKNOWN: cannot read a conversation state of version ${String(candidate?.version)}`);
  }
  return { ...initialState(), ...candidate } as ConversationState;
}
