import { describeValue } from "./describeValue";
import { TEXTS } from "./engineTexts";
import { IDENTITY_TEXTS } from "./identityTexts";
import { isQuestion } from "./flowPath";
import { stepGroup, stepLabel } from "./stepLabel";
import type { Turn } from "./turn";

/** Every answer of the path taken, grouped under the paper form's section headings. */
export function reviewText(turn: Turn): string {
  const compiled = turn.flow!;
  const { locale, answers } = turn.state;
  const groups = new Map<string, string[]>();
  for (const step of turn.path()) {
    if (!isQuestion(step) || step.kind === "review" || step.kind === "unit") continue;
    if (!(step.id in answers)) continue;
    const group = stepGroup(compiled, step);
    const lines = groups.get(group) ?? [];
    const value = answers[step.id];
    // A value read from an ID card says so: the citizen checks it against the card, not their memory.
    const fromCard = turn.state.sources[step.id]?.by === "idCard" ? ` — ${turn.text(IDENTITY_TEXTS.provenance)}` : "";
    lines.push(`• ${stepLabel(compiled, step, locale, value)}: ${describeValue(step, value, locale)}${fromCard}`);
    groups.set(group, lines);
  }
  // Plain characters only: a phone without CJK fonts shows brackets like 【】 as empty boxes.
  const sections = [...groups].map(([group, lines]) => `${group.toLocaleUpperCase("vi")}\n${lines.join("\n")}`);
  return [turn.text(TEXTS.reviewIntro, { procedure: compiled.flow.name[locale] }), ...sections].join("\n\n");
}
