import type { ChatMessage, ConversationStateEvent, Locale, SendMessage } from "../../server/channels/web/protocol";

/** A citizen message not yet acknowledged by the server, kept across reloads. */
export interface OutboxItem {
  payload: SendMessage;
  /** What the citizen's bubble shows: the text typed, the choice's label or the file name. */
  display: string;
}

/**
 * What survives a reload, under one key so that the transcript and `lastSeq` can never
 * disagree: the server replays from `lastSeq`, so it must be the last message actually kept.
 */
export interface StoredConversation {
  v: 1;
  /** Bearer secret of the conversation: never logged, never put in a URL. */
  token: string | null;
  conversationId: string | null;
  lastSeq: number;
  messages: ChatMessage[];
  state: ConversationStateEvent | null;
  outbox: OutboxItem[];
  /** The language the citizen chose with the switch button, if any. */
  locale: Locale | null;
  /** The panel was open: reopen it on the next page of the portal. */
  open: boolean;
  /** Dossiers filed in this conversation, each shown as a card after the message it followed. */
  receipts: Receipt[];
}

export interface Receipt {
  dossierCode: string;
  afterSeq: number;
}

/**
 * The transcript is kept so a reload shows it without asking the server; older messages beyond
 * this are dropped from the browser (the server still has them).
 */
const MAX_KEPT_MESSAGES = 300;

export function emptyConversation(): StoredConversation {
  return {
    v: 1,
    token: null,
    conversationId: null,
    lastSeq: 0,
    messages: [],
    state: null,
    outbox: [],
    locale: null,
    open: false,
    receipts: [],
  };
}

/**
 * localStorage under a key naming the Khai Hộ server, so that two deployments embedded on one
 * page keep two conversations. Falls back to memory where storage is refused (Safari private
 * windows of old, sandboxed frames, a full quota).
 */
export class ConversationStore {
  private readonly key: string;
  private memory: string | null = null;

  constructor(serverOrigin: string) {
    this.key = `khaiho:${serverOrigin}`;
  }

  load(): StoredConversation {
    let raw: string | null = this.memory;
    try {
      raw = localStorage.getItem(this.key) ?? raw;
    } catch {
      // Storage refused: the memory copy is all there is.
    }
    return migrate(raw);
  }

  save(conversation: StoredConversation): void {
    const kept =
      conversation.messages.length > MAX_KEPT_MESSAGES
        ? { ...conversation, messages: conversation.messages.slice(-MAX_KEPT_MESSAGES) }
        : conversation;
    const raw = JSON.stringify(kept);
    this.memory = raw;
    try {
      localStorage.setItem(this.key, raw);
    } catch {
      // Quota or refusal: the conversation goes on in memory; the server keeps the truth.
    }
  }

  clear(): void {
    this.memory = null;
    try {
      localStorage.removeItem(this.key);
    } catch {
      // Nothing was stored.
    }
  }
}

/**
 * Reads any stored shape: today's version as is; anything else keeps only the token, with
 * `lastSeq` 0 so the server replays the whole conversation.
 */
function migrate(raw: string | null): StoredConversation {
  let data: unknown;
  try {
    data = raw === null ? null : JSON.parse(raw);
  } catch {
    return emptyConversation();
  }
  if (typeof data !== "object" || data === null) return emptyConversation();
  const record = data as Partial<StoredConversation> & { v?: unknown };
  const token = typeof record.token === "string" ? record.token : null;
  if (
    record.v !== 1 ||
    !Array.isArray(record.messages) ||
    !Array.isArray(record.outbox) ||
    typeof record.lastSeq !== "number"
  ) {
    return { ...emptyConversation(), token };
  }
  return {
    v: 1,
    token,
    conversationId: typeof record.conversationId === "string" ? record.conversationId : null,
    lastSeq: record.lastSeq,
    messages: record.messages,
    state: record.state ?? null,
    outbox: record.outbox,
    locale: record.locale === "vi" || record.locale === "en" ? record.locale : null,
    open: record.open === true,
    receipts: Array.isArray(record.receipts) ? record.receipts : [],
  };
}
