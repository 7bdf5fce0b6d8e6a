import { randomUUID } from "node:crypto";
import express, { type Response, Router } from "express";
import { dossierFiler } from "../dossier/dossierFiler";
import { isOpenDossier } from "../dossier/dossierLifecycle";
import { attachmentHeader } from "../exports/csvTable";
import { maskIdNumber, maskPhone } from "../exports/maskIdentifiers";
import { errorSender } from "../http/httpErrors";
import type { Logger } from "../logger";
import { collectCitizenData } from "../privacy/citizenDataExport";
import type { AuditRecord, Store, UserRecord } from "../store/store";
import { type ConsoleLocals, requireConsoleSession } from "./authRoutes";
import type { PrivacyErased, PrivacySubject } from "./consoleRestProtocol";
import { PRIVACY_TEXTS } from "./privacyTexts";

export interface PrivacyRoutesOptions {
  store: Store;
  logger: Logger;
  now: () => Date;
}

const sendPrivacyError = errorSender(PRIVACY_TEXTS);

/** What a citizen's request names: a receipt code or, for a draft that filed nothing, the conversation id. */
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/**
 * A citizen's requests about their personal data (Law 91/2025/QH15), carried out by an administrator:
 * what is held (`GET /api/console/privacy/:ref`), a copy of all of it as one JSON file (`…/export`), and
 * its erasure (`POST …/erase`, the reference typed again to confirm). Each is written to the audit log
 * before it is done — who, when, which conversation, how many records, never content — and refused when
 * the log cannot be written. A dossier still being processed is not erased: the office owes an answer.
 */
export function privacyRoutes(options: PrivacyRoutesOptions): Router {
  const router = Router();
  const guard = requireConsoleSession(options);
  const { store } = options;

  router.use("/api/console/privacy", guard, (_req, res, next) => {
    const { user } = res.locals as ConsoleLocals;
    if (user.role !== "admin") return sendPrivacyError(res, "PRIVACY_FORBIDDEN");
    res.set("Cache-Control", "no-store");
    next();
  });

  /** The conversation a receipt code or conversation id names, or null (answered 404). */
  async function conversationOf(ref: string, res: Response): Promise<string | null> {
    const owner = REFERENCE.test(ref) ? await store.getDossierOwner(ref.toUpperCase()) : null;
    const conversation = owner ? null : REFERENCE.test(ref) ? await store.getConversation(ref) : null;
    const id = owner?.conversationId ?? conversation?.id ?? null;
    if (id === null) sendPrivacyError(res, "PRIVACY_NOT_FOUND");
    return id;
  }

  async function audited(res: Response, entry: Omit<AuditRecord, "id" | "at">): Promise<boolean> {
    try {
      await store.appendAudit({ id: randomUUID(), at: options.now().toISOString(), ...entry });
      return true;
    } catch (error) {
      options.logger.error({ event: "audit.failed", err: error, action: entry.action }, "audit write failed");
      sendPrivacyError(res, "PRIVACY_AUDIT_FAILED");
      return false;
    }
  }

  const userOf = (res: Response): UserRecord => (res.locals as ConsoleLocals).user;

  router.get("/api/console/privacy/:ref", async (req, res) => {
    const conversationId = await conversationOf(String(req.params.ref), res);
    if (conversationId === null) return;
    const conversation = (await store.getConversation(conversationId))!;
    const dossiers = await store.dossiersOfConversation(conversationId);
    const uploads = await store.uploadsOfConversation(conversationId);
    if (!(await audited(res, { actorId: userOf(res).id, action: "privacy.lookup", conversationId }))) return;
    const subject: PrivacySubject = {
      conversationId,
      channel: conversation.channel,
      createdAt: conversation.createdAt,
      updatedAt: conversation.updatedAt,
      messages: conversation.lastSeq,
      uploads: uploads.length,
      dossiers: dossiers.map((d) => {
        const filer = dossierFiler(d.fields);
        return {
          code: d.code,
          procedureId: d.procedureId,
          status: d.status,
          idNumberMasked: filer.idNumber === null ? null : maskIdNumber(filer.idNumber),
          phoneMasked: filer.phone === null ? null : maskPhone(filer.phone),
        };
      }),
    };
    res.json({ ok: true, subject });
  });

  router.get("/api/console/privacy/:ref/export", async (req, res) => {
    const conversationId = await conversationOf(String(req.params.ref), res);
    if (conversationId === null) return;
    const data = (await collectCitizenData(store, conversationId, options.now()))!;
    const detail = { messages: data.messages.length, dossiers: data.dossiers.length, uploads: data.uploads.length };
    if (!(await audited(res, { actorId: userOf(res).id, action: "privacy.export", conversationId, detail }))) return;
    res.set({
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": attachmentHeader(`du-lieu-ca-nhan_${String(req.params.ref)}.json`),
      "X-Content-Type-Options": "nosniff",
    });
    res.send(JSON.stringify(data, null, 2));
  });

  router.post("/api/console/privacy/:ref/erase", express.json({ limit: "4kb" }), async (req, res) => {
    const ref = String(req.params.ref);
    const confirm: unknown = (req.body as { confirm?: unknown } | undefined)?.confirm;
    if (typeof confirm !== "string" || confirm.trim().toUpperCase() !== ref.toUpperCase()) {
      return sendPrivacyError(res, "PRIVACY_CONFIRM_MISMATCH");
    }
    const conversationId = await conversationOf(ref, res);
    if (conversationId === null) return;
    const open = (await store.dossiersOfConversation(conversationId)).filter((d) => isOpenDossier(d.status));
    if (open.length > 0) {
      return sendPrivacyError(res, "PRIVACY_DOSSIER_OPEN", { params: { codes: open.map((d) => d.code).join(", ") } });
    }
    if (!(await audited(res, { actorId: userOf(res).id, action: "privacy.erase", conversationId }))) return;
    const erased = await store.eraseConversation(conversationId);
    res.json({ ok: true, erased: erased ?? { dossiers: 0, uploads: 0 } } satisfies PrivacyErased & { ok: true });
  });

  return router;
}
