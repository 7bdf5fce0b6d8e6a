import { offerSpellingAgain } from "./offerSpelling";
import { acceptAnswer, type Answer, notUnderstood } from "./answerStep";
import { stepOf } from "./catalogue";
import { TEXTS } from "./engineTexts";
import { startEditing } from "./editField";
import { reAskCurrent } from "./runCommand";
import { startFlow } from "./startFlow";
import type { Turn } from "./turn";
import { matchOption } from "./understanding/matchOption";
import { parseYesNo } from "./understanding/parseYesNo";
import { foldToWords } from "./understanding/foldDiacritics";
import { parseDate } from "./understanding/parseDate";
import { parsePhone } from "./understanding/parsePhone";
import { stepLabel } from "./stepLabel";
import { refreshDependents } from "./enterStep";
import { understandCorrection } from "./clerkActions";
import { askRating } from "./rating";
import { withFieldExample } from "./fieldExample";
import { CONFIRM_CARD_CHOICE, confirmIdentityCard, REJECT_CARD_CHOICE } from "./identityCard";

/** The spelling the citizen chose: by its button, by "đúng" for the only one offered, or by typing it. */
function chosenSpelling(pending: { options: string[]; typed: string }, answer: Answer): string | null {
  // A button's value typed as text (a script driving the terminal chat) is the button.
  if (answer.kind === "text" && /^spell:(?:\d|keep)$/.test(answer.text.trim()))
    return chosenSpelling(pending, { kind: "choice", value: answer.text.trim() });
  if (answer.kind === "choice") {
    if (answer.value === "spell:keep") return pending.typed;
    const index = /^spell:(\d)$/.exec(answer.value)?.[1];
    return index === undefined ? null : (pending.options[Number(index)] ?? null);
  }
  if (answer.kind !== "text") return null;
  const typed = answer.text.normalize("NFC").trim();
  const exact = pending.options.find((option) => option.toLocaleLowerCase("vi") === typed.toLocaleLowerCase("vi"));
  if (exact) return exact;
  // The buttons' numbers, as a terminal or a phone without buttons shows them: the last is "keep as typed".
  const number = /^\d$/.test(typed) ? Number(typed) : 0;
  if (number >= 1 && number <= pending.options.length) return pending.options[number - 1]!;
  if (number === pending.options.length + 1) return pending.typed;
  // The same name typed again without diacritics: the citizen means it as typed.
  if (typed === typed.normalize("NFD") && foldToWords(typed) === foldToWords(pending.typed)) return pending.typed;
  const yes = parseYesNo(answer.text);
  return yes.ok && yes.value && pending.options.length === 1 ? pending.options[0]! : null;
}

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
    case "chooseSpelling": {
      const step = stepOf(turn.flow!, pending.stepId);
      const chosen = chosenSpelling(pending, answer);
      state.pending = null;
      if (chosen === null && yesOrNo(answer) === false) {
        turn.say(turn.text(TEXTS.reAskAfterWarning));
        reAskCurrent(turn);
        return true;
      }
      // "Đúng" to two or three spellings: ask which, never store the word as the name.
      if (chosen === null && yesOrNo(answer) === true) {
        offerSpellingAgain(turn, pending);
        return true;
      }
      // Anything else is the name typed again (with its diacritics, or another name): read as an answer.
      if (chosen === null) return false;
      acceptAnswer(turn, step, chosen);
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
        askRating(turn);
      }
      return true;
    }
    case "confirmIdentity": {
      const confirmed =
        answer.kind === "choice" && (answer.value === CONFIRM_CARD_CHOICE || answer.value === REJECT_CARD_CHOICE)
          ? answer.value === CONFIRM_CARD_CHOICE
          : yesOrNo(answer);
      // Anything else (the answer typed instead, another command) drops the card and is read as usual.
      if (confirmed === null) {
        state.pending = null;
        return false;
      }
      confirmIdentityCard(turn, pending.group, pending.identity, confirmed);
      return true;
    }
    case "confirmClerkField": {
      const yes = yesOrNo(answer);
      if (yes === null) {
        notUnderstood(turn, null, TEXTS.notYesNo);
        return true;
      }
      const step = stepOf(turn.flow!, pending.stepId);
      if (yes) {
        state.pending = null;
        turn.say(turn.text(TEXTS.clerkFieldConfirmed));
      } else {
        state.pending = { kind: "correctField", stepId: step.id };
        turn.say(
          (
            `${turn.text(TEXTS.clerkFieldCorrect, { label: stepLabel(turn.flow!, step, state.locale) })} ` +
            `${"question" in step ? turn.text(step.question) : ""}`
          ).trim(),
        );
      }
      return true;
    }
    case "correctField": {
      const step = stepOf(turn.flow!, pending.stepId);
      const text = answer.kind === "text" ? answer.text : answer.kind === "choice" ? answer.value : null;
      const understood = text === null ? null : understandCorrection(turn, step, text);
      if (!understood || !understood.ok) {
        turn.say(understood && !understood.ok ? turn.text(understood.message) : turn.text(TEXTS.notAChoice));
        return true;
      }
      state.pending = null;
      turn.setAnswer(step.id, understood.value, "citizen");
      refreshDependents(turn, step.id);
      turn.say(turn.text(TEXTS.edited));
      return true;
    }
    case "noClerkChoice": {
      const choice =
        answer.kind === "choice" ? answer.value : answer.kind === "text" ? pickNoClerkOption(answer.text) : null;
      if (choice === "no-clerk:callback") {
        state.pending = { kind: "callbackPhone" };
        turn.say(turn.text(TEXTS.askCallbackPhone), { input: { kind: "text", fieldType: "phone" } });
        return true;
      }
      if (choice === "no-clerk:counter") {
        state.pending = { kind: "counterVisitDate" };
        turn.say(turn.text(TEXTS.askCounterDate), { input: { kind: "text", fieldType: "futureDate" } });
        return true;
      }
      notUnderstood(turn, null, TEXTS.notAChoice);
      return true;
    }
    case "callbackPhone": {
      const phone = answer.kind === "text" ? parsePhone(answer.text) : null;
      if (!phone?.ok) {
        turn.say(phone ? turn.text(phone.message) : turn.text(TEXTS.askCallbackPhone));
        return true;
      }
      state.pending = null;
      state.callback = { phone: phone.value, at: turn.nowIso };
      turn.say(turn.text(TEXTS.callbackBooked, { phone: phone.value }));
      return true;
    }
    case "counterVisitDate": {
      const date = answer.kind === "text" ? parseDate(answer.text, { today: turn.today, notInPast: true }) : null;
      if (!date?.ok) {
        turn.say(
          date
            ? withFieldExample(turn, turn.text(date.message), { type: "futureDate" })
            : turn.text(TEXTS.askCounterDate),
        );
        return true;
      }
      state.pending = null;
      state.counterVisit = date.value;
      state.status = "bot";
      state.handoff = null;
      turn.say(turn.text(TEXTS.counterBooked, { date: date.value }));
      reAskCurrent(turn);
      return true;
    }
    case "rating": {
      const score =
        answer.kind === "choice" && /^rating:[1-5]$/.test(answer.value)
          ? Number(answer.value.slice(7))
          : answer.kind === "text" &&
              /^[1-5]$/.test(answer.text.replace(/[^0-9]/g, "")) &&
              answer.text.replace(/\D/g, "").length === 1
            ? Number(answer.text.replace(/\D/g, ""))
            : null;
      state.pending = null;
      if (answer.kind === "choice" && answer.value === "skip") return true;
      if (score === null) return false;
      state.rating = { score, comment: null };
      state.pending = { kind: "ratingComment" };
      turn.say(turn.text(TEXTS.ratingComment), { choices: [{ label: turn.text(TEXTS.skip), value: "skip" }] });
      return true;
    }
    case "ratingComment": {
      state.pending = null;
      const skipped = answer.kind === "choice" && answer.value === "skip";
      if (answer.kind === "text" && !skipped && state.rating)
        state.rating = { ...state.rating, comment: answer.text.slice(0, 1000) };
      turn.say(turn.text(TEXTS.ratingThanks));
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
        answer.kind === "choice" && answer.value.startsWith("edit:")
          ? { kind: "choice", value: answer.value.slice(5) }
          : answer,
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

/** The no-clerk option a typed answer names ("gọi lại", "hẹn", "một cửa"). */
function pickNoClerkOption(text: string): string | null {
  const match = matchOption(text, NO_CLERK_OPTIONS);
  return match.kind === "match" ? match.value : null;
}

const NO_CLERK_OPTIONS = [
  {
    value: "no-clerk:callback",
    labels: [TEXTS.optionCallback.vi, TEXTS.optionCallback.en, "gọi lại", "call back", "để lại số"],
  },
  {
    value: "no-clerk:counter",
    labels: [TEXTS.optionCounter.vi, TEXTS.optionCounter.en, "hẹn", "đến một cửa", "counter"],
  },
];

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
