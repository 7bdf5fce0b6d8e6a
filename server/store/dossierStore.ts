import type { Dossier } from "../dossier/dossier";

/** An uploaded document photo or scan; the bytes are kept under a server-generated name. */
export interface UploadRecord {
  id: string;
  conversationId: string;
  mimeType: "image/jpeg" | "image/png" | "application/pdf";
  size: number;
  createdAt: string;
}

/** Which postal list to read: see {@link DossierStore.postalDossiers}. */
export interface PostalListFilter {
  unitIds: readonly string[] | null;
  day: string;
  limit: number;
}

/** Submitted dossiers (written by `commitTurn`) and the uploaded documents they attach. */
export interface DossierStore {
  getDossier(code: string): Promise<Dossier | null>;
  /** The dossier a conversation submitted, with the conversation's id, for access checks. */
  getDossierOwner(code: string): Promise<{ dossier: Dossier; conversationId: string } | null>;
  /**
   * Dossiers of some units (null: every unit), newest first, with their conversation id. `query`, when given,
   * matches a receipt code (whole, any case), a phone number (any written form, compared as digits after
   * normalising +84/84 to 0), or words of a person's name in the dossier's fields whose key ends in
   * "FullName" or "Name" (diacritic- and case-insensitive, every word of the query must appear).
   */
  listDossiers(filter: {
    unitIds: readonly string[] | null;
    query?: string;
    limit: number;
  }): Promise<{ dossier: Dossier; conversationId: string }[]>;

  /**
   * The postal list of some units (null: every unit) for one city day (`YYYY-MM-DD`, Asia/Ho_Chi_Minh): the dossiers
   * submitted or returned by post created that day, and those of earlier days the post office has not finished with
   * (not at the last step of their `postalRoute`), oldest first (then by code), at most `limit`.
   */
  postalDossiers(filter: PostalListFilter): Promise<Dossier[]>;

  saveUpload(record: UploadRecord, bytes: Buffer): Promise<void>;
  getUpload(id: string): Promise<{ record: UploadRecord; bytes: Buffer } | null>;
  /** Deletes one upload, record and bytes (an ID card photo once read); nothing when there is none. */
  deleteUpload(id: string): Promise<void>;

  // Upload retention and quota.
  /** How many uploads a conversation has stored and their total size, for its quota. */
  uploadUsage(conversationId: string): Promise<{ files: number; bytes: number }>;
  /**
   * Deletes (record and bytes) the uploads created before `olderThan` (an ISO instant) that no
   * message of their conversation refers to; returns how many.
   */
  deleteUnattachedUploads(olderThan: string): Promise<number>;
}
