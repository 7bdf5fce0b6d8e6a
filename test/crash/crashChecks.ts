import path from "node:path";
import Database from "better-sqlite3";
import { io } from "socket.io-client";
import type { ChatMessage, ConversationStateEvent, SendAck } from "../../server/channels/web/protocol";
import { STATUS_TEXTS } from "../../server/dossier/statusTexts";
import { SQLITE_FILE_NAME } from "../../server/store/sqlite/sqliteStore";
import type { ChatClient } from "../support/testServer";
import type { CrashLedger } from "./crashLedger";
import { sleep } from "./seededRandom";

/** A conversation as a client sees it: its whole transcript replayed (lastSeq 0), then one more turn. */
export interface ReplayedConversation {
  conversationId: string;
  transcript: ChatMessage[];
  state: ConversationStateEvent;
}

const WAIT_MS = 10_000;

/**
 * Resumes the conversation from scratch and takes one more turn: the replay must run 1..n without
 * a gap, and the next message must be stored at n + 1 and (with the bot) be answered.
 */
export async function replayAndContinue(
  url: string,
  token: string,
  ledger: CrashLedger,
): Promise<ReplayedConversation | null> {
  const socket: ChatClient = io(`${url}/chat`, {
    auth: { token, lastSeq: 0 },
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
  });
  const transcript: ChatMessage[] = [];
  let state: ConversationStateEvent | null = null;
  let conversationId: string | null = null;
  socket.on("session:ready", (s) => (conversationId = s.conversationId));
  socket.on("message:new", (m) => transcript.push(m));
  socket.on("conversation:state", (s) => (state ??= s));
  try {
    const started = Date.now();
    while (!state && Date.now() - started < WAIT_MS) await sleep(10);
    if (!state || !conversationId) {
      ledger.fail(`a conversation could not be resumed at the end`);
      return null;
    }
    const replayed: ReplayedConversation = { conversationId, transcript: [...transcript], state };
    const seqs = replayed.transcript.map((m) => m.seq);
    if (seqs.some((seq, i) => seq !== i + 1))
      ledger.fail(
        `conversation ${conversationId}: replayed seqs are not 1..n (${seqs.length} messages, first gap after ` +
          `${seqs.findIndex((s, i) => s !== i + 1)})`,
      );
    const n = seqs.length;
    const ack: SendAck | null = await socket
      .timeout(WAIT_MS)
      .emitWithAck("message:send", { clientMessageId: `final-${conversationId}`, text: "xin chào" })
      .catch(() => null);
    if (!ack?.ok) {
      ledger.fail(`conversation ${conversationId}: its next turn is refused (${ack ? ack.error.code : "no answer"})`);
      return replayed;
    }
    if (ack.seq !== n + 1)
      ledger.fail(`conversation ${conversationId}: its next message is stored at ${ack.seq}, after ${n}`);
    const status = (replayed.state as ConversationStateEvent).status;
    if (status === "bot" || status === "completed" || status === "closed") {
      const answered = Date.now();
      while (!transcript.some((m) => m.seq > ack.seq && m.author !== "citizen") && Date.now() - answered < WAIT_MS)
        await sleep(10);
      if (!transcript.some((m) => m.seq > ack.seq))
        ledger.fail(`conversation ${conversationId}: its next turn (${status}) gets no answer`);
    }
    return replayed;
  } finally {
    socket.disconnect();
  }
}

/** Every acknowledged citizen and clerk message stored once at its seq, every acknowledged status move told once. */
export function checkAcknowledged(
  conversations: ReadonlyMap<string, ReplayedConversation>,
  ledger: CrashLedger,
): { messages: number; statusChanges: number } {
  const counts = new Map<string, { citizen: number; clerk: number }>();
  for (const ack of ledger.acked) {
    const replayed = conversations.get(ack.conversationId);
    if (!replayed) {
      ledger.fail(`conversation ${ack.conversationId} of an acknowledged ${ack.author} message was not replayed`);
      continue;
    }
    const stored = replayed.transcript.find((m) => m.seq === ack.seq);
    if (!stored || stored.author !== ack.author || (ack.text !== null && stored.text !== ack.text)) {
      ledger.fail(
        `conversation ${ack.conversationId}: acknowledged ${ack.author} message ${ack.clientMessageId} is not at ` +
          `seq ${ack.seq}`,
      );
    }
    if (ack.text !== null && replayed.transcript.filter((m) => m.text === ack.text).length !== 1)
      ledger.fail(
        `conversation ${ack.conversationId}: clerk message ${ack.clientMessageId} is not stored exactly once`,
      );
    const count = counts.get(ack.conversationId) ?? { citizen: 0, clerk: 0 };
    count[ack.author] += 1;
    counts.set(ack.conversationId, count);
  }
  // Every message is resent until acknowledged: as many stored as acknowledged means none twice.
  for (const [conversationId, count] of counts) {
    const transcript = conversations.get(conversationId)?.transcript ?? [];
    for (const author of ["citizen", "clerk"] as const) {
      const stored = transcript.filter((m) => m.author === author).length;
      if (stored !== count[author])
        ledger.fail(
          `conversation ${conversationId}: ${stored} ${author} messages stored, ${count[author]} acknowledged`,
        );
    }
  }
  let statusChanges = 0;
  for (const dossier of ledger.dossiers.values()) {
    const transcript = conversations.get(dossier.conversationId)?.transcript ?? [];
    for (const status of dossier.acked) {
      statusChanges += 1;
      const told = transcript.filter(
        (m) => m.author === "system" && m.text.startsWith(`Hồ sơ ${dossier.code}: ${STATUS_TEXTS[status].name.vi}.`),
      ).length;
      if (told !== 1) ledger.fail(`dossier ${dossier.code}: the move to ${status} is in the transcript ${told} times`);
    }
  }
  return { messages: ledger.acked.length, statusChanges };
}

export interface StoreFigures {
  integrity: string;
  conversations: number;
  dossiers: number;
  /** Receipt numbers of a day's counter that no dossier carries. */
  receiptGaps: string[];
}

/**
 * The SQLite file after the last stop, opened read-only: integrity, seqs 1..lastSeq everywhere, receipt numbers 1..n,
 * final statuses.
 */
export function checkStoreFile(dataDir: string, ledger: CrashLedger): StoreFigures {
  const db = new Database(path.join(dataDir, SQLITE_FILE_NAME), { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma("integrity_check", { simple: true }) as string) ?? "no answer";
    if (integrity !== "ok") ledger.fail(`PRAGMA integrity_check: ${integrity}`);
    const holes = db
      .prepare<[], { id: string; last_seq: number; n: number; lo: number | null; hi: number | null }>(
        `SELECT c.id, c.last_seq, COUNT(m.seq) AS n, MIN(m.seq) AS lo, MAX(m.seq) AS hi FROM conversations c LEFT ` +
          `JOIN messages m ON m.conversation_id = c.id GROUP BY c.id`,
      )
      .all();
    for (const c of holes) {
      if (c.n !== c.last_seq || (c.n > 0 && (c.lo !== 1 || c.hi !== c.last_seq)))
        ledger.fail(`conversation ${c.id}: stored seqs ${c.lo}..${c.hi} (${c.n}) for lastSeq ${c.last_seq}`);
    }
    const statuses = new Map(
      db
        .prepare<[], { code: string; status: string }>(`SELECT code, status FROM dossiers`)
        .all()
        .map((d) => [d.code, d.status]),
    );
    for (const dossier of ledger.dossiers.values()) {
      const expected = dossier.acked.at(-1) ?? "submitted";
      if (statuses.get(dossier.code) !== expected)
        ledger.fail(`dossier ${dossier.code}: stored as ${statuses.get(dossier.code)}, last acknowledged ${expected}`);
    }
    const receiptGaps: string[] = [];
    for (const counter of db
      .prepare<[], { name: string; value: number }>(`SELECT name, value FROM counters WHERE name LIKE 'receipt:%'`)
      .all()) {
      const day = counter.name.slice(counter.name.lastIndexOf(":") + 1).replace(/-/g, "");
      const used = new Set(
        [...statuses.keys()]
          .map((code) => new RegExp(`${day}-(\\d+)`).exec(code)?.[1])
          .filter(Boolean)
          .map(Number),
      );
      for (let n = 1; n <= counter.value; n++)
        if (!used.has(n)) receiptGaps.push(`${day}-${String(n).padStart(4, "0")}`);
    }
    return { integrity, conversations: holes.length, dossiers: statuses.size, receiptGaps };
  } finally {
    db.close();
  }
}
