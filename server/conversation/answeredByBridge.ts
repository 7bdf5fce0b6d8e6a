import type { ConversationState } from "../engine/conversationState";
import type { Reply, TransitionResult } from "../engine/engineIO";
import type { MessageVia } from "../engine/messageAuthor";
import { foldToWords } from "../engine/understanding/foldDiacritics";
import type { ConversationRecord } from "../store/store";
import type { QuestionBridge } from "./questionBridge";

/** A bot reply, perhaps written by the city's own bot rather than the assistant. */
export type TurnReply = Reply & { via?: MessageVia };

// Words that make a message a question, folded (no diacritics, lower case), as whole words; "không"
// and "chưa" only at the end ("được không", "xong chưa"), where they ask rather than deny.
const QUESTION_WORDS = new RegExp(
  "(?:^| )(?:bao nhieu|may gio|luc nao|khi nao|o dau|cho nao|the nao|lam sao|ra sao|tai sao|vi sao|gi|" +
    "how|what|when|where|why|which)(?: |$)",
);
const QUESTION_ENDINGS = / (?:khong|ko|chua|hok|hong)$/;

/** Marks the city bot's answers in every channel: the citizen knows who answered. */
const BRIDGE_LABEL = { vi: "[Hỏi đáp của thành phố]", en: "[The city's Q&A]" } as const;

/** Whether a citizen's text asks something, in Vietnamese or English. */
export function looksLikeQuestion(text: string): boolean {
  const words = foldToWords(text);
  return text.includes("?") || QUESTION_WORDS.test(words) || QUESTION_ENDINGS.test(words);
}

/**
 * The city's bot answers a question the assistant could not: a citizen's typed question that no
 * procedure, command or step answer matched (the engine said it did not understand, and did not
 * call a clerk for it). Its answer replaces the "I did not understand" line, the question being
 * asked again follows, and the question does not count as a misunderstanding. It also answers
 * what the engine said another office does (a divorce, a passport), question or not: its answer
 * comes first, then the engine's "not here" and the menu. Null when the turn is neither or the
 * bridge has no answer (then the assistant's own stands).
 */
export async function answeredByBridge(
  bridge: QuestionBridge,
  record: ConversationRecord,
  turn: TransitionResult<ConversationState>,
  text: string | undefined,
): Promise<{ state: ConversationState; replies: TurnReply[] } | null> {
  const before = record.state;
  if (text && turn.effects.some((effect) => effect.type === "relayQuestion")) {
    const answer = await bridge.ask({ conversationId: record.id, text, locale: before.locale });
    if (!answer) return null;
    const progress = turn.replies[0]?.progress ?? null;
    return {
      state: turn.state,
      replies: [{ text: `${BRIDGE_LABEL[before.locale]} ${answer}`, progress, via: "botpress" }, ...turn.replies],
    };
  }
  const failed = turn.state.notUnderstood > before.notUnderstood || turn.state.failedAnswers > before.failedAnswers;
  if (!text || !failed || turn.effects.length > 0 || turn.replies.length === 0 || !looksLikeQuestion(text)) return null;
  const answer = await bridge.ask({ conversationId: record.id, text, locale: before.locale });
  if (!answer) return null;
  const [, ...reasked] = turn.replies;
  return {
    state: { ...turn.state, notUnderstood: before.notUnderstood, failedAnswers: before.failedAnswers },
    replies: [
      { text: `${BRIDGE_LABEL[before.locale]} ${answer}`, progress: turn.replies[0]!.progress, via: "botpress" },
      ...reasked,
    ],
  };
}
