import type { ConversationStatus } from "../engine/conversationState";
import type { ConversationRecord } from "./conversationStore";

/** The handoff queue: conversations listed by unit and status for the clerks. */
export interface QueueStore {
  /** Conversations of some units (null: every unit) in some statuses, the longest-waiting first (oldest updatedAt). */
  listConversations(filter: {
    unitIds: readonly string[] | null;
    statuses: readonly ConversationStatus[];
    limit: number;
  }): Promise<ConversationRecord[]>;
}
