/**
 * One webhook event as received: kept until processed, so that a crash after Zalo's 200 loses
 * nothing, and keyed by the event's own key, so that a retried or replayed event is stored once.
 */
export interface ZaloInboxRecord {
  /** `msg:<msg_id>`, or `event:<user>:<timestamp>` for events without a message id. */
  eventKey: string;
  /** The raw JSON body, as signed. */
  body: string;
  receivedAt: string;
  processedAt: string | null;
}

/** Why Zalo will not take consultation messages for a user now (its error code, or unfollow). */
export interface ZaloUnreachable {
  /** Zalo's error code (-230 outside the 7-day window, -213 not following…), or 0 for an unfollow. */
  code: number;
  since: string;
}

/** A Zalo user of an OA, and the conversation they chat in. */
export interface ZaloContactRecord {
  oaId: string;
  userId: string;
  conversationId: string;
  /** The name the citizen gave Zalo's "share your information" form, when they did. */
  displayName: string | null;
  /**
   * Every message of the conversation up to this seq has been sent to Zalo (or needs no sending:
   * the citizen's own, an OA admin's). The outbox is the transcript after this cursor.
   */
  deliveredSeq: number;
  /** Zalo refuses to deliver to this user now; cleared when they write again. */
  unreachable: ZaloUnreachable | null;
  /** When the outbox may try this contact again after Zalo failed (backoff), or null. */
  retryAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The changes one outbox or inbox step makes to a contact. */
export type ZaloContactPatch = Partial<Pick<ZaloContactRecord, "displayName" | "unreachable" | "retryAt">> & {
  /** Moves the cursor forward only: a slower writer never moves it back. */
  deliveredSeq?: number;
  updatedAt: string;
};

/** The OA's token pair; refreshed ones replace it atomically. */
export interface ZaloTokensRecord {
  accessToken: string;
  refreshToken: string;
  /** When the access token stops working (ISO 8601). */
  expiresAt: string;
  /** The refresh token given in the settings that this pair descends from: new settings replace the pair. */
  seededFrom: string;
  /** Incremented by every save: a refresh saves only over the pair it read. */
  version: number;
}

/**
 * What a lease of the Zalo channel covers: `sending` one conversation's messages (key: the
 * conversation id), or processing one inbox `event` (key: the event key).
 */
export const ZALO_LEASE_KINDS = ["sending", "event"] as const;
export type ZaloLeaseKind = (typeof ZALO_LEASE_KINDS)[number];

/** The lease's name in the store's leases. */
export function zaloLeaseName(kind: ZaloLeaseKind, key: string): string {
  if (!ZALO_LEASE_KINDS.includes(kind)) throw new Error(`not a Zalo lease: ${String(kind)}`);
  return `zalo-${kind}:${String(key)}`;
}

/** The Zalo channel's durable state: the inbox, the contacts (with the outbox cursor), the tokens. */
export interface ZaloStore {
  /** Stores a received event; false when an event with this key was stored before (nothing changes). */
  addZaloEvent(event: { eventKey: string; body: string; receivedAt: string }): Promise<boolean>;
  /** Events not yet processed, oldest first. */
  listPendingZaloEvents(limit: number): Promise<ZaloInboxRecord[]>;
  /** One stored event (pending or processed), or null when there is none with this key (or it was deleted). */
  getZaloEvent(eventKey: string): Promise<ZaloInboxRecord | null>;
  markZaloEventProcessed(eventKey: string, at: string): Promise<void>;
  /** Deletes processed events received before `before` (Zalo's retries are long over); returns how many. */
  deleteProcessedZaloEvents(before: string): Promise<number>;

  getZaloContact(oaId: string, userId: string): Promise<ZaloContactRecord | null>;
  getZaloContactByConversation(conversationId: string): Promise<ZaloContactRecord | null>;
  /** Stores a new contact; when one exists for the user already (another node was first), returns that one. */
  createZaloContact(contact: ZaloContactRecord): Promise<ZaloContactRecord>;
  /** Applies the patch; `deliveredSeq` only moves forward. False when there is no such contact. */
  updateZaloContact(oaId: string, userId: string, patch: ZaloContactPatch): Promise<boolean>;
  /**
   * Contacts with messages not yet sent (cursor behind the conversation's last seq), reachable,
   * not waiting for a retry after `now`; the longest-waiting first.
   */
  listZaloBacklog(now: string, limit: number): Promise<{ contact: ZaloContactRecord; lastSeq: number }[]>;
  /** How many contacts have messages waiting to go out, and how many of them are unreachable. */
  countZaloBacklog(): Promise<{ waiting: number; unreachable: number }>;

  getZaloTokens(): Promise<ZaloTokensRecord | null>;
  /**
   * Saves the pair if the stored one still has `expectedVersion` (null: none stored yet); false
   * when another process saved first. The saved record gets version `expectedVersion + 1` (1).
   */
  saveZaloTokens(tokens: Omit<ZaloTokensRecord, "version">, expectedVersion: number | null): Promise<boolean>;
  /**
   * Takes the right to refresh the tokens until `until`, unless another holder's right runs past
   * `now`: a refresh token works once, so two processes must never refresh at the same time.
   */
  claimZaloTokenRefresh(holder: string, now: string, until: string): Promise<boolean>;
  releaseZaloTokenRefresh(holder: string): Promise<void>;

  /**
   * Takes the right to do one thing of the Zalo channel (`kind` and `key`: see {@link ZaloLeaseKind})
   * until `until`, unless another holder's right runs past `now`; the holder may extend its own.
   * Several nodes read the same inbox and the same cursors: the holder does it, the others leave it.
   */
  claimZaloLease(kind: ZaloLeaseKind, key: string, holder: string, now: string, until: string): Promise<boolean>;
  /** Gives the right back (only the holder's own right): another node may take it at once. */
  releaseZaloLease(kind: ZaloLeaseKind, key: string, holder: string): Promise<void>;
}
