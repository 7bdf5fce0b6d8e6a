import type { ConversationRecord, Store } from "../../server/store/store";
import { createdConversation, newNote, newUpload, newZaloContact, OA, turnFor, uniqueId } from "./storeRecords";
import { openForEachTest, type StoreUnderTest } from "../support/storeUnderTest";

// Conversations are created at T0 (2 March 2026) and a turn stamps the time it commits: a cut-off a minute
// from now makes every record old, one before T0 makes them all new.
const AFTER_ALL = new Date(Date.now() + 60_000).toISOString();
const BEFORE_ALL = "2026-03-01T00:00:00.000Z";

/**
 * Deleting abandoned drafts over every adapter: a conversation that never filed a dossier goes with
 * everything it holds once left alone long enough; anything that filed one stays.
 *
 * @example
 * describeRetentionStoreContract("SqliteStore", sqliteStoreUnderTest("retention"));
 */
export function describeRetentionStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`${name} (retention store contract)`, () => {
    let store: Store;
    openForEachTest(makeStore, (opened) => {
      store = opened;
    });

    /** A draft with a citizen's message, a photo attached, a clerk's note and a Zalo contact. */
    async function fullDraft(): Promise<{ conversation: ConversationRecord; uploadId: string; userId: string }> {
      const conversation = await createdConversation(store);
      const bytes = Buffer.from("ảnh CCCD");
      const upload = newUpload(conversation.id, bytes);
      await store.saveUpload(upload, bytes);
      const write = turnFor(conversation);
      write.messages[0] = { ...write.messages[0]!, attachmentId: upload.id };
      expect(await store.commitTurn(write)).toMatchObject({ ok: true });
      await store.appendNote(newNote(1, { conversationId: conversation.id }));
      const contact = newZaloContact(conversation.id);
      await store.createZaloContact(contact);
      return { conversation, uploadId: upload.id, userId: contact.userId };
    }

    it("deletes a draft left alone with its messages, replay keys, notes, uploads and Zalo contact", async () => {
      const { conversation, uploadId, userId } = await fullDraft();
      const clientMessageId = (await store.listMessages(conversation.id, 0, 10))[0]!.clientMessageId!;

      expect(await store.deleteAbandonedDrafts(AFTER_ALL, 100)).toEqual({ conversations: 1, uploads: 1 });

      expect(await store.getConversation(conversation.id)).toBeNull();
      expect(await store.findConversationByTokenHash(conversation.tokenHash)).toBeNull();
      expect(await store.listMessages(conversation.id, 0, 10)).toEqual([]);
      expect(await store.findDedupe(conversation.id, clientMessageId)).toBeNull();
      expect(await store.listNotes(conversation.id, 10)).toEqual([]);
      expect(await store.getUpload(uploadId)).toBeNull();
      expect(await store.getZaloContact(OA, userId)).toBeNull();
      expect(await store.uploadUsage(conversation.id)).toEqual({ files: 0, bytes: 0 });
    });

    it("keeps a conversation that filed a dossier, and the dossier, however old", async () => {
      const conversation = await createdConversation(store);
      const code = `HN-20260302-${uniqueId("x").slice(-4)}`;
      expect(await store.commitTurn(turnFor(conversation, { dossierCode: code }))).toMatchObject({ ok: true });

      expect(await store.deleteAbandonedDrafts(AFTER_ALL, 100)).toEqual({ conversations: 0, uploads: 0 });
      expect(await store.getConversation(conversation.id)).not.toBeNull();
      expect(await store.getDossier(code)).not.toBeNull();
      expect(await store.listMessages(conversation.id, 0, 10)).toHaveLength(2);
    });

    it("keeps a draft written after the cut-off", async () => {
      const { conversation, uploadId } = await fullDraft();
      expect(await store.deleteAbandonedDrafts(BEFORE_ALL, 100)).toEqual({ conversations: 0, uploads: 0 });
      expect(await store.getConversation(conversation.id)).not.toBeNull();
      expect(await store.getUpload(uploadId)).not.toBeNull();
    });

    it("deletes at most `limit` drafts a call, and the rest on the next calls", async () => {
      for (let i = 0; i < 5; i++) await createdConversation(store);
      expect(await store.deleteAbandonedDrafts(AFTER_ALL, 2)).toEqual({ conversations: 2, uploads: 0 });
      expect(await store.deleteAbandonedDrafts(AFTER_ALL, 2)).toEqual({ conversations: 2, uploads: 0 });
      expect(await store.deleteAbandonedDrafts(AFTER_ALL, 2)).toEqual({ conversations: 1, uploads: 0 });
      expect(await store.deleteAbandonedDrafts(AFTER_ALL, 2)).toEqual({ conversations: 0, uploads: 0 });
    });

    it("lists a conversation's dossiers and uploads, and no other conversation's", async () => {
      const { conversation, uploadId } = await fullDraft();
      const code = `HN-20260302-${uniqueId("x").slice(-4)}`;
      const filed = turnFor({ ...conversation, version: 1, lastSeq: 2 }, { dossierCode: code });
      expect(await store.commitTurn(filed)).toMatchObject({ ok: true });
      const other = await fullDraft();

      expect((await store.dossiersOfConversation(conversation.id)).map((d) => d.code)).toEqual([code]);
      expect((await store.uploadsOfConversation(conversation.id)).map((u) => u.id)).toEqual([uploadId]);
      expect(await store.dossiersOfConversation(other.conversation.id)).toEqual([]);
      expect(await store.dossiersOfConversation("no-such-conversation")).toEqual([]);
      expect(await store.uploadsOfConversation("no-such-conversation")).toEqual([]);
    });

    it("erases a conversation on request with its dossiers, and leaves every other conversation as it is", async () => {
      const { conversation, uploadId, userId } = await fullDraft();
      const code = `HN-20260302-${uniqueId("x").slice(-4)}`;
      const filed = turnFor({ ...conversation, version: 1, lastSeq: 2 }, { dossierCode: code });
      expect(await store.commitTurn(filed)).toMatchObject({ ok: true });
      const other = await fullDraft();

      expect(await store.eraseConversation(conversation.id)).toEqual({ dossiers: 1, uploads: 1 });

      expect(await store.getConversation(conversation.id)).toBeNull();
      expect(await store.getDossier(code)).toBeNull();
      expect(await store.listDossiers({ unitIds: null, query: code, limit: 10 })).toEqual([]);
      expect(await store.listMessages(conversation.id, 0, 10)).toEqual([]);
      expect(await store.getUpload(uploadId)).toBeNull();
      expect(await store.getZaloContact(OA, userId)).toBeNull();
      expect(await store.listNotes(conversation.id, 10)).toEqual([]);
      expect(await store.getConversation(other.conversation.id)).not.toBeNull();
      expect(await store.getUpload(other.uploadId)).not.toBeNull();
      expect(await store.eraseConversation(conversation.id)).toBeNull();
    });

    it("refuses a cut-off time that is not an ISO instant", async () => {
      await expect(store.deleteAbandonedDrafts("last month", 10)).rejects.toMatchObject({
        name: "StoreError",
        code: "STORE_TIME_INVALID",
      });
    });
  });
}
