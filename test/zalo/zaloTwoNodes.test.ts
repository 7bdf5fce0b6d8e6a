import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deliverZaloEvent, type Delivery } from "../../fakes/zalo/deliverZaloEvent";
import { startFakeZalo, type FakeZalo } from "../../fakes/zalo/fakeZalo";
import { parseZaloEvent } from "../../server/channels/zalo/zaloEvent";
import { ZaloOpenApi } from "../../server/channels/zalo/zaloOpenApi";
import { ZaloOutbox } from "../../server/channels/zalo/zaloOutbox";
import { ZaloTokens } from "../../server/channels/zalo/zaloTokens";
import { createLogger } from "../../server/logger";
import { ensureFirstAdmin } from "../../server/console/userAccounts";
import { SqliteStore } from "../../server/store/sqlite/sqliteStore";
import { type ChildServer, exitOf, kill9, startChildServer } from "../support/childServer";
import { catalogue, walkFlow } from "../support/flowWalker";
import { until, ZALO_APP, zaloSettings } from "../support/zaloCitizen";
import { createdConversation, newZaloContact, turnFor } from "../store/storeRecords";

jest.setTimeout(120_000);

// Several citizens at once, each writing one event after the other's answer: 6 × 7 events.
const CITIZENS = 6;
// Citizens whose first message is already in the inbox when both nodes start: both read it at once.
const WAITING_AT_START = 4;
const ANSWERS = 6;

/**
 * Two server processes on one SQLite file (WAL), as several nodes share MongoDB in production, and
 * the webhook reaching either: every event gets one answer in Zalo, sent once, in order.
 */
describe("two nodes on one store, the Zalo webhook reaching either", () => {
  let dataDir: string;
  let zalo: FakeZalo;
  let store: SqliteStore;
  const nodes: ChildServer[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "khai-ho-zalo-nodes-"));
    zalo = await startFakeZalo({ ...ZALO_APP });
    // Made (migrated, with its first account) before the nodes start: they open a running deployment's file.
    store = new SqliteStore({ dataDir });
    await store.open();
    await ensureFirstAdmin(store, catalogue().units, new Date());
  });

  afterAll(async () => {
    await Promise.all(nodes.splice(0).map((node) => (node.child.exitCode === null ? kill9(node.child) : undefined)));
    await store?.close();
    await zalo?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Posts one signed event to one node, as Zalo does; the user interacted with the OA now. */
  function deliver(node: ChildServer, body: object): Promise<Delivery> {
    const userId = (body as { sender?: { id?: string }; follower?: { id?: string } }).sender?.id;
    zalo.setLastInteraction(userId ?? (body as { follower: { id: string } }).follower.id, Date.now());
    return deliverZaloEvent(`${node.url}/webhooks/zalo`, JSON.stringify(body), ZALO_APP);
  }

  async function lastSeqOf(userId: string): Promise<number> {
    const contact = await store.getZaloContact(ZALO_APP.oaId, userId);
    return contact ? ((await store.getConversation(contact.conversationId))?.lastSeq ?? 0) : 0;
  }

  /** Waits until the conversation has grown past `afterSeq` and every message of it went to Zalo. */
  async function settled(userId: string, afterSeq: number): Promise<void> {
    await until(
      async () => {
        const contact = await store.getZaloContact(ZALO_APP.oaId, userId);
        const conversation = contact && (await store.getConversation(contact.conversationId));
        return (
          !!contact && !!conversation && conversation.lastSeq > afterSeq && contact.deliveredSeq >= conversation.lastSeq
        );
      },
      `the answer to ${userId} after message ${afterSeq}`,
      20_000,
    );
  }

  /** What Zalo received for the user, and the messages Khai Hộ wrote in the conversation (what should go out). */
  async function transcriptOf(userId: string): Promise<{ received: string; written: string[]; typed: string[] }> {
    const contact = (await store.getZaloContact(ZALO_APP.oaId, userId))!;
    const messages = await store.listMessages(contact.conversationId, 0, 500);
    return {
      received: zalo.sent
        .filter((m) => m.userId === userId)
        .map((m) => m.text ?? "")
        .join("\n\n")
        .normalize("NFC"),
      written: messages.filter((m) => m.author !== "citizen").map((m) => m.text.normalize("NFC")),
      typed: messages.filter((m) => m.author === "citizen").map((m) => m.text),
    };
  }

  it("answers each event once and in order, wherever it arrives, even sent to both nodes at once", async () => {
    const userIds = Array.from({ length: CITIZENS }, (_, i) => `77000000000${String(i).padStart(7, "0")}`);
    const early = userIds.slice(0, WAITING_AT_START);
    // Left by a node that stopped before processing them: both nodes find them pending when they start.
    for (const userId of early) {
      const body = JSON.stringify(zalo.events.text(userId, "khai tử"));
      zalo.setLastInteraction(userId, Date.now());
      const { eventKey } = parseZaloEvent(body)!;
      await store.addZaloEvent({ eventKey, body, receivedAt: new Date().toISOString() });
    }
    const env = {
      ...zaloSettings(zalo),
      DATA_DIR: dataDir,
      RATE_LIMIT_IP_PER_MINUTE: "100000",
      RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000",
    };
    const started = await Promise.allSettled([startChildServer(env), startChildServer(env)]);
    for (const node of started) if (node.status === "fulfilled") nodes.push(node.value);
    expect(started.map((node) => node.status)).toEqual(["fulfilled", "fulfilled"]);
    const [a, b] = nodes as [ChildServer, ChildServer];
    zalo.webhookUrl = `${a.url}/webhooks/zalo`;
    for (const userId of early) await settled(userId, 0);

    const walk = walkFlow("dang-ky-khai-tu", { clock: { now: new Date() }, unitId: "an-thanh" });
    const typed = walk.inputs.slice(0, ANSWERS).map((input) => {
      if (input.kind === "text") return input.text;
      if (input.kind === "choice") return input.value;
      throw new Error(`a walk input of kind ${input.kind} is not typed`);
    });
    await Promise.all(
      userIds.map(async (userId, citizen) => {
        const events = [
          ...(early.includes(userId) ? [] : [zalo.events.follow(userId)]),
          ...typed.map((text) => zalo.events.text(userId, text)),
        ];
        for (const [n, event] of events.entries()) {
          const before = await lastSeqOf(userId);
          // To A, to B, or the same event to both at once, in turn.
          const targets = [[a], [b], [a, b]][(citizen + n) % 3]!;
          const answers = await Promise.all(targets.map((node) => deliver(node, event)));
          expect(answers.map((answer) => answer.status)).toEqual(targets.map(() => 200));
          await settled(userId, before);
        }
      }),
    );

    expect(await store.listPendingZaloEvents(100)).toEqual([]);
    for (const userId of userIds) {
      const { received, written, typed: stored } = await transcriptOf(userId);
      // Each message typed once; each written message in Zalo as often as written, in the written order.
      // (A tapped choice is stored with its label, not the payload the citizen sent.)
      expect(stored).toHaveLength(typed.length + (early.includes(userId) ? 1 : 0));
      expect(stored.slice(1 - typed.length)).toEqual(typed.slice(1));
      expect(received.length).toBeGreaterThan(0);
      let from = 0;
      for (const text of written) {
        const start = text.slice(0, 40);
        const at = received.indexOf(start, from);
        expect(at).toBeGreaterThanOrEqual(from);
        from = at + start.length;
        expect(occurrences(received, start)).toBe(written.filter((w) => w.startsWith(start)).length);
      }
    }

    // A node told to stop finishes what it holds and gives its leases back: the other sends at once.
    a.child.kill("SIGTERM");
    expect(await exitOf(a.child)).toBe(0);
    const last = userIds[0]!;
    const before = await lastSeqOf(last);
    expect((await deliver(b, zalo.events.text(last, "trợ giúp"))).status).toBe(200);
    await settled(last, before);
    b.child.kill("SIGTERM");
    expect(await exitOf(b.child)).toBe(0);
  });
});

// Each of two stores on one file has its own connections and writer thread, as two processes have.
describe("two outboxes on one store file", () => {
  let dataDir: string;
  let zalo: FakeZalo;
  let stores: SqliteStore[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    await zalo?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("sends a backlog that both wake for at the same moment once, in order", async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "khai-ho-zalo-outboxes-"));
    zalo = await startFakeZalo({ ...ZALO_APP });
    stores = [new SqliteStore({ dataDir, writerThread: true }), new SqliteStore({ dataDir, writerThread: true })];
    for (const store of stores) await store.open();
    const [first] = stores as [SqliteStore];
    const logger = createLogger("silent");
    const outboxes = stores.map((store) => {
      const tokens = new ZaloTokens({
        store,
        appId: ZALO_APP.appId,
        appSecret: ZALO_APP.appSecret,
        oauthBase: zalo.url,
        seed: { accessToken: ZALO_APP.accessToken, refreshToken: ZALO_APP.refreshToken },
        now: () => new Date(),
        logger,
      });
      const api = new ZaloOpenApi({ openApiBase: zalo.url, tokens, logger });
      return new ZaloOutbox({ store, api, now: () => new Date(), logger });
    });
    // Citizens with four answers each waiting: every answer is one Zalo message (the citizen's own come between).
    const contacts: { userId: string; conversationId: string }[] = [];
    for (let citizen = 0; citizen < 8; citizen += 1) {
      let conversation = await createdConversation(first);
      for (let turn = 0; turn < 4; turn += 1) {
        await first.commitTurn(turnFor(conversation));
        conversation = (await first.getConversation(conversation.id))!;
      }
      const userId = `88000000000${String(citizen).padStart(7, "0")}`;
      const contact = await first.createZaloContact(newZaloContact(conversation.id, userId));
      zalo.setLastInteraction(contact.userId, Date.now());
      contacts.push({ userId: contact.userId, conversationId: conversation.id });
    }

    for (const { conversationId } of contacts) for (const outbox of outboxes) outbox.wake(conversationId);
    await until(async () => {
      for (const { conversationId } of contacts)
        if ((await first.getZaloContactByConversation(conversationId))!.deliveredSeq < 8) return false;
      return true;
    }, "every backlog sent");
    await Promise.all(outboxes.map((outbox) => outbox.stop()));

    for (const { userId } of contacts) {
      const sent = zalo.sent.filter((message) => message.userId === userId);
      expect(sent.map((message) => message.text)).toEqual(Array(4).fill(sent[0]!.text));
    }
  });
});

function occurrences(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) count += 1;
  return count;
}
