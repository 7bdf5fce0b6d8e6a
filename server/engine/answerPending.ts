import { acceptAnswer, type Answer, notUnderstood } from "./answerStep";
import { stepOf } from "./catalogue";
import { TEXTS } from "./engineTexts";
import { startEditing } from "./editField";
import { reAskCurrent } from "./runCommand";
import { startFlow } from "./startFlow";
import type { Turn } from "./turn";
import { matchOption } from "./understanding/matchOption";
import { parseYesNo } from "./understanding/parseYesNo";
import { stepLabel } from "./stepLabel";

function yesOrNo(answer: Answer): boolean | null {
  if (answer.kind === "choice" && (answer.value === "yes" || answer.value === "no")) return answer.value === "yes";
  if (answer.kind !== "text") return null;
  const parsed = parseYesNo(answer.text);
  return parsed.ok ? parsed.value : null;
}

/**
 * Answers a question the engine asked outside the flow's steps (keep a suspicious value?
 * which procedure? which field? sure to restart or cancel?). Returns false when the message
 * is not an answer to it: the question is dropped and the message handled as usual.
 */
export function answerPending(turn: Turn, answer: Answer): boolean {
  const pending = turn.state.pending!;
  const { state } = turn;
  switch (pending.kind) {
    case "confirmWarning": {
      const yes = yesOrNo(answer);
      if (yes === null) {
        notUnderstood(turn, null, TEXTS.notYesNo);
        return true;
      }
      state.pending = null;
      const step = stepOf(turn.flow!, pending.stepId);
      if (yes) {
        acceptAnswer(turn, step, pending.value);
      } else {
        turn.say(turn.text(TEXTS.reAskAfterWarning));
        reAskCurrent(turn);
      }
      return true;
    }
    case "confirmRestart":
    case "confirmCancel": {
      const yes = yesOrNo(answer);
      state.pending = null;
      if (yes === null) return false;
      if (!yes) {
        turn.say(turn.text(TEXTS.notCancelled));
        reAskCurrent(turn);
      } else if (pending.kind === "confirmRestart") {
        startFlow(turn, state.flowId!);
      } else {
        state.status = "closed";
        state.flowId = null;
        state.stepId = null;
        state.table = null;
        turn.say(turn.text(TEXTS.cancelled));
      }
      return true;
    }
    case "chooseProcedure": {
      const chosen = pickValue(answer, pending.options, (id) => {
        const flow = turn.catalogue.flows.get(id)?.flow;
        return flow ? [flow.name.vi, flow.name.en] : [];
      });
      state.pending = null;
      if (chosen === null) return false;
      startFlow(turn, chosen);
      return true;
    }
    case "chooseField": {
      const compiled = turn.flow!;
      const chosen = pickValue(
        answer.kind === "choice" && answer.value.startsWith("edit:") ? { kind: "choice", value: answer.value.slice(5) } : answer,
        pending.options,
        (id) => {
          const step = stepOf(compiled, id);
          return [stepLabel(compiled, step, "vi"), stepLabel(compiled, step, "en")];
        },
      );
      state.pending = null;
      if (chosen === null) return false;
      startEditing(turn, stepOf(compiled, chosen));
      return true;
    }
  }
}

/** A clicked value among `options`, or typed text matching one of their labels or its number. */
function pickValue(answer: Answer, options: string[], labelsOf: (value: string) => string[]): string | null {
  if (answer.kind === "choice") return options.includes(answer.value) ? answer.value : null;
  if (answer.kind !== "text") return null;
  const match = matchOption(
    answer.text,
    options.map((value) => ({ value, labels: [value, ...labelsOf(value)] })),
  );
  return match.kind === "match" ? match.value : null;
}
