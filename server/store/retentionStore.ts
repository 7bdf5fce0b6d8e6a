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
}
