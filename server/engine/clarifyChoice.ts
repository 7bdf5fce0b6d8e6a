import type { ChooseStep } from "../../flows/flowTypes";
import { TEXTS } from "./engineTexts";
import type { Locale } from "./localized";
import type { Turn } from "./turn";

/** "Cha hay Bà", "Cha, Mẹ hay Bà": the alternatives as a question lists them. */
export function listAlternatives(labels: readonly string[], locale: Locale): string {
  const or = locale === "vi" ? "hay" : "or";
  if (labels.length <= 1) return labels[0] ?? "";
  return `${labels.slice(0, -1).join(", ")} ${or} ${labels[labels.length - 1]}`;
}

/**
 * "Bạn là gì của bé?" → "Bạn là gì của bé": the question as the start of a clarifying one. A
 * question with a note after its question mark keeps only what comes before it.
 */
function questionStem(question: string): string {
  const mark = question.indexOf("?");
  return (mark >= 0 ? question.slice(0, mark) : question).trim();
}

/**
 * A reply that fits several options equally well ("ba": the father, as the South says it, or the
 * grandmother, "bà" typed without diacritics): the question is put again with only those options,
 * naming them, so the citizen knows what is being asked ("Bạn là gì của bé: Cha hay Bà?").
 */
export function clarifyChoice(turn: Turn, step: ChooseStep, values: readonly string[]): void {
  const { locale } = turn.state;
  const candidates = step.options.filter((o) => values.includes(o.value));
  const labels = candidates.map((o) => o.label[locale]);
  turn.say(
    turn.text(TEXTS.ambiguousChoice, {
      question: questionStem(turn.text(step.question)),
      options: listAlternatives(labels, locale),
    }),
    { choices: candidates.map((o) => ({ label: o.label[locale], value: o.value })), input: { kind: "choice" } },
  );
}
