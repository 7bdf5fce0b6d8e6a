import { TEXTS } from "./engineTexts";
import type { Turn } from "./turn";

/** Asks for a rating of the service from 1 to 5, skippable. */
export function askRating(turn: Turn): void {
  if (turn.state.rating) return;
  turn.state.pending = { kind: "rating" };
  turn.say(turn.text(TEXTS.ratingAsk), {
    choices: [
      ...[1, 2, 3, 4, 5].map((n) => ({ label: "★".repeat(n), value: `rating:${n}` })),
      { label: turn.text(TEXTS.skip), value: "skip" },
    ],
  });
}
