import { createHash, randomBytes } from "node:crypto";
import type { Dossier } from "../../server/dossier/dossier";
import { initialState, type ConversationState } from "../../server/engine/conversationState";
import { openForEachTest, type StoreUnderTest } from "../support/storeUnderTest";
import type {
  ConversationRecord,
  DedupeRecord,
  MessageRecord,
  Store,
  TurnWrite,
  UploadRecord,
} from "../../server/store/store";


const T0 = "2026-03-02T01:00:00.000Z";
const T1 = "2026-03-02T01:00:05.000Z";

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function uniqueId(prefix: string): string {
  return `${prefix}-${randomBytes(6).toString("hex")}`;
}

function newConversation(): ConversationRecord {
  const id = uniqueId("conv");
  const state = initialState("vi", "an-thanh");
  return {
    id,
    tokenHash: sha256(`token of ${id}`),
    channel: "web",
    locale: "vi",
    unitId: "an-thanh",
    state,
    status: "bot",
    procedureId: null,
    lastSeq: 0,
    version: 0,
    createdAt: T0,
    updatedAt: T0,
  };
}

function stateAfterTurn(dossierCode: string | null = null): ConversationState {
  return {
    ...initialState("en", "tan-hoi"),
    flowId: "dang-ky-khai-sinh",
    stepId: "ngay-sinh",
    answers: {
      hoTenTre: "Nguyễn Thị Ánh Dương",
      gioiTinh: "nu",
      soAnhChiEm: 2,
      coGiayChungSinh: true,
      ghiChu: null,
      thanhVien: [{ hoTen: "Trần Văn Bình", quanHe: "cha", namSinh: 1990 }],
    },
    sources: { hoTenTre: { by: "citizen" }, gioiTinh: { by: "clerk", clerkId: "clerk-7" } },
    history: ["ho-ten-tre", "gioi-tinh"],
    dossierCode,
  };
}

function citizenMessage(conversationId: string, seq: number, clientMessageId: string): MessageRecord {
  return {
    id: uniqueId("msg"),
    conversationId,
    seq,
    author: "citizen",
    text: "Nguyễn Thị Ánh Dương",
    clientMessageId,
    at: T1,
  };
}

function botMessage(conversationId: string, seq: number): MessageRecord {
  return {
    id: uniqueId("msg"),
    conversationId,
    seq,
    author: "bot",
    text: "Bé sinh ngày nào? (ví dụ 05/03/2026)",
    choices: [
      { label: "Hôm nay", value: "today" },
      { label: "Quay lại", value: "back" },
    ],
    input: { kind: "text", fieldType: "date" },
    progress: { step: 3, total: 12 },
    at: T1,
  };
}

function dedupeFor(message: MessageRecord): DedupeRecord {
  return {
    conversationId: message.conversationId,
    clientMessageId: message.clientMessageId ?? "missing",
    contentHash: sha256(message.text),
    messageId: message.id,
    seq: message.seq,
    at: message.at,
  };
}

function newDossier(code: string): Dossier {
  return {
    code,
    procedureId: "dang-ky-khai-sinh",
    unitId: "tan-hoi",
    status: "submitted",
    fields: {
      hoTenTre: "Nguyễn Thị Ánh Dương",
      ngaySinh: "05/03/2026",
      soAnhChiEm: 2,
      coGiayChungSinh: true,
      ghiChu: null,
      thanhVien: [{ hoTen: "Trần Văn Bình", quanHe: "cha", namSinh: 1990, dangSong: true, ghiChu: null }],
    },
    provenance: { hoTenTre: { by: "citizen" }, ngaySinh: { by: "bot" }, ghiChu: { by: "clerk", clerkId: "clerk-7" } },
    submission: { submitMethod: "postal", returnMethod: "online", postalAddress: "12 Nguyễn Huệ, An Thạnh", postalPhone: "0912345678" },
    documents: ["Giấy chứng sinh", "CCCD của cha hoặc mẹ"],
    attachments: { giayChungSinh: "upload-0001abcd" },
    locale: "vi",
    createdAt: T1,
    updatedAt: T1,
  };
}

/** A turn answering the citizen's message numbered `lastSeq + 1` with one bot message. */
function turnFor(
  conversation: ConversationRecord,
  options: { expectedVersion?: number; lastSeq?: number; clientMessageId?: string; dossierCode?: string } = {},
): TurnWrite {
  const lastSeq = options.lastSeq ?? conversation.lastSeq;
  const citizen = citizenMessage(conversation.id, lastSeq + 1, options.clientMessageId ?? uniqueId("client"));
  const bot = botMessage(conversation.id, lastSeq + 2);
  return {
    conversationId: conversation.id,
    expectedVersion: options.expectedVersion ?? conversation.version,
    state: stateAfterTurn(options.dossierCode ?? null),
    messages: [citizen, bot],
    dedupe: dedupeFor(citizen),
    dossier: options.dossierCode ? newDossier(options.dossierCode) : null,
  };
}

function newUpload(conversationId: string, bytes: Buffer): UploadRecord {
  return { id: uniqueId("upload"), conversationId, mimeType: "image/jpeg", size: bytes.length, createdAt: T1 };
}

/** Bytes that are not valid UTF-8 and span several 255 KB GridFS chunks. */
function sampleBytes(): Buffer {
  const bytes = Buffer.alloc(600 * 1024);
  for (let index = 0; index < bytes.length; index += 1) bytes[index] = (index * 31 + 7) % 256;
  return bytes;
}

/**
 * The one suite every `Store` adapter passes: the behaviour the conversation layer relies on,
 * identical in SQLite and MongoDB.
 *
 * @example
 * describeStoreContract("SqliteStore", async () => {
 *   const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "khai-ho-"));
 *   const store = new SqliteStore({ dataDir });
 *   return { store, cleanup: async () => { await store.close(); fs.rmSync(dataDir, { recursive: true }); } };
 * });
 */
export function describeStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`${name} (store contract)`, () => {
    let store: Store;
    openForEachTest(makeStore, (opened) => {
      store = opened;
    });

    async function created(): Promise<ConversationRecord> {
      const conversation = newConversation();
      await store.createConversation(conversation);
      return conversation;
    }

    /** Everything a turn of `conversation` could have changed. */
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
      });

      it("keeps every write across close and re-open", async () => {
        const conversation = await created();
        const code = uniqueId("HN");
        const write = { ...turnFor(conversation, { dossierCode: code }), counterClaim: { name: "receipts:2026-03-02", value: 1 } };
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
        await expect(store.createConversation({ ...newConversation(), tokenHash: conversation.tokenHash })).rejects.toThrow();
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
        expect(await store.getConversation(conversation.id)).toMatchObject({ lastSeq: 2, version: 2, status: "waiting_clerk" });
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
        const retry = turnFor(conversation, { expectedVersion: 1, lastSeq: 2, clientMessageId: "client-1", dossierCode: uniqueId("HN") });
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

        await expect(store.commitTurn(write)).rejects.toThrow("STORE_DOSSIER_CODE_TAKEN");

        expect(await contents(other.id, write.dedupe!.clientMessageId, null)).toEqual(before);
        expect(await store.getDossierOwner(code)).toEqual({ dossier: ownersDossier, conversationId: owner.id });
      });

      it("a later turn of the owning conversation updates its dossier", async () => {
        const conversation = await created();
        const code = uniqueId("HN");
        await store.commitTurn(turnFor(conversation, { dossierCode: code }));
        const later = turnFor(conversation, { expectedVersion: 1, lastSeq: 2, dossierCode: code });
        later.dossier = { ...later.dossier!, status: "needs_more_info", attachments: { giayChungSinh: "upload-0002abcd" } };

        expect(await store.commitTurn(later)).toEqual({ ok: true, version: 2 });

        expect(await store.getDossierOwner(code)).toEqual({ dossier: later.dossier, conversationId: conversation.id });
      });

      it("a turn for an unknown conversation is refused", async () => {
        const ghost = newConversation();
        await expect(store.commitTurn(turnFor(ghost))).rejects.toThrow("STORE_CONVERSATION_NOT_FOUND");
        expect(await store.listMessages(ghost.id, 0, 10)).toEqual([]);
      });

      it("a turn carrying another conversation's message is refused before any write", async () => {
        const conversation = await created();
        const write = turnFor(conversation);
        write.messages[1] = { ...write.messages[1]!, conversationId: "conv-other" };

        await expect(store.commitTurn(write)).rejects.toThrow("STORE_TURN_INVALID");

        expect(await store.getConversation(conversation.id)).toEqual(conversation);
      });

      it("two turns racing on one conversation end with exactly one ok and one conflict", async () => {
        const conversation = await created();
        const results = await Promise.all([turnFor(conversation), turnFor(conversation)].map((write) => store.commitTurn(write)));

        expect(results.filter((result) => result.ok)).toEqual([{ ok: true, version: 1 }]);
        expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "conflict" }]);
        expect(await store.listMessages(conversation.id, 0, 100)).toHaveLength(2);
        expect(await store.getConversation(conversation.id)).toMatchObject({ version: 1, lastSeq: 2 });
      });
    });

    describe("messages", () => {
      async function withMessages(count: number): Promise<{ conversation: ConversationRecord; messages: MessageRecord[] }> {
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
        expect((await store.listMessages(conversation.id, 0, 100)).map((message) => message.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        expect(await store.listMessages(conversation.id, 10, 100)).toEqual([]);
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

      it("a message's optional fields come back as written: absent stays absent, a null progress stays null", async () => {
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
      });

      it("findDedupe returns null for a client message id never committed", async () => {
        const conversation = await created();
        expect(await store.findDedupe(conversation.id, "client-never")).toBeNull();
      });
    });

    describe("dossiers", () => {
      it("getDossier and getDossierOwner return the committed dossier and its conversation", async () => {
        const conversation = await created();
        const code = uniqueId("HN");
        const write = turnFor(conversation, { dossierCode: code });
        await store.commitTurn(write);

        expect(await store.getDossier(code)).toEqual(write.dossier);
        expect(await store.getDossierOwner(code)).toEqual({ dossier: write.dossier, conversationId: conversation.id });
      });

      it("getDossier and getDossierOwner of an unknown code are null", async () => {
        expect(await store.getDossier("HN-20260302-9999")).toBeNull();
        expect(await store.getDossierOwner("HN-20260302-9999")).toBeNull();
      });
    });

    describe("receipt numbers claimed by the turn", () => {
      /** A turn submitting a dossier under the day's number `value`. */
      function claiming(conversation: ConversationRecord, value: number, options: { expectedVersion?: number; name?: string } = {}): TurnWrite {
        return {
          ...turnFor(conversation, { dossierCode: uniqueId(`HN-${value}`), ...(options.expectedVersion !== undefined ? { expectedVersion: options.expectedVersion } : {}) }),
          counterClaim: { name: options.name ?? "receipts:2026-03-02", value },
        };
      }

      it("a counter stands at 0 until a turn claims 1, then at each value claimed, independently per name", async () => {
        expect(await store.getCounter("receipts:2026-03-02")).toBe(0);
        const conversation = await created();
        expect(await store.commitTurn(claiming(conversation, 1))).toEqual({ ok: true, version: 1 });
        expect(await store.commitTurn(claiming({ ...conversation, version: 1, lastSeq: 2 }, 2))).toEqual({ ok: true, version: 2 });
        expect(await store.commitTurn(claiming({ ...conversation, version: 2, lastSeq: 4 }, 1, { name: "receipts:2026-03-03" }))).toEqual({ ok: true, version: 3 });
        expect(await store.getCounter("receipts:2026-03-02")).toBe(2);
        expect(await store.getCounter("receipts:2026-03-03")).toBe(1);
      });

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
        expect(await store.commitTurn(claiming(conversation, 1, { expectedVersion: 0 }))).toEqual({ ok: false, reason: "conflict" });
        expect(await store.getCounter("receipts:2026-03-02")).toBe(0);
        expect(await store.commitTurn(claiming({ ...conversation, version: 1, lastSeq: 2 }, 1))).toEqual({ ok: true, version: 2 });
      });

      it("a claim that would skip a number conflicts", async () => {
        const conversation = await created();
        expect(await store.commitTurn(claiming(conversation, 3))).toEqual({ ok: false, reason: "conflict" });
        expect(await store.getCounter("receipts:2026-03-02")).toBe(0);
        expect(await store.getConversation(conversation.id)).toEqual(conversation);
      });

      it("20 conversations submitting at once, each retrying on conflict, get the numbers 1 to 20 without a gap", async () => {
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
      });
    });

    describe("uploads", () => {
      it("round-trips bytes and metadata", async () => {
        const conversation = await created();
        const bytes = sampleBytes();
        const record = newUpload(conversation.id, bytes);
        await store.saveUpload(record, bytes);

        const stored = await store.getUpload(record.id);
        expect(stored?.record).toEqual(record);
        expect(stored?.bytes.equals(bytes)).toBe(true);
      });

      it("round-trips an empty file", async () => {
        const conversation = await created();
        const record = newUpload(conversation.id, Buffer.alloc(0));
        await store.saveUpload(record, Buffer.alloc(0));
        expect(await store.getUpload(record.id)).toEqual({ record, bytes: Buffer.alloc(0) });
      });

      it("getUpload of an unknown id is null", async () => {
        expect(await store.getUpload("unknownUpload01")).toBeNull();
      });

      it("refuses an id that is not 8 to 64 letters, digits, '_' or '-'", async () => {
        const conversation = await created();
        const bytes = Buffer.from("%PDF-1.7");
        for (const id of ["../../etc/passwd", "../uploadAbcdef", "short", "a".repeat(65), "with space 123", "dot.dot.dot.dot"]) {
          await expect(store.saveUpload({ ...newUpload(conversation.id, bytes), id }, bytes)).rejects.toThrow("STORE_UPLOAD_ID_INVALID");
          await expect(store.getUpload(id)).rejects.toThrow("STORE_UPLOAD_ID_INVALID");
        }
      });

      it("refuses a second upload with the same id and keeps the first one's bytes", async () => {
        const conversation = await created();
        const bytes = sampleBytes();
        const record = newUpload(conversation.id, bytes);
        await store.saveUpload(record, bytes);

        const other = Buffer.from("other bytes");
        await expect(store.saveUpload({ ...record, size: other.length }, other)).rejects.toThrow("STORE_UPLOAD_EXISTS");

        const stored = await store.getUpload(record.id);
        expect(stored?.record).toEqual(record);
        // Buffer.equals: toEqual walks 600 KB byte by byte (over 2 s).
        expect(stored?.bytes.equals(bytes)).toBe(true);
      });

      it("lets exactly one of two concurrent saves of one id through, with its own bytes", async () => {
        const conversation = await created();
        const first = Buffer.from("first photo bytes");
        const second = Buffer.from("second, longer photo bytes");
        const record = newUpload(conversation.id, first);

        const results = await Promise.allSettled([
          store.saveUpload(record, first),
          store.saveUpload({ ...record, size: second.length }, second),
        ]);

        expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
        const refused = results.find((result) => result.status === "rejected");
        expect(String(refused?.status === "rejected" && refused.reason)).toContain("STORE_UPLOAD_EXISTS");
        const stored = await store.getUpload(record.id);
        const winner = results[0]?.status === "fulfilled" ? first : second;
        expect(stored?.bytes.equals(winner)).toBe(true);
        expect(stored?.record.size).toBe(winner.length);
      });

      it("refuses an upload whose record gives another size than its bytes", async () => {
        const conversation = await created();
        const bytes = Buffer.from("%PDF-1.7");
        const record = { ...newUpload(conversation.id, bytes), size: bytes.length + 1 };
        await expect(store.saveUpload(record, bytes)).rejects.toThrow("STORE_UPLOAD_SIZE_MISMATCH");
        expect(await store.getUpload(record.id)).toBeNull();
      });

      it("refuses an upload for an unknown conversation and stores nothing", async () => {
        const bytes = Buffer.from("%PDF-1.7");
        const record = newUpload("conv-unknown", bytes);
        await expect(store.saveUpload(record, bytes)).rejects.toThrow("STORE_CONVERSATION_NOT_FOUND");
        expect(await store.getUpload(record.id)).toBeNull();
      });
    });

    describe("upload retention and quota", () => {
      const HOUR_AGO = "2026-03-02T00:00:05.000Z";

      async function savedUpload(conversationId: string, bytes: Buffer, createdAt: string): Promise<UploadRecord> {
        const record = { ...newUpload(conversationId, bytes), createdAt };
        await store.saveUpload(record, bytes);
        return record;
      }

      /** Commits a citizen message that attaches `uploadId`, as the turn of an upload step does. */
      async function attach(conversation: ConversationRecord, uploadId: string): Promise<void> {
        const write = turnFor(conversation);
        write.messages[0] = { ...write.messages[0]!, attachmentId: uploadId };
        expect(await store.commitTurn(write)).toMatchObject({ ok: true });
      }

      it("counts a conversation's uploads and their bytes, and no other conversation's", async () => {
        const conversation = await created();
        const other = await created();
        expect(await store.uploadUsage(conversation.id)).toEqual({ files: 0, bytes: 0 });
        await savedUpload(conversation.id, Buffer.alloc(1000, 1), T1);
        await savedUpload(conversation.id, Buffer.alloc(2500, 2), T1);
        await savedUpload(other.id, Buffer.alloc(700, 3), T1);
        expect(await store.uploadUsage(conversation.id)).toEqual({ files: 2, bytes: 3500 });
        expect(await store.uploadUsage(other.id)).toEqual({ files: 1, bytes: 700 });
      });

      it("deletes old uploads no message refers to, bytes included, and keeps attached and recent ones", async () => {
        const conversation = await created();
        const bytes = Buffer.from("photo bytes");
        const forgotten = await savedUpload(conversation.id, bytes, HOUR_AGO);
        const attached = await savedUpload(conversation.id, bytes, HOUR_AGO);
        const recent = await savedUpload(conversation.id, bytes, T1);
        await attach(conversation, attached.id);

        expect(await store.deleteUnattachedUploads("2026-03-02T01:00:00.000Z")).toBe(1);

        expect(await store.getUpload(forgotten.id)).toBeNull();
        expect(await store.getUpload(attached.id)).not.toBeNull();
        expect(await store.getUpload(recent.id)).not.toBeNull();
        expect(await store.uploadUsage(conversation.id)).toEqual({ files: 2, bytes: bytes.length * 2 });
        expect(await store.deleteUnattachedUploads("2026-03-02T01:00:00.000Z")).toBe(0);
      });

      it("does not count as attached a message of another conversation naming the upload", async () => {
        const owner = await created();
        const other = await created();
        const upload = await savedUpload(owner.id, Buffer.from("photo bytes"), HOUR_AGO);
        await attach(other, upload.id);

        expect(await store.deleteUnattachedUploads("2026-03-02T01:00:00.000Z")).toBe(1);
        expect(await store.getUpload(upload.id)).toBeNull();
      });

      it("refuses a cut-off time that is not an ISO instant", async () => {
        await expect(store.deleteUnattachedUploads("yesterday")).rejects.toThrow("STORE_TIME_INVALID");
      });
    });
  });
}
