import { randomUUID } from "node:crypto";
import express, { type Request, type Response, Router } from "express";
import { z } from "zod";
import type { ConversationService } from "../conversation/conversationService";
import { cityDayStart, isCityDay } from "../deadlines/cityDay";
import { POSTAL_STATUSES } from "../dossier/dossier";
import { nextPostalStatus, postalStatusOf } from "../dossier/postalRoute";
import { POSTAL_STATUS_TEXTS } from "../dossier/postalTexts";
import type { Catalogue } from "../engine/catalogue";
import { localIsoDate } from "../engine/clock";
import { describeValue } from "../engine/describeValue";
import { attachmentHeader, csvTable } from "../exports/csvTable";
import { POSTAL_CSV_HEADER, postalCsvRows } from "../exports/postalCsv";
import { mayAccess } from "../handoff/mayAccess";
import { errorSender } from "../http/httpErrors";
import type { Logger } from "../logger";
import type { AuditRecord, Store, UserRecord } from "../store/store";
import { type ConsoleLocals, requireConsoleSession } from "./authRoutes";
import { sendTurnRefusal } from "./consoleRefusal";
import type { PostalList, PostalMoved } from "./postalProtocol";
import { POSTAL_LIST_TEXTS } from "./postalListTexts";
import { postalRow } from "./postalRow";
import { sendConsoleError } from "./sendConsoleError";

export interface PostalRoutesOptions {
  store: Store;
  /** Postal moves are turns of the dossier's conversation: stored with the message that tells the citizen. */
  service: ConversationService;
  /** The units' and the procedures' names. */
  catalogue: Catalogue;
  logger: Logger;
  now: () => Date;
}

/**
 * Rows one list shows. A ward's post errands are a handful a day (Hồng Ngự received ~33 dossiers a day in 2022, all
 * channels); a list this long means a unit filter is needed, and the answer says so (`truncated`).
 */
const LIST_LIMIT = 2000;

const moveSchema = z.object({ status: z.enum(POSTAL_STATUSES) }).strict();
const sendPostalError = errorSender(POSTAL_LIST_TEXTS);

interface ListQuery {
  day: string;
  unitId: string | null;
  /** What the store is asked for: the unit, or every unit the user may see (null: all). */
  unitIds: readonly string[] | null;
}

/**
 * The postal list (bưu chính công ích) for the console: per city day and unit, the dossiers whose papers the post
 * office collects at home or whose result it delivers there, as JSON and as the CSV the post office works from, and
 * the clerks' moves of each one's postal status, told to the citizen in their chat. Clerks see their units,
 * supervisors and administrators every unit. The list shows phones in full (the postman calls ahead), so every read
 * and export is written to the audit log, an export before a byte is sent; never the data itself.
 */
export function postalRoutes(options: PostalRoutesOptions): Router {
  const router = Router();
  const guard = requireConsoleSession(options);
  const { store, catalogue } = options;
  const unitNames = new Map(catalogue.units.map((unit) => [unit.id, unit.nameVi]));

  function choicesFor(user: UserRecord): PostalList["units"] {
    return catalogue.units
      .filter((unit) => mayAccess(user, unit.id))
      .map((unit) => ({ id: unit.id, name: unit.nameVi }));
  }

  /** The day (today in the city when absent) and the unit asked for, checked for this user; or the refusal sent. */
  function listQuery(req: Request, res: Response): ListQuery | null {
    const { user } = res.locals as ConsoleLocals;
    const { day: dayParam, unit: unitParam } = req.query;
    let day = localIsoDate(options.now());
    if (dayParam !== undefined && dayParam !== "") {
      if (typeof dayParam !== "string" || !isCityDay(dayParam)) {
        sendPostalError(res, "POSTAL_DAY_INVALID", { params: { value: String(dayParam).slice(0, 40) } });
        return null;
      }
      day = dayParam;
    }
    if (unitParam === undefined || unitParam === "")
      return { day, unitId: null, unitIds: user.role === "clerk" ? user.unitIds : null };
    const unit = String(unitParam).slice(0, 100);
    if (typeof unitParam !== "string" || !unitNames.has(unit)) {
      sendPostalError(res, "POSTAL_UNIT_UNKNOWN", { params: { unit } });
      return null;
    }
    if (!mayAccess(user, unit)) {
      sendPostalError(res, "POSTAL_UNIT_FORBIDDEN", { params: { unit } });
      return null;
    }
    return { day, unitId: unit, unitIds: [unit] };
  }

  function timeWindowText(procedureId: string, value: string): string {
    const compiled = catalogue.flows.get(procedureId);
    const index = compiled?.stepIndex.get("postalTimeWindow");
    return index === undefined ? value : describeValue(compiled!.flow.steps[index]!, value, "vi");
  }

  async function listFor(user: UserRecord, query: ListQuery): Promise<PostalList> {
    const found = await store.postalDossiers({ unitIds: query.unitIds, day: query.day, limit: LIST_LIMIT + 1 });
    const context = {
      dayStart: cityDayStart(query.day),
      procedureName: (id: string) => catalogue.flows.get(id)?.flow.name.vi ?? null,
      unitName: (id: string | null) => (id === null ? null : (unitNames.get(id) ?? null)),
      timeWindowText,
    };
    return {
      day: query.day,
      unitId: query.unitId,
      units: choicesFor(user),
      rows: found.slice(0, LIST_LIMIT).flatMap((dossier) => postalRow(dossier, context) ?? []),
      truncated: found.length > LIST_LIMIT,
    };
  }

  function auditEntry(
    user: UserRecord,
    action: string,
    detail: NonNullable<AuditRecord["detail"]>,
    owner?: { dossierCode: string; conversationId: string },
  ): AuditRecord {
    return { id: randomUUID(), at: options.now().toISOString(), actorId: user.id, action, ...owner, detail };
  }

  function auditLater(entry: AuditRecord): void {
    void store
      .appendAudit(entry)
      .catch((error: unknown) =>
        options.logger.error({ event: "audit.failed", err: error, action: entry.action }, "audit write failed"),
      );
  }

  router.get("/api/console/postal", guard, async (req, res) => {
    const { user } = res.locals as ConsoleLocals;
    const query = listQuery(req, res);
    if (!query) return;
    const list = await listFor(user, query);
    auditLater(auditEntry(user, "postal.list", { day: query.day, units: unitsOf(query), rows: list.rows.length }));
    res.set("Cache-Control", "no-store").json({ ok: true, list });
  });

  router.get("/api/console/postal.csv", guard, async (req, res) => {
    const { user } = res.locals as ConsoleLocals;
    const query = listQuery(req, res);
    if (!query) return;
    const list = await listFor(user, query);
    // Names, addresses and phones in full leave the system with this file: no record, no file.
    try {
      await store.appendAudit(
        auditEntry(user, "postal.export", { day: query.day, units: unitsOf(query), rows: list.rows.length }),
      );
    } catch (error) {
      options.logger.error({ event: "audit.failed", err: error, action: "postal.export" }, "audit write failed");
      sendPostalError(res, "POSTAL_AUDIT_FAILED");
      return;
    }
    res.set({
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentHeader(`buu-chinh_${query.day}${query.unitId ? `_${query.unitId}` : ""}.csv`),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
    res.send(csvTable(POSTAL_CSV_HEADER, postalCsvRows(list.rows)));
  });

  router.post("/api/console/postal/:code/status", express.json({ limit: "4kb" }), guard, async (req, res) => {
    const { user } = res.locals as ConsoleLocals;
    const owned = await store.getDossierOwner(String(req.params.code ?? "").toUpperCase());
    if (!owned || !mayAccess(user, owned.dossier.unitId)) {
      sendConsoleError(res, "CONSOLE_NOT_FOUND");
      return;
    }
    const input = moveSchema.safeParse(req.body);
    if (!input.success) {
      sendPostalError(res, "POSTAL_STATUS_INVALID");
      return;
    }
    const code = owned.dossier.code;
    // Answered once the move is stored, before the citizen and the consoles are told of it.
    await options.service.movePostal(code, input.data.status, user.id, (outcome) => {
      if (!outcome.ok) return sendTurnRefusal(res, outcome);
      const dossier = outcome.dossier!;
      const status = postalStatusOf(dossier)!;
      auditLater(
        auditEntry(user, "postal.status", { status }, { dossierCode: code, conversationId: owned.conversationId }),
      );
      const moved: PostalMoved = {
        code,
        status,
        statusText: POSTAL_STATUS_TEXTS[status].name.vi,
        next: nextPostalStatus(dossier),
      };
      res.json({ ok: true, moved });
    });
  });

  return router;
}

/** The units of a list as the audit keeps them: ids, or `*` for every unit. */
function unitsOf(query: ListQuery): string {
  return query.unitIds?.join(",") ?? "*";
}
