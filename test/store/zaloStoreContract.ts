import type { Store, ZaloContactRecord } from "../../server/store/store";
import { at, createdConversation, newZaloContact, OA, turnFor, uniqueId } from "./storeRecords";
import { openForEachTest, type StoreUnderTest } from "../support/storeUnderTest";

/**
 * The Zalo channel's inbox, contacts (the outbox cursor), tokens and leases over every adapter.
 *
 * @example
 * describeZaloStoreContract("SqliteStore", sqliteStoreUnderTest("zalo"));
 */
export function describeZaloStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`${name} (zalo store contract)`, () => {
    let store: Store;
    openForEachTest(makeStore, (opened) => {
      store = opened;
    });

    describe("inbox", () => {
      it("stores an event once: a retry with the same key is refused", async () => {
        const body = '{"event_name":"user_send_text"}';
        expect(await store.addZaloEvent({ eventKey: "msg:1", body, receivedAt: at(1) })).toBe(true);
        expect(await store.addZaloEvent({ eventKey: "msg:1", body: "{}", receivedAt: at(2) })).toBe(false);
        expect(await store.listPendingZaloEvents(10)).toEqual([
          { eventKey: "msg:1", body, receivedAt: at(1), processedAt: null },
        ]);
      });

      it("lists pending events oldest first; processed ones no longer, and refused again", async () => {
        for (const [key, minute] of [
          ["msg:b", 3],
          ["msg:a", 1],
          ["msg:c", 2],
        ] as const)
          await store.addZaloEvent({ eventKey: key, body: "{}", receivedAt: at(minute) });
        await store.markZaloEventProcessed("msg:c", at(4));
        expect((await store.listPendingZaloEvents(10)).map((e) => e.eventKey)).toEqual(["msg:a", "msg:b"]);
        expect(await store.addZaloEvent({ eventKey: "msg:c", body: "{}", receivedAt: at(5) })).toBe(false);
        expect((await store.listPendingZaloEvents(1)).map((e) => e.eventKey)).toEqual(["msg:a"]);
      });

      it("finds one event by its key, pending or processed, and none for an unknown key", async () => {
        await store.addZaloEvent({ eventKey: "msg:one", body: "{}", receivedAt: at(1) });
        expect(await store.getZaloEvent("msg:one")).toEqual({
          eventKey: "msg:one",
          body: "{}",
          receivedAt: at(1),
          processedAt: null,
        });
        await store.markZaloEventProcessed("msg:one", at(2));
        expect((await store.getZaloEvent("msg:one"))!.processedAt).toBe(at(2));
        expect(await store.getZaloEvent("msg:other")).toBeNull();
      });

      it("deletes processed events received before a time, never pending ones", async () => {
        await store.addZaloEvent({ eventKey: "msg:old", body: "{}", receivedAt: at(1) });
        await store.addZaloEvent({ eventKey: "msg:pending", body: "{}", receivedAt: at(1) });
        await store.addZaloEvent({ eventKey: "msg:new", body: "{}", receivedAt: at(9) });
        await store.markZaloEventProcessed("msg:old", at(2));
        await store.markZaloEventProcessed("msg:new", at(9));
        expect(await store.deleteProcessedZaloEvents(at(5))).toBe(1);
        expect((await store.listPendingZaloEvents(10)).map((e) => e.eventKey)).toEqual(["msg:pending"]);
        expect(await store.addZaloEvent({ eventKey: "msg:new", body: "{}", receivedAt: at(10) })).toBe(false);
      });
    });

    describe("contacts and the outbox cursor", () => {
      it("finds a contact by user and by conversation; a second create returns the first", async () => {
        const conversation = await createdConversation(store);
        const other = await createdConversation(store);
        const contact = newZaloContact(conversation.id, "246845883529197922");
        expect(await store.createZaloContact(contact)).toEqual(contact);
        const raced = await store.createZaloContact({ ...newZaloContact(other.id, contact.userId), displayName: "B" });
        expect(raced).toEqual(contact);
        expect(await store.getZaloContact(OA, "246845883529197922")).toEqual(contact);
        expect(await store.getZaloContactByConversation(conversation.id)).toEqual(contact);
        expect(await store.getZaloContactByConversation(other.id)).toBeNull();
        expect(await store.getZaloContact(OA, "other")).toBeNull();
      });

      it("patches only the given fields; the cursor never moves back", async () => {
        const contact = newZaloContact((await createdConversation(store)).id);
        await store.createZaloContact(contact);
        const unreachable = { code: -230, since: at(3) };
        await store.updateZaloContact(OA, contact.userId, {
          deliveredSeq: 5,
          displayName: "Nguyễn Thị Hồng Nhung",
          unreachable,
          retryAt: at(4),
          updatedAt: at(3),
        });
        expect(await store.updateZaloContact(OA, contact.userId, { deliveredSeq: 2, updatedAt: at(5) })).toBe(true);
        expect(await store.getZaloContact(OA, contact.userId)).toEqual({
          ...contact,
          deliveredSeq: 5,
          displayName: "Nguyễn Thị Hồng Nhung",
          unreachable,
          retryAt: at(4),
          updatedAt: at(5),
        });
        await store.updateZaloContact(OA, contact.userId, { unreachable: null, retryAt: null, updatedAt: at(6) });
        const cleared = await store.getZaloContact(OA, contact.userId);
        expect([cleared?.unreachable, cleared?.retryAt, cleared?.displayName]).toEqual([
          null,
          null,
          "Nguyễn Thị Hồng Nhung",
        ]);
        expect(await store.updateZaloContact(OA, "nobody", { updatedAt: at(7) })).toBe(false);
      });

      it("lists contacts behind their conversation, reachable and due, the longest-waiting first", async () => {
        const behind = [];
        for (let i = 0; i < 4; i += 1) {
          const conversation = await createdConversation(store);
          await store.commitTurn(turnFor(conversation));
          const contact = { ...newZaloContact(conversation.id), updatedAt: at(10 - i) };
          await store.createZaloContact(contact);
          behind.push(contact);
        }
        const caughtUp = newZaloContact((await createdConversation(store)).id);
        await store.createZaloContact(caughtUp);
        const [waiting, delivered, unreachable, retrying] = behind as [ZaloContactRecord, ...ZaloContactRecord[]];
        await store.updateZaloContact(OA, delivered!.userId, { deliveredSeq: 2, updatedAt: at(1) });
        await store.updateZaloContact(OA, unreachable!.userId, {
          unreachable: { code: -213, since: at(2) },
          updatedAt: at(2),
        });
        await store.updateZaloContact(OA, retrying!.userId, { retryAt: at(30), updatedAt: at(3) });

        const now = await store.listZaloBacklog(at(20), 10);
        expect(now.map((row) => [row.contact.userId, row.lastSeq])).toEqual([[waiting.userId, 2]]);
        const later = await store.listZaloBacklog(at(31), 10);
        expect(later.map((row) => row.contact.userId)).toEqual([retrying!.userId, waiting.userId]);
        expect(await store.countZaloBacklog()).toEqual({ waiting: 3, unreachable: 1 });
      });
    });

    describe("tokens and the refresh lease", () => {
      const pair = { accessToken: "access-1", refreshToken: "refresh-1", expiresAt: at(60), seededFrom: "refresh-0" };

      it("saves the first pair once, then only over the version read", async () => {
        expect(await store.getZaloTokens()).toBeNull();
        expect(await store.saveZaloTokens(pair, null)).toBe(true);
        expect(await store.saveZaloTokens({ ...pair, accessToken: "other" }, null)).toBe(false);
        expect(await store.getZaloTokens()).toEqual({ ...pair, version: 1 });
        const next = { ...pair, accessToken: "access-2", refreshToken: "refresh-2" };
        expect(await store.saveZaloTokens(next, 1)).toBe(true);
        expect(await store.saveZaloTokens({ ...pair, accessToken: "stale" }, 1)).toBe(false);
        expect(await store.getZaloTokens()).toEqual({ ...next, version: 2 });
      });

      it("gives the refresh lease to one holder until it runs out or is released", async () => {
        expect(await store.claimZaloTokenRefresh("node-a", at(0), at(1))).toBe(true);
        expect(await store.claimZaloTokenRefresh("node-b", at(0), at(1))).toBe(false);
        expect(await store.claimZaloTokenRefresh("node-a", at(0), at(2))).toBe(true);
        expect(await store.claimZaloTokenRefresh("node-b", at(3), at(4))).toBe(true);
        await store.releaseZaloTokenRefresh("node-a");
        expect(await store.claimZaloTokenRefresh("node-a", at(3), at(4))).toBe(false);
        await store.releaseZaloTokenRefresh("node-b");
        expect(await store.claimZaloTokenRefresh("node-a", at(3), at(4))).toBe(true);
      });
    });

    describe("the sending and event leases", () => {
      it("gives a lease to one holder until it runs out or is released; the holder extends its own", async () => {
        expect(await store.claimZaloLease("sending", "conv-1", "node-a", at(0), at(1))).toBe(true);
        expect(await store.claimZaloLease("sending", "conv-1", "node-b", at(0), at(1))).toBe(false);
        expect(await store.claimZaloLease("sending", "conv-1", "node-a", at(0), at(2))).toBe(true);
        expect(await store.claimZaloLease("sending", "conv-1", "node-b", at(1), at(3))).toBe(false);
        expect(await store.claimZaloLease("sending", "conv-1", "node-b", at(2), at(3))).toBe(true);
        await store.releaseZaloLease("sending", "conv-1", "node-a");
        expect(await store.claimZaloLease("sending", "conv-1", "node-a", at(2), at(3))).toBe(false);
        await store.releaseZaloLease("sending", "conv-1", "node-b");
        expect(await store.claimZaloLease("sending", "conv-1", "node-a", at(2), at(3))).toBe(true);
      });

      it("keeps leases of other kinds, keys and the token refresh apart", async () => {
        expect(await store.claimZaloLease("sending", "k", "node-a", at(0), at(1))).toBe(true);
        expect(await store.claimZaloLease("event", "k", "node-b", at(0), at(1))).toBe(true);
        expect(await store.claimZaloLease("sending", "other", "node-b", at(0), at(1))).toBe(true);
        expect(await store.claimZaloTokenRefresh("node-b", at(0), at(1))).toBe(true);
        await store.releaseZaloLease("event", "k", "node-b");
        expect(await store.claimZaloLease("sending", "k", "node-b", at(0), at(1))).toBe(false);
        expect(await store.claimZaloLease("event", "k", "node-a", at(0), at(1))).toBe(true);
      });

      it("gives a lease wanted by many holders at once to exactly one", async () => {
        const holders = Array.from({ length: 12 }, (_, i) => `node-${i}`);
        const won = await Promise.all(holders.map((h) => store.claimZaloLease("event", "msg:9", h, at(0), at(1))));
        expect(won.filter(Boolean)).toHaveLength(1);
      });
    });
  });
}
