import { createHash } from "node:crypto";
import type { Dossier, FieldValue, SubmitMethod } from "../../server/dossier/dossier";
import { initialState } from "../../server/engine/conversationState";
import type { ServiceEvent, Store } from "../../server/store/store";

/** An instant given in the city's local time: `vn("2026-03-10T08:00")`. */
export const vn = (local: string): Date => new Date(`${local}:00+07:00`);

export interface StoredDossier {
  at: Date;
  method: SubmitMethod;
  code?: string;
  procedureId?: string;
  status?: Dossier["status"];
  /** `dd/mm/yyyy`, as the dossier keeps it. */
  dueDate?: string;
  fields?: Record<string, FieldValue>;
}

export interface StoredActivity {
  unitId: string | null;
  /** When the conversation started. */
  at: Date;
  /** What it did that the figures count. */
  events?: { kind: ServiceEvent["kind"]; at: Date; value?: number; text?: string }[];
  dossier?: StoredDossier;
}

let serial = 0;

/**
 * Writes one conversation and what it did through the store's own turn commit, as the turn pipeline
 * would: the figures the dashboard reads then come from the adapter's real queries. Returns the
 * dossier's code, when it submitted one.
 */
export async function storeActivity(store: Store, activity: StoredActivity): Promise<string | null> {
  serial += 1;
  const id = `activity-${process.pid}-${serial}`;
  const { unitId, at } = activity;
  await store.createConversation({
    id,
    tokenHash: createHash("sha256").update(id).digest("hex"),
    channel: "web",
    locale: "vi",
    unitId,
    state: initialState("vi", unitId),
    status: "bot",
    procedureId: null,
    lastSeq: 0,
    version: 0,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  });
  const submitted = activity.dossier;
  const dossier: Dossier | null = submitted
    ? {
        code: submitted.code ?? `HN-T${String(serial).padStart(5, "0")}`,
        procedureId: submitted.procedureId ?? "dang-ky-khai-tu",
        unitId,
        status: submitted.status ?? "submitted",
        fields: submitted.fields ?? {},
        provenance: {},
        submission: { submitMethod: submitted.method, returnMethod: "counter" },
        documents: [],
        attachments: {},
        locale: "vi",
        ...(submitted.dueDate ? { dueDate: submitted.dueDate } : {}),
        createdAt: submitted.at.toISOString(),
        updatedAt: submitted.at.toISOString(),
      }
    : null;
  const result = await store.commitTurn({
    conversationId: id,
    expectedVersion: 0,
    state: initialState("vi", unitId),
    messages: [],
    dedupe: null,
    dossier,
    events: (activity.events ?? []).map((e) => ({
      kind: e.kind,
      conversationId: id,
      unitId,
      at: e.at.toISOString(),
      ...(e.value !== undefined ? { value: e.value } : {}),
      ...(e.text !== undefined ? { text: e.text } : {}),
    })),
  });
  if (!result.ok) throw new Error(`the activity's turn was refused: ${result.reason}`);
  return dossier?.code ?? null;
}
