import type { Value } from "../../flows/flowTypes";
import type { CardQrReading } from "./cardIdentity";
import type { FieldSource, HandoffReason } from "./conversationState";
import type { Locale, Localized } from "./localized";

/** What arrives at the engine, once a channel has validated and normalised it. */
export type EngineInput =
  /** The conversation opens (widget opened, Zalo follow): greet and show the menu. */
  | { kind: "start"; locale?: Locale; unitId?: string }
  /** Free text typed by the citizen. */
  | { kind: "text"; text: string }
  /** A choice button clicked: its `value`. */
  | { kind: "choice"; value: string }
  /** A file uploaded by the channel, for an upload step. */
  | { kind: "attachment"; attachmentId: string }
  /**
   * An ID card's QR code, read by the channel from the text a camera gave or from a photo it decoded
   * (see {@link IdentityCardReading}), for the identity being asked.
   */
  | { kind: "identityCard"; reading: IdentityCardReading }
  /** The dossier asked for by a `submitDossier` effect was stored under this receipt code. */
  /** `dueDate`: the day the office must answer by law (`dd/mm/yyyy`), when the law sets one. */
  | { kind: "dossierSubmitted"; code: string; dueDate?: string }
  /** The answer to a `lookupStatus` effect. */
  | { kind: "statusResult"; result: StatusLookupResult }
  /** A clerk takes the conversation over: the bot falls silent. */
  | { kind: "clerkTake"; clerk: ClerkRef }
  /** A clerk fills a field for the citizen, typed as a citizen would; the citizen confirms it. */
  | { kind: "clerkSetField"; clerk: ClerkRef; field: string; text: string }
  /** An ID card the clerk holding the conversation read at the counter: shown to the citizen to confirm. */
  | { kind: "clerkIdentityCard"; reading: IdentityCardReading }
  /** A clerk hands the conversation back to the bot, at a step, at the review, or where it was. */
  | { kind: "clerkRelease"; at: "current" | "review" | { stepId: string } }
  /** A clerk closes the conversation. */
  | { kind: "clerkClose" }
  /** No clerk can answer now (outside opening hours, or none of the unit signed in). */
  | { kind: "clerkUnavailable"; why: "closed" | "nobody"; hours: string }
  /** A clerk (`by`) passes the conversation to another unit's queue. */
  | { kind: "clerkTransfer"; by: ClerkRef; unitId: string }
  /** A clerk (`by`) passes the conversation to a named colleague, who holds it at once. */
  | { kind: "clerkHandOver"; by: ClerkRef; to: ClerkRef }
  /** The clerk holding the conversation can no longer answer (account disabled): back to the queue. */
  | { kind: "clerkGone"; clerk: ClerkRef };

/**
 * What came of an ID card sent by the citizen: the QR code's text read (`readCccdQr`), or why no text
 * was found in the photo — no QR code in it (`noQr`), past the pixel limit (`tooLarge`), no picture at
 * all (`notImage`).
 */
export type IdentityCardReading = CardQrReading | { ok: false; reason: "noQr" | "tooLarge" | "notImage" };

/** A clerk as the citizen sees them. */
export interface ClerkRef {
  id: string;
  name: string;
}

/** What status lookup found; wrong phone and unknown code are the same answer on purpose. */
export type StatusLookupResult =
  | { found: false }
  /**
   * Nothing was looked up: too many lookups from this address or of this code
   * (`rateLimited`), or the code is locked after repeated wrong phones (`locked`, the same
   * whether or not the code exists). `retryMinutes`: when to try again.
   */
  | { found: false; refused: "rateLimited" | "locked"; retryMinutes: number }
  | {
      found: true;
      code: string;
      procedureId: string;
      status: string;
      submittedAt: string;
      updatedAt: string;
      /** The day the office must answer by law, `dd/mm/yyyy`, while the dossier is still open. */
      dueDate?: string;
      /** How the status reads to the citizen, given by the dossier layer that owns the statuses. */
      statusText: StatusText | null;
    };

/** How a dossier's status reads to the citizen, and what happens next. */
export interface StatusText {
  name: Localized;
  next: Localized;
}

export interface Choice {
  label: string;
  value: string;
}

export interface Progress {
  step: number;
  total: number;
}

/** The kind of answer the current question expects, so a channel can show the right control. */
export type ExpectedInput =
  { kind: "text"; fieldType: string } | { kind: "choice" } | { kind: "yesNo" } | { kind: "upload" } | { kind: "none" };

/** One message from the bot to the citizen. */
export interface Reply {
  text: string;
  choices?: Choice[];
  input?: ExpectedInput;
  /** The step number and the total for the path the answers so far lead to. */
  progress: Progress | null;
}

/** A completed flow's answers, for the dossier service to store under a receipt code. */
export interface DossierDraft {
  procedureId: string;
  unitId: string | null;
  fields: Record<string, Value>;
  sources: Record<string, FieldSource>;
  attachments: Record<string, string>;
  locale: Locale;
}

/** Work the engine asks for but never does itself: the conversation service runs it. */
export type Effect =
  | { type: "submitDossier"; draft: DossierDraft }
  | { type: "requestClerk"; reason: HandoffReason; flowId: string | null; stepId: string | null }
  | { type: "lookupStatus"; code: string; phone: string }
  /** The citizen asked about something the assistant does not do: the city's own bot may answer it. */
  | { type: "relayQuestion" };

export interface TransitionResult<S> {
  state: S;
  replies: Reply[];
  effects: Effect[];
  /** Why a clerk's input was refused (a value that does not parse, an unknown field); nothing changed. */
  refused?: { code: string; message: Localized };
}

export type { Value };
