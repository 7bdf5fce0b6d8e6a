/** One read or change of citizen data by a console user: who, what, when — no personal data. */
export interface AuditRecord {
  id: string;
  at: string;
  actorId: string;
  /** `dossier.read`, `dossier.patch`, `conversation.take`, `user.disable`… */
  action: string;
  conversationId?: string;
  dossierCode?: string;
  /** Field keys, units, counts — never values. */
  detail?: Record<string, string | number | boolean>;
}

/**
 * A note a clerk attaches to a conversation for the other clerks ("đã gọi lại, hẹn thứ Hai"):
 * never shown to the citizen. Its text may hold personal data, so it lives here, not in the audit log.
 */
export interface NoteRecord {
  id: string;
  conversationId: string;
  authorId: string;
  /** The clerk's display name when they wrote it. */
  authorName: string;
  text: string;
  at: string;
}

/** What clerks leave behind: the audit log of their reads and changes, and their notes on conversations. */
export interface AuditStore {
  appendAudit(entry: AuditRecord): Promise<void>;
  /** The newest entries first, at most `limit`. */
  listAudit(
    filter: { actorId?: string; conversationId?: string; dossierCode?: string },
    limit: number,
  ): Promise<AuditRecord[]>;

  appendNote(note: NoteRecord): Promise<void>;
  /** A conversation's notes, oldest first (as they read in the console), the latest `limit` of them. */
  listNotes(conversationId: string, limit: number): Promise<NoteRecord[]>;
}
