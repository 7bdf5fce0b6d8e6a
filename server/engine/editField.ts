import type { Step } from "../../flows/flowTypes";
import { describeValue } from "./describeValue";
import { enterStep } from "./enterStep";
import { TEXTS } from "./engineTexts";
import { isCopied, isQuestion } from "./flowPath";
import { stepLabel } from "./stepLabel";
import type { Turn } from "./turn";
import { foldToWords } from "./understanding/foldDiacritics";

/** Questions of the path taken that already have an answer: what "sửa …" can change. */
export function editableSteps(turn: Turn): Step[] {
  const compiled = turn.flow;
  if (!compiled) return [];
  return turn
    .path()
    .filter(
      (s) =>
        isQuestion(s) &&
        s.kind !== "review" &&
        s.kind !== "unit" &&
        !isCopied(s, turn.state.answers) &&
        s.id in turn.state.answers,
    );
}

function wordsOf(turn: Turn, step: Step): Set<string> {
  const compiled = turn.flow!;
  const texts = [stepLabel(compiled, step, "vi"), stepLabel(compiled, step, "en"), ...(step.aliases ?? [])];
  return new Set(texts.flatMap((text) => foldToWords(text).split(" ")));
}

// Words that carry no meaning for telling fields apart.
const FILLER = new Set(["cua", "lai", "cho", "la", "the", "of", "my", "a", "toi", "minh", "thong", "tin", "muc"]);

/**
 * The answered fields a citizen's words name best ("ngày sinh của bé" → the child's date of
 * birth): every step whose label, form label or aliases contain the most of the words.
 */
export function findFieldsToEdit(turn: Turn, target: string): Step[] {
  const words = foldToWords(target)
    .split(" ")
    .filter((w) => w && !FILLER.has(w));
  const candidates = editableSteps(turn);
  if (words.length === 0) return candidates;
  let best = 0;
  let found: Step[] = [];
  for (const step of candidates) {
    const fieldWords = wordsOf(turn, step);
    const score = words.filter((w) => fieldWords.has(w)).length;
    if (score > best) {
      best = score;
      found = [step];
    } else if (score === best && score > 0) {
      found.push(step);
    }
  }
  // Half the words at least, so "đổi 5 ấp An Thạnh" (an address) is not read as an edit.
  return best * 2 >= words.length ? found : [];
}

/** Lists the answered fields as choices ("which one?"). */
export function offerFieldsToEdit(turn: Turn, steps: Step[] | null, notFoundTarget?: string): void {
  const options = steps ?? editableSteps(turn);
  if (options.length === 0) {
    turn.say(turn.text(TEXTS.nothingToEdit));
    return;
  }
  const compiled = turn.flow!;
  const { locale } = turn.state;
  turn.state.pending = { kind: "chooseField", options: options.map((s) => s.id) };
  turn.say(notFoundTarget ? turn.text(TEXTS.fieldNotFound, { target: notFoundTarget }) : turn.text(TEXTS.whichField), {
    choices: options.map((s) => {
      const answer = turn.state.answers[s.id];
      const value = describeValue(s, answer, locale);
      return {
        label: `${stepLabel(compiled, s, locale, answer)}: ${value.length > 30 ? `${value.slice(0, 29)}…` : value}`,
        value: `edit:${s.id}`,
      };
    }),
  });
}

/**
 * Goes back to one answered question; once it is answered again the flow returns to the
 * first question still open — the review when everything is answered — without re-asking
 * the rest. A table is filled again from its first row.
 */
export function startEditing(turn: Turn, step: Step): void {
  turn.state.pending = null;
  turn.state.returnToReview = true;
  turn.state.table = null;
  if (step.kind === "table") turn.clearAnswer(step.id);
  enterStep(turn, step.id);
}
