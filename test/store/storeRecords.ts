import { createHash, randomBytes } from "node:crypto";
import type { Dossier } from "../../server/dossier/dossier";
import { initialState, type ConversationState, type ConversationStatus } from "../../server/engine/conversationState";
import type {
  AuditRecord,
  ConversationRecord,
  DedupeRecord,
  MessageRecord,
  NoteRecord,
  SessionRecord,
  Store,
  TurnWrite,
  UploadRecord,
  UserRecord,
  ZaloContactRecord,
} from "../../server/store/store";

// Records the contract suites write, the same for every adapter.

export const T0 = "2026-03-02T01:00:00.000Z";
export const T1 = "2026-03-02T01:00:05.000Z";

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function uniqueId(prefix: string): string {
  return `${prefix}-${randomBytes(6).toString("hex")}`;
}

export function newConversation(): ConversationRecord {
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

/** A new conversation, stored: what most contract tests start from. */
export async function createdConversation(store: Pick<Store, "createConversation">): Promise<ConversationRecord> {
  const conversation = newConversation();
  await store.createConversation(conversation);
  return conversation;
}

export function stateAfterTurn(dossierCode: string | null = null): ConversationState {
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

export function citizenMessage(conversationId: string, seq: number, clientMessageId: string): MessageRecord {
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

export function botMessage(conversationId: string, seq: number): MessageRecord {
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

export function dedupeFor(message: MessageRecord): DedupeRecord {
  return {
    conversationId: message.conversationId,
    clientMessageId: message.clientMessageId ?? "missing",
    contentHash: sha256(message.text),
    messageId: message.id,
    seq: message.seq,
    at: message.at,
  };
}

export function turnDossier(code: string): Dossier {
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
    submission: {
      submitMethod: "postal",
      returnMethod: "online",
      postalAddress: "12 Nguyễn Huệ, An Thạnh",
      postalPhone: "0912345678",
    },
    documents: ["Giấy chứng sinh", "CCCD của cha hoặc mẹ"],
    attachments: { giayChungSinh: "upload-0001abcd" },
    locale: "vi",
    createdAt: T1,
    updatedAt: T1,
  };
}

/** A turn answering the citizen's message numbered `lastSeq + 1` with one bot message. */
export function turnFor(
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
    dossier: options.dossierCode ? turnDossier(options.dossierCode) : null,
  };
}

export function newUpload(conversationId: string, bytes: Buffer): UploadRecord {
  return { id: uniqueId("upload"), conversationId, mimeType: "image/jpeg", size: bytes.length, createdAt: T1 };
}

/** Bytes that are not valid UTF-8 and span several 255 KB GridFS chunks. */
export function sampleBytes(): Buffer {
  const bytes = Buffer.alloc(600 * 1024);
  for (let index = 0; index < bytes.length; index += 1) bytes[index] = (index * 31 + 7) % 256;
  return bytes;
}

/** Minute `minute` after T0, so a higher number is later. */
export function at(minute: number): string {
  return new Date(Date.parse(T0) + minute * 60_000).toISOString();
}

/** A conversation of `unitId` in `status`, last updated at minute `updatedMinute`. */
export function queuedConversation(
  unitId: string | null,
  status: ConversationStatus,
  updatedMinute: number,
): ConversationRecord {
  const id = uniqueId("conv");
  return {
    id,
    tokenHash: sha256(`token of ${id}`),
    channel: "web",
    locale: "vi",
    unitId,
    state: { ...initialState("vi", unitId), status },
    status,
    procedureId: null,
    lastSeq: 0,
    version: 0,
    createdAt: at(0),
    updatedAt: at(updatedMinute),
  };
}

/** Nguyễn Văn An's birth registration in An Thạnh, unless `overrides` says otherwise. */
export function newDossier(code: string, overrides: Partial<Dossier> = {}): Dossier {
  return {
    code,
    procedureId: "dang-ky-khai-sinh",
    unitId: "an-thanh",
    status: "submitted",
    fields: {
      requesterFullName: "Nguyễn Văn An",
      childFullName: "Nguyễn Thị Ánh Dương",
      contactPhone: "0912345678",
      // "Bình" and "Lợi" appear here only: an address is not a name.
      permanentAddress: "12 Lê Lợi, phường Bình Thạnh",
      ngaySinh: "05/03/2026",
      thanhVien: [{ memberFullName: "Trần Văn Cường", memberPhone: "0987 654 321", quanHe: "ông" }],
    },
    provenance: { requesterFullName: { by: "citizen" } },
    submission: {
      submitMethod: "postal",
      returnMethod: "postal",
      postalAddress: "34 Hai Bà Trưng",
      postalPhone: "+84 388 111 222",
    },
    documents: ["Giấy chứng sinh"],
    attachments: {},
    locale: "vi",
    createdAt: at(10),
    updatedAt: at(10),
    ...overrides,
  };
}

export const HOUR_MS = 3_600_000;

/** A filter value a request could smuggle in; both adapters must treat it as a plain string. */
export const OPERATOR = { $ne: null } as unknown as string;

export function newUser(username: string, overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    id: uniqueId("user"),
    username,
    displayName: "Nguyễn Thị Lan",
    role: "clerk",
    unitIds: ["an-thanh", "tan-hoi"],
    passwordHash: "scrypt$32768$8$3$c2FsdA$aGFzaA",
    disabled: false,
    mustChangePassword: true,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function newSession(userId: string, expiresInMs = HOUR_MS): SessionRecord {
  const now = Date.now();
  return {
    idHash: sha256(uniqueId("secret")),
    userId,
    csrfToken: randomBytes(16).toString("base64url"),
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + expiresInMs).toISOString(),
  };
}

/** Entry number `second` is one second after T0, so a higher number is newer. */
export function newAudit(second: number, fields: Partial<AuditRecord> = {}): AuditRecord {
  return {
    id: uniqueId("audit"),
    at: new Date(Date.parse(T0) + second * 1000).toISOString(),
    actorId: "user-lan",
    action: "dossier.read",
    ...fields,
  };
}

/** Note number `second` is one second after T0. */
export function newNote(second: number, fields: Partial<NoteRecord> = {}): NoteRecord {
  return {
    id: uniqueId("note"),
    conversationId: "conv-1",
    authorId: "user-lan",
    authorName: "Nguyễn Thị Lan",
    text: "Đã gọi lại cho công dân, hẹn mang bản chính thứ Hai.",
    at: new Date(Date.parse(T0) + second * 1000).toISOString(),
    ...fields,
  };
}

/** The Zalo Official Account of the contract suites. */
export const OA = "388613280878808645";

/** A Zalo contact of `conversationId`, delivered up to nothing yet. */
export function newZaloContact(conversationId: string, userId = uniqueId("2468458835")): ZaloContactRecord {
  return {
    oaId: OA,
    userId,
    conversationId,
    displayName: null,
    deliveredSeq: 0,
    unreachable: null,
    retryAt: null,
    createdAt: at(0),
    updatedAt: at(0),
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
