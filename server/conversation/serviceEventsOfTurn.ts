import type { ConversationState } from "../engine/conversationState";
import { maskPersonalText } from "../privacy/maskPersonalText";
import type { ServiceEvent } from "../store/reportStore";

/** A quoted phrase is a question, not a letter: the report shows at most this much of one. */
const QUESTION_MAX_CHARS = 200;

/**
 * What one turn did that the figures count, read off the state before and after it: a handoff asked for
 * (the conversation starts waiting for a clerk) or taken (with how long the citizen waited), a call back
 * asked for, a message the assistant could not understand (masked), a rating given.
 */
export function serviceEventsOfTurn(
  conversationId: string,
  before: ConversationState,
  after: ConversationState,
  citizenText: string | null,
  at: Date,
): ServiceEvent[] {
  const events: ServiceEvent[] = [];
  const base = { conversationId, unitId: after.unitId, at: at.toISOString() };
  if (after.status === "waiting_clerk" && before.status !== "waiting_clerk")
    events.push({ ...base, kind: "handoff.requested" });
  if (after.status === "with_clerk" && before.status === "waiting_clerk" && before.handoff) {
    const waited = Math.max(0, at.getTime() - Date.parse(before.handoff.since));
    events.push({ ...base, kind: "handoff.taken", value: waited });
  }
  if (after.callback && !before.callback) events.push({ ...base, kind: "callback.requested" });
  if (citizenText !== null && after.notUnderstood > before.notUnderstood) {
    const text = maskPersonalText(citizenText.trim()).slice(0, QUESTION_MAX_CHARS);
    if (text !== "") events.push({ ...base, kind: "question.unanswered", text });
  }
  if (after.rating && !before.rating) events.push({ ...base, kind: "rating.given", value: after.rating.score });
  return events;
}
