import type { Value } from "../../flows/flowTypes";
import type { Unit } from "../../flows/units";
import type { Catalogue, CompiledFlow } from "./catalogue";
import { type Clock, localFormDate, localIsoDate } from "./clock";
import type { ConversationState } from "./conversationState";
import type { Choice, Effect, ExpectedInput, Reply } from "./engineIO";
import { fill } from "./engineTexts";
import type { Localized } from "./localized";
import { progressOf } from "./flowPath";

/**
 * One turn in progress: a private copy of the state that the turn's steps change, and the
 * replies and effects it collects. Nothing outside the turn sees it until `transition`
 * returns, so a turn is all or nothing.
 */
export class Turn {
  readonly replies: Reply[] = [];
  readonly effects: Effect[] = [];
  /** `yyyy-mm-dd` in Asia/Ho_Chi_Minh. */
  readonly today: string;
  /** `dd/mm/yyyy` in Asia/Ho_Chi_Minh, as written on forms. */
  readonly todayOnForms: string;
  state: ConversationState;

  constructor(
    readonly catalogue: Catalogue,
    state: ConversationState,
    clock: Clock,
  ) {
    // Copy what a turn changes in place; nested values are replaced, never mutated.
    this.state = {
      ...state,
      answers: { ...state.answers },
      sources: { ...state.sources },
      history: [...state.history],
    };
    this.today = localIsoDate(clock.now);
    this.todayOnForms = localFormDate(clock.now);
  }

  get flow(): CompiledFlow | null {
    return this.state.flowId === null ? null : (this.catalogue.flows.get(this.state.flowId) ?? null);
  }

  get unit(): Unit | null {
    return this.catalogue.units.find((u) => u.id === this.state.unitId) ?? null;
  }

  /** The text in the conversation's language, placeholders filled. */
  text(text: Localized, values: Readonly<Record<string, string | number>> = {}): string {
    return fill(text[this.state.locale], values);
  }

  /** Sends a reply, stamped with the progress of the current step. */
  say(text: string, extras: { choices?: Choice[]; input?: ExpectedInput } = {}): void {
    const flow = this.flow;
    const progress = flow && this.state.status === "bot" ? progressOf(flow, this.state.answers, this.state.stepId) : null;
    this.replies.push({
      text,
      ...(extras.choices && extras.choices.length > 0 ? { choices: extras.choices } : {}),
      input: extras.input ?? (extras.choices && extras.choices.length > 0 ? { kind: "choice" } : { kind: "none" }),
      progress,
    });
  }

  setAnswer(key: string, value: Value, by: "citizen" | "bot"): void {
    this.state.answers[key] = value;
    this.state.sources[key] = { by };
  }

  emit(effect: Effect): void {
    this.effects.push(effect);
  }
}
