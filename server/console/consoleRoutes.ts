import { randomUUID } from "node:crypto";
import express, { type Request, type Response, Router } from "express";
import { z } from "zod";
import type { ConversationService } from "../conversation/conversationService";
import { sendTurnRefusal } from "./consoleRefusal";
import { DOSSIER_STATUSES, type Dossier } from "../dossier/dossier";
import { isOpenDossier, nextDossierStatuses } from "../dossier/dossierLifecycle";
import { addDays, type CityDay, cityDayOf } from "../deadlines/cityDay";
import type { WorkingCalendar } from "../deadlines/workingCalendar";
import { localIsoDate } from "../engine/clock";
import { FORM_CONTENT_SECURITY_POLICY, renderForm } from "../dossier/renderForm";
import { STATUS_TEXTS } from "../dossier/statusTexts";
import { sendConsoleError } from "./sendConsoleError";
import type { Catalogue } from "../engine/catalogue";
import type { Logger } from "../logger";
import type { Store } from "../store/store";
import { type ConsoleLocals, requireConsoleSession } from "./authRoutes";
import { mayAccess } from "../handoff/mayAccess";
import type { DossierDetail, DossierSummary } from "./consoleRestProtocol";
import { submittedDraft } from "./conversationView";

export interface ConsoleRoutesOptions {
  store: Store;
  service: ConversationService;
  /** For the names of procedures and units, and the labels of a dossier's fields. */
  catalogue: Catalogue;
  logger: Logger;
  now: () => Date;
  /** The offices' working days: "due soon" means due by the next one. */
  calendar: WorkingCalendar;
}

/** A ward's list of what is missing is a few papers; twenty lines is more than any request needs. */
const statusSchema = z
  .object({
    status: z.enum(DOSSIER_STATUSES),
    reason: z.string().max(1000).optional(),
    missingItems: z.array(z.string().max(300)).max(20).optional(),
  })
  .strict();

/** Whether an open dossier is past its due day or close to it, seen on `today` with `soonBy` the next working day. */
function dueState(dossier: Dossier, today: CityDay, soonBy: CityDay): DossierSummary["due"] {
  const dueDay = dossier.dueDate ? cityDayOf(dossier.dueDate) : null;
  if (!dueDay || !isOpenDossier(dossier.status)) return null;
  return dueDay < today ? "overdue" : dueDay <= soonBy ? "soon" : null;
}

function dossierSummary(
  catalogue: Catalogue,
  dossier: Dossier,
  conversationId: string,
  days: { today: CityDay; soonBy: CityDay },
): DossierSummary {
  return {
    code: dossier.code,
    procedureId: dossier.procedureId,
    procedureName: catalogue.flows.get(dossier.procedureId)?.flow.name.vi ?? null,
    unitId: dossier.unitId,
    unitName: catalogue.units.find((u) => u.id === dossier.unitId)?.nameVi ?? null,
    status: dossier.status,
    statusText: STATUS_TEXTS[dossier.status].name.vi,
    next: nextDossierStatuses(dossier.status),
    createdAt: dossier.createdAt,
    updatedAt: dossier.updatedAt,
    conversationId,
    dueDate: dossier.dueDate ?? null,
    due: dueState(dossier, days.today, days.soonBy),
  };
}

/**
 * The console's REST side, for signed-in users, each request authorised by unit and every read
 * or change of a dossier written to the audit log: dossier search, one dossier with its
 * fields and their provenance, its printable form, its documents, status changes.
 */
export function consoleRoutes(options: ConsoleRoutesOptions): Router {
  const router = Router();
  const guard = requireConsoleSession(options);
  const { store, catalogue } = options;

  function audit(
    res: Response,
    action: string,
    detail: { dossierCode?: string; conversationId?: string; extra?: Record<string, string | number | boolean> },
  ): void {
    const { user } = res.locals as ConsoleLocals;
    void store
      .appendAudit({
        id: randomUUID(),
        at: options.now().toISOString(),
        actorId: user.id,
        action,
        ...(detail.dossierCode ? { dossierCode: detail.dossierCode } : {}),
        ...(detail.conversationId ? { conversationId: detail.conversationId } : {}),
        ...(detail.extra ? { detail: detail.extra } : {}),
      })
      .catch((error: unknown) =>
        options.logger.error({ event: "audit.failed", err: error, action }, "audit write failed"),
      );
  }

  /** The dossier if the user's units include its unit; otherwise 404, as if it did not exist. */
  async function accessible(req: Request, res: Response) {
    const owned = await store.getDossierOwner(String(req.params.code ?? "").toUpperCase());
    const { user } = res.locals as ConsoleLocals;
    if (!owned || !mayAccess(user, owned.dossier.unitId)) {
      sendConsoleError(res, "CONSOLE_NOT_FOUND");
      return null;
    }
    return owned;
  }

  /** The clerks who filled fields of the dossier, by name: the console says who, not an id. */
  async function clerkNames(dossier: Dossier): Promise<Record<string, string>> {
    const ids = new Set(Object.values(dossier.provenance).flatMap((p) => (p.by === "clerk" ? [p.clerkId] : [])));
    const users = await Promise.all([...ids].map((id) => store.getUser(id)));
    return Object.fromEntries(users.flatMap((user) => (user ? [[user.id, user.displayName]] : [])));
  }

  /** Today in the city, and the last day that counts as "due soon" (the next working day). */
  function dueDays(): { today: CityDay; soonBy: CityDay } {
    const today = localIsoDate(options.now());
    return { today, soonBy: options.calendar.addWorkingDays(addDays(today, 1), 0) };
  }

  const summaryOf = (days: { today: CityDay; soonBy: CityDay }) => (f: { dossier: Dossier; conversationId: string }) =>
    dossierSummary(catalogue, f.dossier, f.conversationId, days);

  router.get("/api/console/dossiers", guard, async (req, res) => {
    const { user } = res.locals as ConsoleLocals;
    const query = typeof req.query.query === "string" ? req.query.query.slice(0, 200) : undefined;
    const unitIds = user.role === "clerk" ? user.unitIds : null;
    const days = dueDays();
    const found = await store.listDossiers({ unitIds, ...(query ? { query } : {}), limit: 100 });
    // Without a search, what the law makes urgent comes first: overdue, then due by the next working day.
    const urgent = query ? [] : await store.dossiersDueBy({ unitIds, dueBy: days.soonBy, limit: 100 });
    const urgentOwned = (await Promise.all(urgent.map((d) => store.getDossierOwner(d.code)))).filter(
      (owned) => owned !== null,
    );
    const first = new Set(urgentOwned.map((owned) => owned.dossier.code));
    const listed = [...urgentOwned, ...found.filter((f) => !first.has(f.dossier.code))];
    audit(res, "dossier.search", { extra: { results: listed.length } });
    res.set("Cache-Control", "no-store").json({ ok: true, dossiers: listed.map(summaryOf(days)) });
  });

  router.get("/api/console/dossiers/:code", guard, async (req, res) => {
    const owned = await accessible(req, res);
    if (!owned) return;
    const { dossier } = owned;
    audit(res, "dossier.read", { dossierCode: dossier.code, conversationId: owned.conversationId });
    const detail: DossierDetail = {
      ...dossierSummary(catalogue, dossier, owned.conversationId, dueDays()),
      fields: dossier.fields,
      provenance: dossier.provenance,
      submission: dossier.submission,
      documents: dossier.documents,
      attachments: dossier.attachments,
      rejectionReason: dossier.rejectionReason ?? null,
      missingItems: dossier.status === "needs_more_info" ? (dossier.missingItems ?? []) : [],
      draft: submittedDraft(catalogue, dossier),
      clerks: await clerkNames(dossier),
    };
    res.set("Cache-Control", "no-store").json({ ok: true, dossier: detail });
  });

  router.get("/api/console/dossiers/:code/form", guard, async (req, res) => {
    const owned = await accessible(req, res);
    if (!owned) return;
    audit(res, "dossier.read_form", { dossierCode: owned.dossier.code, conversationId: owned.conversationId });
    res
      .set("Cache-Control", "no-store")
      .set("Content-Security-Policy", FORM_CONTENT_SECURITY_POLICY)
      .type("html")
      .send(renderForm(owned.dossier));
  });

  router.get("/api/console/dossiers/:code/attachments/:id", guard, async (req, res) => {
    const owned = await accessible(req, res);
    if (!owned) return;
    const id = String(req.params.id ?? "");
    const upload = Object.values(owned.dossier.attachments).includes(id) ? await store.getUpload(id) : null;
    if (!upload) {
      sendConsoleError(res, "CONSOLE_NOT_FOUND.attachment");
      return;
    }
    audit(res, "dossier.read_attachment", { dossierCode: owned.dossier.code });
    // Served as a download, never rendered in the console's origin.
    res
      .set({
        "Cache-Control": "no-store",
        "Content-Disposition": `attachment; filename="${id}"`,
        "X-Content-Type-Options": "nosniff",
      })
      .type(upload.record.mimeType)
      .send(upload.bytes);
  });

  router.post("/api/console/dossiers/:code/status", express.json({ limit: "4kb" }), guard, async (req, res) => {
    const owned = await accessible(req, res);
    if (!owned) return;
    const input = statusSchema.safeParse(req.body);
    if (!input.success || (input.data.status === "rejected" && !input.data.reason?.trim())) {
      sendConsoleError(res, "DOSSIER_STATUS_INVALID");
      return;
    }
    const reason = input.data.reason?.trim();
    const missingItems = (input.data.missingItems ?? []).map((item) => item.trim()).filter(Boolean);
    // The citizen is sent back for more: they must read what to bring, or they come back without it.
    if (input.data.status === "needs_more_info" && missingItems.length === 0) {
      sendConsoleError(res, "DOSSIER_STATUS_INVALID.missing");
      return;
    }
    const note =
      input.data.status === "rejected" ? { reason } : input.data.status === "needs_more_info" ? { missingItems } : null;
    // Answered once the change is stored, before the citizen and the consoles are told of it.
    await options.service.changeDossierStatus(owned.dossier.code, input.data.status, note, (outcome) => {
      if (!outcome.ok) return sendTurnRefusal(res, outcome);
      audit(res, "dossier.status", {
        dossierCode: owned.dossier.code,
        conversationId: owned.conversationId,
        extra: { status: input.data.status },
      });
      res.json({ ok: true, dossier: dossierSummary(catalogue, outcome.dossier!, owned.conversationId, dueDays()) });
    });
  });

  return router;
}
