import type { Locale } from "../engine/localized";

/**
 * Another bot the pipeline may ask what the assistant cannot answer (the city's Botpress bot):
 * a channel-neutral port, implemented in `server/channels/botpress/`.
 */
export interface QuestionBridge {
  /** The bot's answer to the citizen's question, or null (no answer, failure, or time-out). Never throws. */
  ask(question: { conversationId: string; text: string; locale: Locale }): Promise<string | null>;
}
