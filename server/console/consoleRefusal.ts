import type { Response } from "express";
import type { TurnOutcome } from "../conversation/turnTypes";
import { sendWorded } from "../http/httpErrors";

// The console's names of the conversation's refusals (docs/protocol.md); the engine's and the
// dossier lifecycle's own codes pass through as they are.
const CONSOLE_CODES: Partial<Record<string, string>> = {
  TURN_NOT_FOUND: "CONSOLE_NOT_FOUND",
  TURN_HELD_BY_OTHER: "CONSOLE_TAKEN",
  TURN_NOT_HELD: "CONSOLE_REFUSED",
  TURN_BUSY: "CONSOLE_UNAVAILABLE",
};

/** A refused turn as the console shows it: its code, and one message in Vietnamese then English. */
export function consoleRefusal(outcome: TurnOutcome & { ok: false }): {
  code: string;
  vi: string;
  en: string;
  message: string;
} {
  const { vi, en } = outcome.message;
  return { code: CONSOLE_CODES[outcome.code] ?? outcome.code, vi, en, message: `${vi} / ${en}` };
}

/** Answers a REST request whose turn was refused: 404 for a dossier not found, else 409, in both languages. */
export function sendTurnRefusal(res: Response, outcome: TurnOutcome & { ok: false }): void {
  const refusal = consoleRefusal(outcome);
  sendWorded(res, refusal.code === "CONSOLE_NOT_FOUND" ? 404 : 409, refusal.code, { vi: refusal.vi, en: refusal.en });
}
