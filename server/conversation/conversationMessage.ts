import type { MessageRecord } from "../store/store";
import type { ConversationMessage } from "./conversationTypes";

/** A stored message as the channels receive it: without the citizen's ids of what they sent. */
export function conversationMessage(record: MessageRecord): ConversationMessage {
  return {
    id: record.id,
    seq: record.seq,
    conversationId: record.conversationId,
    author: record.author,
    text: record.text,
    ...(record.choices ? { choices: record.choices } : {}),
    ...(record.input ? { input: record.input } : {}),
    ...(record.progress !== undefined ? { progress: record.progress } : {}),
    ...(record.via ? { via: record.via } : {}),
    at: record.at,
  };
}
