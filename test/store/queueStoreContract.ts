import { initialState, type ConversationStatus } from "../../server/engine/conversationState";
import type { ConversationRecord, Store } from "../../server/store/store";
import { OPERATOR, queuedConversation } from "./storeRecords";
import { openForEachTest, type StoreUnderTest } from "../support/storeUnderTest";

/**
 * The handoff queue over every adapter: conversations listed by unit and status, the
 * longest-waiting first, identical in SQLite and MongoDB.
 *
 * @example
 * describeQueueStoreContract("SqliteStore", sqliteStoreUnderTest("queue"));
 */
export function describeQueueStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`${name} (queue store contract)`, () => {
    let store: Store;
    openForEachTest(makeStore, (opened) => {
      store = opened;
    });

    async function created(
      unitId: string | null,
      status: ConversationStatus,
      updatedMinute: number,
    ): Promise<ConversationRecord> {
      const conversation = queuedConversation(unitId, status, updatedMinute);
      await store.createConversation(conversation);
      return conversation;
    }

    /** Commits one turn of `conversation` that writes `dossier`; returns the conversation's new version. */

    describe("listConversations", () => {
      it("returns only the asked units and statuses, the longest-waiting first", async () => {
        const a3 = await created("an-thanh", "waiting_clerk", 3);
        const a1 = await created("an-thanh", "waiting_clerk", 1);
        const a2 = await created("an-thanh", "with_clerk", 2);
        const b0 = await created("tan-hoi", "waiting_clerk", 0);
        await created("binh-minh", "waiting_clerk", -5);
        await created("an-thanh", "bot", -10);
        await created(null, "waiting_clerk", -20);

        const waiting = await store.listConversations({
          unitIds: ["an-thanh", "tan-hoi"],
          statuses: ["waiting_clerk"],
          limit: 50,
        });
        expect(waiting.map((conversation) => conversation.id)).toEqual([b0.id, a1.id, a3.id]);
        expect(waiting[1]).toEqual(a1);

        const held = await store.listConversations({
          unitIds: ["an-thanh"],
          statuses: ["waiting_clerk", "with_clerk"],
          limit: 50,
        });
        expect(held.map((conversation) => conversation.id)).toEqual([a1.id, a2.id, a3.id]);
      });

      it("returns every unit's conversations for null units, those without a unit included", async () => {
        const a = await created("an-thanh", "waiting_clerk", 2);
        const b = await created("tan-hoi", "waiting_clerk", 1);
        const none = await created(null, "waiting_clerk", 0);
        await created("tan-hoi", "closed", -1);

        const all = await store.listConversations({ unitIds: null, statuses: ["waiting_clerk"], limit: 50 });
        expect(all.map((conversation) => conversation.id)).toEqual([none.id, b.id, a.id]);
      });

      it("returns nothing for an empty list of units or of statuses", async () => {
        await created("an-thanh", "waiting_clerk", 0);

        expect(await store.listConversations({ unitIds: [], statuses: ["waiting_clerk"], limit: 50 })).toEqual([]);
        expect(await store.listConversations({ unitIds: null, statuses: [], limit: 50 })).toEqual([]);
      });

      it("returns at most `limit` conversations, the longest-waiting, and none for a limit of 0 or less", async () => {
        const oldest = await created("an-thanh", "waiting_clerk", 0);
        const middle = await created("an-thanh", "waiting_clerk", 1);
        await created("an-thanh", "waiting_clerk", 2);

        const two = await store.listConversations({ unitIds: ["an-thanh"], statuses: ["waiting_clerk"], limit: 2 });
        expect(two.map((conversation) => conversation.id)).toEqual([oldest.id, middle.id]);
        expect(await store.listConversations({ unitIds: ["an-thanh"], statuses: ["waiting_clerk"], limit: 0 })).toEqual(
          [],
        );
        expect(
          await store.listConversations({ unitIds: ["an-thanh"], statuses: ["waiting_clerk"], limit: -1 }),
        ).toEqual([]);
        expect(
          await store.listConversations({ unitIds: ["an-thanh"], statuses: ["waiting_clerk"], limit: Number.NaN }),
        ).toEqual([]);
      });

      it("moves a conversation between units' lists when a turn changes its unit", async () => {
        const conversation = await created("an-thanh", "waiting_clerk", 0);
        const result = await store.commitTurn({
          conversationId: conversation.id,
          expectedVersion: 0,
          state: { ...initialState("vi", "tan-hoi"), status: "waiting_clerk" },
          messages: [],
          dedupe: null,
          dossier: null,
        });
        expect(result).toEqual({ ok: true, version: 1 });

        expect(
          await store.listConversations({ unitIds: ["an-thanh"], statuses: ["waiting_clerk"], limit: 50 }),
        ).toEqual([]);
        const moved = await store.listConversations({ unitIds: ["tan-hoi"], statuses: ["waiting_clerk"], limit: 50 });
        expect(moved.map((record) => [record.id, record.unitId, record.version])).toEqual([
          [conversation.id, "tan-hoi", 1],
        ]);
      });

      it("moves a conversation between statuses' lists when a turn changes its status", async () => {
        const conversation = await created("an-thanh", "waiting_clerk", 0);
        await store.commitTurn({
          conversationId: conversation.id,
          expectedVersion: 0,
          state: { ...initialState("vi", "an-thanh"), status: "with_clerk" },
          messages: [],
          dedupe: null,
          dossier: null,
        });

        expect(
          await store.listConversations({ unitIds: ["an-thanh"], statuses: ["waiting_clerk"], limit: 50 }),
        ).toEqual([]);
        expect(
          await store.listConversations({ unitIds: ["an-thanh"], statuses: ["with_clerk"], limit: 50 }),
        ).toHaveLength(1);
      });

      it("treats unit ids and statuses as plain strings", async () => {
        await created("an-thanh", "waiting_clerk", 0);

        expect(await store.listConversations({ unitIds: [OPERATOR], statuses: ["waiting_clerk"], limit: 50 })).toEqual(
          [],
        );
        expect(
          await store.listConversations({
            unitIds: null,
            statuses: [OPERATOR as unknown as ConversationStatus],
            limit: 50,
          }),
        ).toEqual([]);
      });

      it("refuses a unit filter that is neither a list nor null", async () => {
        await created("an-thanh", "waiting_clerk", 0);
        const missing = undefined as unknown as null;

        await expect(
          store.listConversations({ unitIds: missing, statuses: ["waiting_clerk"], limit: 50 }),
        ).rejects.toMatchObject({
          name: "StoreError",
          code: "STORE_FILTER_INVALID",
        });
      });
    });
  });
}
