import type { HandoffReason } from "./conversationState";
import { TEXTS } from "./engineTexts";
import type { Turn } from "./turn";

/**
 * Puts the conversation in its unit's queue for a clerk: the citizen asked, was stuck, or the
 * flow needs a person. The draft and every answer stay as they are; the bot falls silent
 * until the clerk hands back or the citizen chooses to carry on with the bot.
 */
export function requestClerk(turn: Turn, reason: HandoffReason): void {
  const { state } = turn;
  state.status = "waiting_clerk";
  state.handoff = { reason, since: turn.nowIso };
  state.pending = null;
  state.failedAnswers = 0;
  state.notUnderstood = 0;
  const unit = turn.unit?.nameVi ?? `${turn.catalogue.city.kind} ${turn.catalogue.city.name}`;
  turn.emit({ type: "requestClerk", reason, flowId: state.flowId, stepId: state.stepId });
  turn.say(turn.text(reason === "stuck" ? TEXTS.clerkRequestedStuck : TEXTS.clerkRequested, { unit }), {
    choices: [{ label: turn.text(TEXTS.resumeBot), value: "cmd:resume-bot" }],
  });
}
