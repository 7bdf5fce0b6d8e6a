import { type ConversationState, initialState } from "../../server/engine/conversationState";
import type { Effect, EngineInput, Reply } from "../../server/engine/engineIO";
import type { Locale } from "../../server/engine/localized";
import { transition } from "../../server/engine/transition";
import { catalogue, CLOCK } from "./flowWalker";

/** A conversation driven message by message, keeping what the bot said at each turn. */
export class Conversation {
  state: ConversationState;
  replies: Reply[] = [];
  effects: Effect[] = [];

  constructor(locale: Locale = "vi", unitId: string | null = "an-thanh") {
    this.state = initialState(locale, unitId);
  }

  send(input: EngineInput | string): this {
    const result = transition(
      catalogue(),
      this.state,
      typeof input === "string" ? { kind: "text", text: input } : input,
      CLOCK,
    );
    this.state = result.state;
    this.replies = result.replies;
    this.effects = result.effects;
    return this;
  }

  /** Several citizen messages in a row. */
  say(...messages: string[]): this {
    for (const message of messages) this.send(message);
    return this;
  }

  /** Everything the bot said in the last turn, as one text. */
  get said(): string {
    return this.replies.map((r) => r.text).join("\n");
  }

  get lastReply(): Reply {
    return this.replies[this.replies.length - 1]!;
  }

  get choiceValues(): string[] {
    return this.lastReply.choices?.map((c) => c.value) ?? [];
  }
}
