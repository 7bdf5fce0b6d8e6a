import type { Dossier } from "../dossier/dossier";
import type { UploadRecord } from "./dossierStore";

/** What a retention sweep removed. */
export interface DraftsDeleted {
  conversations: number;
  uploads: number;
}

/**
 * Personal data kept no longer than its purpose needs (Decree 13/2023/NĐ-CP, Law 91/2025/QH15): a
 * conversation that never became a dossier is a draft, and a draft left alone is deleted with
 * everything it holds.
 */
export interface RetentionStore {
  /**
   * Deletes every conversation with no dossier whose last activity (`updatedAt`) is before
   * `olderThan` (an ISO instant), with its messages, replay keys, clerks' notes, uploads (bytes
   * included) and Zalo contact. A conversation that filed a dossier is never touched: the dossier
   * is the office's record. The audit log and the report's service events stay: they hold no
   * personal data. At most `limit` conversations per call, oldest first, so a sweep never holds
   * the store for long; call again while it returns `limit`.
   *
   * @example
   * await store.deleteAbandonedDrafts("2026-11-05T00:00:00.000Z", 500); // { conversations: 12, uploads: 3 }
   */
  deleteAbandonedDrafts(olderThan: string, limit: number): Promise<DraftsDeleted>;

  /** Every dossier a conversation filed, oldest first: what a citizen's data export holds besides the transcript. */
  dossiersOfConversation(conversationId: string): Promise<Dossier[]>;

  /** The records of every upload of a conversation, attached or not, oldest first (bytes through `getUpload`). */
  uploadsOfConversation(conversationId: string): Promise<UploadRecord[]>;

  /**
   * Erases a conversation on its citizen's request: the conversation, its messages, replay keys, notes,
   * uploads (bytes included), Zalo contact and dossiers with their search keys. The audit log keeps its
   * entries (who did what, never content). Returns what went, or null when there is no such conversation.
   *
   * @example
   * await store.eraseConversation("conv-1"); // { dossiers: 1, uploads: 2 }
   */
  eraseConversation(conversationId: string): Promise<{ dossiers: number; uploads: number } | null>;
}
