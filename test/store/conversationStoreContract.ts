import type { ConversationRecord, MessageRecord, Store, TurnWrite } from "../../server/store/store";
import {
  sha256,
  stateAfterTurn,
  createdConversation,
  newConversation,
  newUpload,
  sampleBytes,
  turnFor,
  uniqueId,
} from "./storeRecords";
import { openForEachTest, type StoreUnderTest } from "../support/storeUnderTest";

/**
 * Conversations, messages and the turn commit (dedupe, counters) over every adapter: the
 * behaviour the conversation layer relies on, identical in SQLite and MongoDB.
 *
 * @example
 * describeConversationStoreContract("SqliteStore", sqliteStoreUnderTest("conversations"));
 */
export function describeConversationStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`${name} (conversation store contract)`, () => {
    let store: Store;
    openForEachTest(makeStore, (opened) => {
      store = opened;
    });

    const created = () => createdConversation(store);

    async function contents(conversationId: string, clientMessageId: string, dossierCode: string | null) {
      return {
        conversation: await store.getConversation(conversationId),
        messages: await store.listMessages(conversationId, 0, 1000),
        dedupe: await store.findDedupe(conversationId, clientMessageId),
        dossier: dossierCode ? await store.getDossier(dossierCode) : null,
      };
    }

    describe("opening", () => {
      it("open is idempotent", async () => {
        await store.open();
        await store.open();
        const conversation = await created();
        expect(await store.getConversation(conversation.id)).toEqual(conversation);
      });

      it("ping is true while open and false after close", async () => {
        expect(await store.ping()).toBe(true);
        await store.close();
        expect(await store.ping()).toBe(false);
        await expect(store.getConversation("conv-any")).rejects.toMatchObject({
          name: "StoreError",
          code: "STORE_NOT_OPEN",
        });
      });

      it("keeps every write across close and re-open", async () => {
        const conversation = await created();
        const code = uniqueId("HN");
        const write = {
          ...turnFor(conversation, { dossierCode: code }),
          counterClaim: { name: "receipts:2026-03-02", value: 1 },
        };
        await store.commitTurn(write);
        const bytes = sampleBytes();
        const upload = newUpload(conversation.id, bytes);
        await store.saveUpload(upload, bytes);
        const before = await contents(conversation.id, write.dedupe!.clientMessageId, code);

        await store.close();
        await store.open();

        expect(await contents(conversation.id, write.dedupe!.clientMessageId, code)).toEqual(before);
        const stored = await store.getUpload(upload.id);
        expect(stored?.record).toEqual(upload);
        expect(stored?.bytes.equals(bytes)).toBe(true);
        expect(await store.getCounter("receipts:2026-03-02")).toBe(1);
      });
    });

    describe("conversations", () => {
      it("finds a created conversation by id and by token hash, and not by another hash", async () => {
        const conversation = await created();
        expect(await store.getConversation(conversation.id)).toEqual(conversation);
        expect(await store.findConversationByTokenHash(conversation.tokenHash)).toEqual(conversation);
        expect(await store.findConversationByTokenHash(sha256("another token"))).toBeNull();
        expect(await store.getConversation("conv-unknown")).toBeNull();
      });

      it("refuses a second conversation with the same id or the same token hash", async () => {
        const conversation = await created();
        await expect(store.createConversation({ ...newConversation(), id: conversation.id })).rejects.toThrow();
        await expect(
          store.createConversation({ ...newConversation(), tokenHash: conversation.tokenHash }),
        ).rejects.toThrow();
        expect(await store.getConversation(conversation.id)).toEqual(conversation);
      });

      it("treats a query-operator object as a plain value that matches nothing", async () => {
        await created();
        const operator = { $ne: null } as unknown as string;
        expect(await store.findConversationByTokenHash(operator)).toBeNull();
        expect(await store.getConversation(operator)).toBeNull();
        expect(await store.getDossier(operator)).toBeNull();
      });
    });

    describe("commitTurn", () => {
      it("writes state, messages, dedupe and dossier together and bumps the version and lastSeq", async () => {
        const conversation = await created();
        const code = uniqueId("HN");
        const write = turnFor(conversation, { dossierCode: code });

        expect(await store.commitTurn(write)).toEqual({ ok: true, version: 1 });

        const stored = await store.getConversation(conversation.id);
        expect(stored).toMatchObject({
          id: conversation.id,
          tokenHash: conversation.tokenHash,
          createdAt: conversation.createdAt,
          state: write.state,
          version: 1,
          lastSeq: 2,
          status: "bot",
          procedureId: "dang-ky-khai-sinh",
          locale: "en",
          unitId: "tan-hoi",
        });
        expect(typeof stored?.updatedAt).toBe("string");
        expect(await store.listMessages(conversation.id, 0, 100)).toEqual(write.messages);
        expect(await store.findDedupe(conversation.id, write.dedupe!.clientMessageId)).toEqual(write.dedupe);
        expect(await store.getDossier(code)).toEqual(write.dossier);
      });

      it("keeps lastSeq when a turn writes no message", async () => {
        const conversation = await created();
        await store.commitTurn(turnFor(conversation));
        const result = await store.commitTurn({
          conversationId: conversation.id,
          expectedVersion: 1,
          state: { ...stateAfterTurn(), status: "waiting_clerk" },
          messages: [],
          dedupe: null,
          dossier: null,
        });
        expect(result).toEqual({ ok: true, version: 2 });
        expect(await store.getConversation(conversation.id)).toMatchObject({
          lastSeq: 2,
          version: 2,
          status: "waiting_clerk",
        });
      });

      it("a stale expectedVersion is a conflict and changes nothing", async () => {
        const conversation = await created();
        await store.commitTurn(turnFor(conversation));
        const stale = turnFor(conversation, { expectedVersion: 0, lastSeq: 2, dossierCode: uniqueId("HN") });
        const before = await contents(conversation.id, stale.dedupe!.clientMessageId, stale.dossier!.code);

        expect(await store.commitTurn(stale)).toEqual({ ok: false, reason: "conflict" });

        expect(await contents(conversation.id, stale.dedupe!.clientMessageId, stale.dossier!.code)).toEqual(before);
      });

      it("a repeated client message id is a duplicate returning the stored ack and changes nothing", async () => {
        const conversation = await created();
        const first = turnFor(conversation, { clientMessageId: "client-1" });
        await store.commitTurn(first);
        const retry = turnFor(conversation, {
          expectedVersion: 1,
          lastSeq: 2,
          clientMessageId: "client-1",
          dossierCode: uniqueId("HN"),
        });
        const before = await contents(conversation.id, "client-1", retry.dossier!.code);

        expect(await store.commitTurn(retry)).toEqual({ ok: false, reason: "duplicate", dedupe: first.dedupe });

        expect(await contents(conversation.id, "client-1", retry.dossier!.code)).toEqual(before);
      });

      it("recognises a retry as a duplicate even with the version read before the first attempt", async () => {
        const conversation = await created();
        const first = turnFor(conversation, { clientMessageId: "client-1" });
        await store.commitTurn(first);
        const retry = turnFor(conversation, { expectedVersion: 0, clientMessageId: "client-1" });

        expect(await store.commitTurn(retry)).toEqual({ ok: false, reason: "duplicate", dedupe: first.dedupe });
      });

      it("a turn with two messages of the same seq leaves nothing of the turn behind", async () => {
        const conversation = await created();
        const write = turnFor(conversation, { dossierCode: uniqueId("HN") });
        write.messages[1] = { ...write.messages[1]!, seq: write.messages[0]!.seq };
        const before = await contents(conversation.id, write.dedupe!.clientMessageId, write.dossier!.code);

        await expect(store.commitTurn(write)).rejects.toThrow();

        expect(await contents(conversation.id, write.dedupe!.clientMessageId, write.dossier!.code)).toEqual(before);
      });

      it("a turn reusing a seq already written leaves nothing of the turn behind", async () => {
        const conversation = await created();
        await store.commitTurn(turnFor(conversation));
        const write = turnFor(conversation, { expectedVersion: 1, lastSeq: 1, dossierCode: uniqueId("HN") });
        const before = await contents(conversation.id, write.dedupe!.clientMessageId, write.dossier!.code);

        await expect(store.commitTurn(write)).rejects.toThrow();

        expect(await contents(conversation.id, write.dedupe!.clientMessageId, write.dossier!.code)).toEqual(before);
      });

      it("a dossier code owned by another conversation is refused and leaves nothing of the turn behind", async () => {
        const owner = await created();
        const code = uniqueId("HN");
        await store.commitTurn(turnFor(owner, { dossierCode: code }));
        const ownersDossier = await store.getDossier(code);
        const other = await created();
        const write = turnFor(other, { dossierCode: code });
        const before = await contents(other.id, write.dedupe!.clientMessageId, null);

        await expect(store.commitTurn(write)).rejects.toMatchObject({
          name: "StoreError",
          code: "STORE_DOSSIER_CODE_TAKEN",
        });

        expect(await contents(other.id, write.dedupe!.clientMessageId, null)).toEqual(before);
        expect(await store.getDossierOwner(code)).toEqual({ dossier: ownersDossier, conversationId: owner.id });
      });

      it("a later turn of the owning conversation updates its dossier", async () => {
        const conversation = await created();
        const code = uniqueId("HN");
        await store.commitTurn(turnFor(conversation, { dossierCode: code }));
        const later = turnFor(conversation, { expectedVersion: 1, lastSeq: 2, dossierCode: code });
        later.dossier = {
          ...later.dossier!,
          status: "needs_more_info",
          attachments: { giayChungSinh: "upload-0002abcd" },
        };

        expect(await store.commitTurn(later)).toEqual({ ok: true, version: 2 });

        expect(await store.getDossierOwner(code)).toEqual({ dossier: later.dossier, conversationId: conversation.id });
      });

      it("a turn for an unknown conversation is refused", async () => {
        const ghost = newConversation();
        await expect(store.commitTurn(turnFor(ghost))).rejects.toMatchObject({
          name: "StoreError",
          code: "STORE_CONVERSATION_NOT_FOUND",
        });
        expect(await store.listMessages(ghost.id, 0, 10)).toEqual([]);
      });

      it("a turn carrying another conversation's message is refused before any write", async () => {
        const conversation = await created();
        const write = turnFor(conversation);
        write.messages[1] = { ...write.messages[1]!, conversationId: "conv-other" };

        await expect(store.commitTurn(write)).rejects.toMatchObject({ name: "StoreError", code: "STORE_TURN_INVALID" });

        expect(await store.getConversation(conversation.id)).toEqual(conversation);
      });

      it("two turns racing on one conversation end with exactly one ok and one conflict", async () => {
        const conversation = await created();
        const results = await Promise.all(
          [turnFor(conversation), turnFor(conversation)].map((write) => store.commitTurn(write)),
        );

        expect(results.filter((result) => result.ok)).toEqual([{ ok: true, version: 1 }]);
        expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "conflict" }]);
        expect(await store.listMessages(conversation.id, 0, 100)).toHaveLength(2);
        expect(await store.getConversation(conversation.id)).toMatchObject({ version: 1, lastSeq: 2 });
      });
    });

    describe("messages", () => {
      async function withMessages(
        count: number,
      ): Promise<{ conversation: ConversationRecord; messages: MessageRecord[] }> {
        const conversation = await created();
        const messages: MessageRecord[] = [];
        for (let turn = 0; turn < count / 2; turn += 1) {
          const write = turnFor(conversation, { expectedVersion: turn, lastSeq: turn * 2 });
          await store.commitTurn(write);
          messages.push(...write.messages);
        }
        return { conversation, messages };
      }

      it("listMessages returns seq > afterSeq in order up to limit", async () => {
        const { conversation, messages } = await withMessages(10);

        expect(await store.listMessages(conversation.id, 3, 4)).toEqual(messages.slice(3, 7));
        expect((await store.listMessages(conversation.id, 0, 100)).map((message) => message.seq)).toEqual([
          1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
        ]);
        expect(await store.listMessages(conversation.id, 10, 100)).toEqual([]);
      });

      it("loadTurn returns the conversation, the dedupe hit and the last messages in one call", async () => {
        const { conversation, messages } = await withMessages(6);
        const first = messages[0]!;
        const loaded = await store.loadTurn(conversation.id, first.clientMessageId!, 4);
        expect(loaded?.record).toMatchObject({ id: conversation.id, lastSeq: 6, version: 3 });
        expect(loaded?.dedupe).toEqual(await store.findDedupe(conversation.id, first.clientMessageId!));
        expect(loaded?.recent).toEqual(messages.slice(2));
        expect(await store.loadTurn(conversation.id, "never-sent", 0)).toMatchObject({ dedupe: null, recent: [] });
        expect(await store.loadTurn(conversation.id, null, 0)).toMatchObject({ dedupe: null, recent: [] });
        expect(await store.loadTurn("conv-unknown", "any", 10)).toBeNull();
      });

      it("listMessages with a limit of 0, a negative or a NaN limit returns nothing", async () => {
        const { conversation } = await withMessages(2);
        expect(await store.listMessages(conversation.id, 0, 0)).toEqual([]);
        expect(await store.listMessages(conversation.id, 0, -1)).toEqual([]);
        expect(await store.listMessages(conversation.id, 0, Number.NaN)).toEqual([]);
      });

      it("listMessages keeps another conversation's messages out", async () => {
        const { conversation } = await withMessages(2);
        const other = await withMessages(4);
        expect(await store.listMessages(conversation.id, 0, 100)).toHaveLength(2);
        expect(await store.listMessages(other.conversation.id, 0, 100)).toEqual(other.messages);
      });

      it(
        "a message's optional fields come back as written: " + "absent stays absent, a null progress stays null",
        async () => {
          const conversation = await created();
          const write = turnFor(conversation);
          const citizen: MessageRecord = { ...write.messages[0]!, choice: "yes", attachmentId: "upload-0001abcd" };
          const bot: MessageRecord = { ...write.messages[1]!, progress: null };
          delete bot.choices;
          await store.commitTurn({ ...write, messages: [citizen, bot] });

          const stored = await store.listMessages(conversation.id, 0, 10);
          expect(stored).toEqual([citizen, bot]);
          expect(stored[1]).not.toHaveProperty("choices");
          expect(stored[1]).toHaveProperty("progress", null);
          expect(stored[0]).not.toHaveProperty("progress");
        },
      );

      it("findDedupe returns null for a client message id never committed", async () => {
        const conversation = await created();
        expect(await store.findDedupe(conversation.id, "client-never")).toBeNull();
      });
    });

    describe("receipt numbers claimed by the turn", () => {
      /** A turn submitting a dossier under the day's number `value`. */
      function claiming(
        conversation: ConversationRecord,
        value: number,
        options: { expectedVersion?: number; name?: string } = {},
      ): TurnWrite {
        return {
          ...turnFor(conversation, {
            dossierCode: uniqueId(`HN-${value}`),
            ...(options.expectedVersion !== undefined ? { expectedVersion: options.expectedVersion } : {}),
          }),
          counterClaim: { name: options.name ?? "receipts:2026-03-02", value },
        };
      }

      it(
        "a counter stands at 0 until a turn claims 1, then at " + "each value claimed, independently per name",
        async () => {
          expect(await store.getCounter("receipts:2026-03-02")).toBe(0);
          const conversation = await created();
          expect(await store.commitTurn(claiming(conversation, 1))).toEqual({ ok: true, version: 1 });
          expect(await store.commitTurn(claiming({ ...conversation, version: 1, lastSeq: 2 }, 2))).toEqual({
            ok: true,
            version: 2,
          });
          expect(
            await store.commitTurn(
              claiming({ ...conversation, version: 2, lastSeq: 4 }, 1, { name: "receipts:2026-03-03" }),
            ),
          ).toEqual({ ok: true, version: 3 });
          expect(await store.getCounter("receipts:2026-03-02")).toBe(2);
          expect(await store.getCounter("receipts:2026-03-03")).toBe(1);
        },
      );

      it("of two turns claiming the same number, one commits and the other conflicts, writing nothing", async () => {
        const first = await created();
        const second = await created();
        const winner = claiming(first, 1);
        const loser = claiming(second, 1);
        const before = await contents(second.id, loser.dedupe!.clientMessageId, loser.dossier!.code);

        expect(await store.commitTurn(winner)).toEqual({ ok: true, version: 1 });
        expect(await store.commitTurn(loser)).toEqual({ ok: false, reason: "conflict" });
        expect(await contents(second.id, loser.dedupe!.clientMessageId, loser.dossier!.code)).toEqual(before);
        expect(await store.getCounter("receipts:2026-03-02")).toBe(1);

        expect(await store.commitTurn(claiming(second, 2))).toEqual({ ok: true, version: 1 });
        expect(await store.getCounter("receipts:2026-03-02")).toBe(2);
      });

      it("a commit that loses the version race takes no number", async () => {
        const conversation = await created();
        await store.commitTurn(turnFor(conversation));
        expect(await store.commitTurn(claiming(conversation, 1, { expectedVersion: 0 }))).toEqual({
          ok: false,
          reason: "conflict",
        });
        expect(await store.getCounter("receipts:2026-03-02")).toBe(0);
        expect(await store.commitTurn(claiming({ ...conversation, version: 1, lastSeq: 2 }, 1))).toEqual({
          ok: true,
          version: 2,
        });
      });

      it("a claim that would skip a number conflicts", async () => {
        const conversation = await created();
        expect(await store.commitTurn(claiming(conversation, 3))).toEqual({ ok: false, reason: "conflict" });
        expect(await store.getCounter("receipts:2026-03-02")).toBe(0);
        expect(await store.getConversation(conversation.id)).toEqual(conversation);
      });

      it(
        "20 conversations submitting at once, each retrying on " + "conflict, get the numbers 1 to 20 without a gap",
        async () => {
          const conversations = await Promise.all(Array.from({ length: 20 }, () => created()));
          const taken = await Promise.all(
            conversations.map(async (conversation) => {
              for (;;) {
                const value = (await store.getCounter("receipts:busy-day")) + 1;
                const result = await store.commitTurn(claiming(conversation, value, { name: "receipts:busy-day" }));
                if (result.ok) return value;
              }
            }),
          );
          expect([...taken].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
          expect(await store.getCounter("receipts:busy-day")).toBe(20);
        },
      );
    });
  });
}
