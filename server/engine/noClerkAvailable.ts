import { TEXTS } from "./engineTexts";
import type { Turn } from "./turn";

/**
 * No clerk can answer now: the citizen stays in the queue and is offered a call back, a
 * counter visit, or to carry on with the assistant. The draft is kept either way.
 */
export function noClerkAvailable(turn: Turn, why: "closed" | "nobody", hours: string): void {
  if (turn.state.status !== "waiting_clerk") return;
  turn.state.pending = { kind: "noClerkChoice" };
  const reason = why === "closed" ? turn.text(TEXTS.clerksClosed, { hours }) : turn.text(TEXTS.clerksAway);
  turn.say(`${reason} ${turn.text(TEXTS.noClerkOptions)}`, {
    choices: [
      { label: turn.text(TEXTS.optionCallback), value: "no-clerk:callback" },
      { label: turn.text(TEXTS.optionCounter), value: "no-clerk:counter" },
      { label: turn.text(TEXTS.resumeBot), value: "cmd:resume-bot" },
    ],
  });
}
