import type { Dossier } from "../dossier/dossier";
import type { Store } from "../store/store";

// Messages read per store call while collecting a transcript.
const PAGE = 500;

/**
 * Everything Khai Hộ holds about the citizen of one conversation, as handed to them on request (the
 * right of access of Law 91/2025/QH15): their answers, the whole transcript, the dossiers filed, the
 * files sent (bytes in base64), the clerks' notes about them and their Zalo link.
 */
export interface CitizenDataExport {
  exportedAt: string;
  conversation: {
    id: string;
    channel: string;
    locale: string;
    unitId: string | null;
    createdAt: string;
    updatedAt: string;
    answers: Record<string, unknown>;
  };
  messages: { seq: number; author: string; text: string; choice?: string; attachmentId?: string; at: string }[];
  dossiers: Dossier[];
  uploads: { id: string; mimeType: string; size: number; createdAt: string; base64: string }[];
  notes: { authorName: string; text: string; at: string }[];
  zalo: { userId: string; displayName: string | null } | null;
}

/** Collects a conversation's data for its citizen, or null when there is no such conversation. */
export async function collectCitizenData(
  store: Store,
  conversationId: string,
  now: Date,
): Promise<CitizenDataExport | null> {
  const conversation = await store.getConversation(conversationId);
  if (!conversation) return null;
  const messages: CitizenDataExport["messages"] = [];
  for (let after = 0; ;) {
    const page = await store.listMessages(conversationId, after, PAGE);
    for (const m of page) {
      messages.push({
        seq: m.seq,
        author: m.author,
        text: m.text,
        ...(m.choice ? { choice: m.choice } : {}),
        ...(m.attachmentId ? { attachmentId: m.attachmentId } : {}),
        at: m.at,
      });
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.seq;
  }
  const uploads: CitizenDataExport["uploads"] = [];
  for (const record of await store.uploadsOfConversation(conversationId)) {
    const stored = await store.getUpload(record.id);
    if (!stored) continue;
    const { id, mimeType, size, createdAt } = record;
    uploads.push({ id, mimeType, size, createdAt, base64: stored.bytes.toString("base64") });
  }
  const contact = await store.getZaloContactByConversation(conversationId);
  return {
    exportedAt: now.toISOString(),
    conversation: {
      id: conversation.id,
      channel: conversation.channel,
      locale: conversation.locale,
      unitId: conversation.unitId,
      createdAt: conversation.createdAt,
      updatedAt: conversation.updatedAt,
      answers: conversation.state.answers,
    },
    messages,
    dossiers: await store.dossiersOfConversation(conversationId),
    uploads,
    notes: (await store.listNotes(conversationId, 10_000)).map((n) => ({
      authorName: n.authorName,
      text: n.text,
      at: n.at,
    })),
    zalo: contact ? { userId: contact.userId, displayName: contact.displayName } : null,
  };
}
