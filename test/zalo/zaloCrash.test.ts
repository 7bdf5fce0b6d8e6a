import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startFakeZalo, type FakeZalo } from "../../fakes/zalo/fakeZalo";
import { SqliteStore } from "../../server/store/sqlite/sqliteStore";
import { kill9, startChildServer } from "../support/childServer";
import { until, ZALO_APP, zaloSettings } from "../support/zaloCitizen";

jest.setTimeout(60_000);

const USERS = 40;

describe("a server killed with SIGKILL after answering Zalo", () => {
  let dataDir: string;
  let zalo: FakeZalo;
  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "khai-ho-zalo-crash-"));
    zalo = await startFakeZalo({ ...ZALO_APP });
  });
  afterEach(async () => {
    await zalo.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** What the store holds of the users' events: pending in the inbox, and the citizen messages stored. */
  async function inspect(userIds: string[]) {
    const store = new SqliteStore({ dataDir });
    await store.open();
    try {
      const pending = (await store.listPendingZaloEvents(1000)).length;
      const stored: string[][] = [];
      for (const userId of userIds) {
        const contact = await store.getZaloContact(ZALO_APP.oaId, userId);
        const messages = contact ? await store.listMessages(contact.conversationId, 0, 100) : [];
        stored.push(messages.filter((m) => m.author === "citizen").map((m) => m.text));
      }
      return { pending, stored };
    } finally {
      await store.close();
    }
  }

  it("processes every event it answered 200 exactly once after the restart", async () => {
    const env = { ...zaloSettings(zalo), DATA_DIR: dataDir, RATE_LIMIT_IP_PER_MINUTE: "100000" };
    const first = await startChildServer(env);
    zalo.webhookUrl = `${first.url}/webhooks/zalo`;
    const userIds = Array.from({ length: USERS }, (_, i) => `5500000000000${String(i).padStart(5, "0")}`);
    // Every user writes at once; the server is killed the moment the last answer arrives.
    const answers = await Promise.all(userIds.map((userId) => zalo.sendText(userId, "khai tử")));
    await kill9(first.child);
    expect(answers.map((a) => a.status)).toEqual(userIds.map(() => 200));

    const atKill = await inspect(userIds);
    const processed = atKill.stored.filter((texts) => texts.length > 0).length;
    // Each event answered 200 was stored: processed before the kill, or waiting in the inbox.
    expect(processed + atKill.pending).toBeGreaterThanOrEqual(USERS);

    const second = await startChildServer(env);
    zalo.webhookUrl = `${second.url}/webhooks/zalo`;
    try {
      // Zalo retries one event with the same body: it changes nothing.
      await until(async () => (await inspect(userIds)).pending === 0, "the inbox processed", 30_000);
      const after = await inspect(userIds);
      expect(after.stored).toEqual(userIds.map(() => ["khai tử"]));
      // Every user was greeted and answered. A reply Zalo accepted just before the kill, whose
      // cursor was not yet written, goes out again: the one case of a message sent twice.
      await until(
        () =>
          userIds.every((u) => zalo.sent.filter((m) => m.userId === u && m.text?.startsWith("Thủ tục:")).length > 0),
        "the answers in Zalo",
        30_000,
      );
      for (const userId of userIds) {
        const greetings = zalo.sent.filter((m) => m.userId === userId && m.text?.startsWith("Xin chào"));
        expect(greetings.length).toBeLessThanOrEqual(2);
        expect(greetings.length).toBeGreaterThanOrEqual(1);
      }
    } finally {
      await kill9(second.child);
    }
  });
});
