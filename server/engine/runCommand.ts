import { stepOf } from "./catalogue";
import { askQuestion, continuePast, enterStep } from "./enterStep";
import { TEXTS } from "./engineTexts";
import { findFieldsToEdit, offerFieldsToEdit, startEditing } from "./editField";
import { requestClerk } from "./requestClerk";
import { showMenu } from "./showMenu";
import { startFlow } from "./startFlow";
import { STATUS_LOOKUP_FLOW_ID } from "./statusLookupFlowId";
import type { Turn } from "./turn";
import type { Command } from "./understanding/matchCommand";

const YES_NO = (turn: Turn) => [
  { label: turn.text(TEXTS.yes), value: "yes" },
  { label: turn.text(TEXTS.no), value: "no" },
];

/** Asks the current question again, after a command that did not move the flow. */
export function reAskCurrent(turn: Turn): void {
  const compiled = turn.flow;
  if (!compiled || turn.state.stepId === null) {
    showMenu(turn, TEXTS.menuPrompt);
    return;
  }
  const step = stepOf(compiled, turn.state.stepId);
  if (step.kind === "submit") return;
  // Carrying on with the assistant past a case a clerk was needed for: the draft goes on.
  if (step.kind === "handoff") continuePast(turn, step.id);
  else askQuestion(turn, step);
}

/**
 * Runs a global command. Returns false when the command does not apply after all (an "edit"
 * naming no field), so the message is taken as an ordinary answer.
 */
export function runCommand(turn: Turn, command: Command): boolean {
  const { state } = turn;
  const inFlow = turn.flow !== null && state.stepId !== null;
  switch (command.kind) {
    case "human":
      requestClerk(turn, "asked");
      return true;
    case "help":
      turn.say(turn.text(TEXTS.help), { choices: [{ label: turn.text(TEXTS.humanOption), value: "cmd:human" }] });
      if (inFlow) reAskCurrent(turn);
      return true;
    case "menu":
      showMenu(turn, TEXTS.menuPrompt);
      return true;
    case "status":
      if (command.code) startFlow(turn, STATUS_LOOKUP_FLOW_ID, { receiptCode: command.code }, "phone");
      else startFlow(turn, STATUS_LOOKUP_FLOW_ID);
      return true;
    case "resumeBot":
      // Only from the queue: a clerk who took the conversation hands it back themselves.
      if (state.status === "with_clerk") return true;
      state.status = "bot";
      state.pending = null;
      state.handoff = null;
      reAskCurrent(turn);
      return true;
    case "back": {
      state.pending = null;
      if (!inFlow) {
        showMenu(turn, TEXTS.menuPrompt);
        return true;
      }
      if (state.table && state.table.column > 0) {
        state.table = { ...state.table, column: state.table.column - 1 };
        reAskCurrent(turn);
        return true;
      }
      const previous = turn.popHistory();
      if (previous === undefined) {
        turn.say(turn.text(TEXTS.nothingToGoBackTo));
        reAskCurrent(turn);
        return true;
      }
      state.table = null;
      state.returnToReview = false;
      const step = stepOf(turn.flow!, previous);
      if (step.kind === "table") turn.clearAnswer(step.id);
      enterStep(turn, previous);
      return true;
    }
    case "restart":
      if (!inFlow) {
        showMenu(turn, TEXTS.menuPrompt);
        return true;
      }
      state.pending = { kind: "confirmRestart" };
      turn.say(turn.text(TEXTS.confirmRestart), { choices: YES_NO(turn), input: { kind: "yesNo" } });
      return true;
    case "cancel":
      if (!inFlow) {
        turn.say(turn.text(TEXTS.cancelled));
        return true;
      }
      state.pending = { kind: "confirmCancel" };
      turn.say(turn.text(TEXTS.confirmCancel), { choices: YES_NO(turn), input: { kind: "yesNo" } });
      return true;
    case "edit": {
      if (!inFlow) return false;
      if (command.target === "") {
        offerFieldsToEdit(turn, null);
        return true;
      }
      const found = findFieldsToEdit(turn, command.target);
      if (found.length === 0) return false;
      if (found.length === 1) startEditing(turn, found[0]!);
      else offerFieldsToEdit(turn, found);
      return true;
    }
  }
}
