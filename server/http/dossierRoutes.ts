import { Router, type Request, type Response } from "express";
import type { ConversationService } from "../conversation/conversationService";
import type { DossierStatus } from "../dossier/dossier";
import { FORM_CONTENT_SECURITY_POLICY, renderForm } from "../dossier/renderForm";
import { STATUS_TEXTS } from "../dossier/statusTexts";
import type { DossierService } from "../dossier/dossierService";
import { parsePhone } from "../engine/understanding/parsePhone";
import { parseReceiptCode } from "../engine/understanding/parseReceiptCode";
import type { Store } from "../store/store";
import { bearerToken, sendError } from "./httpErrors";
import type { SlidingWindowLimiter } from "./slidingWindowLimiter";

export interface DossierRoutesOptions {
  store: Store;
  service: ConversationService;
  dossiers: DossierService;
  statusLimiter: SlidingWindowLimiter;
  addressOf: (req: Request) => string;
}


/**
 * The dossier as JSON and as the printable form, for the citizen holding the conversation's
 * token (clerks come with the console); and status lookup by receipt code and phone.
 */
export function dossierRoutes(options: DossierRoutesOptions): Router {
  const router = Router();

  async function ownedDossier(req: Request, res: Response) {
    const token = bearerToken(req.headers.authorization);
    const conversation = token ? await options.service.resume(token) : null;
    const code = parseReceiptCode(String(req.params.code ?? ""));
    const owned = conversation && code.ok ? await options.store.getDossierOwner(code.value) : null;
    // Not yours and not found look the same: a token cannot probe other citizens' codes.
    if (!owned || owned.conversationId !== conversation!.id) {
      sendError(res, 404, "DOSSIER_NOT_FOUND", "Không tìm thấy hồ sơ này trong cuộc trò chuyện của bạn.", "This dossier was not found in your conversation.", conversation?.state.locale);
      return null;
    }
    return owned.dossier;
  }

  router.get("/api/dossiers/:code", async (req, res) => {
    const dossier = await ownedDossier(req, res);
    if (!dossier) return;
    res.set("Cache-Control", "no-store").json({ code: dossier.code, procedureId: dossier.procedureId, status: dossier.status, fields: dossier.fields, submission: dossier.submission, documents: dossier.documents, createdAt: dossier.createdAt, updatedAt: dossier.updatedAt });
  });

  router.get("/api/dossiers/:code/form", async (req, res) => {
    const dossier = await ownedDossier(req, res);
    if (!dossier) return;
    res.set("Cache-Control", "no-store").set("Content-Security-Policy", FORM_CONTENT_SECURITY_POLICY).type("html").send(renderForm(dossier));
  });

  router.get("/api/status/:code", async (req, res) => {
    if (!options.statusLimiter.allow(options.addressOf(req))) {
      sendError(res, 429, "STATUS_RATE_LIMITED", "Bạn tra cứu nhiều quá, vui lòng thử lại sau một phút.", "Too many lookups; please try again in a minute.");
      return;
    }
    const code = parseReceiptCode(String(req.params.code ?? ""));
    const phone = parsePhone(String(req.query.phone ?? ""));
    const result = code.ok && phone.ok ? await options.dossiers.lookupStatus(code.value, phone.value) : { found: false as const };
    res.set("Cache-Control", "no-store");
    if (!result.found) {
      sendError(res, 404, "STATUS_NOT_FOUND", "Không tìm thấy hồ sơ khớp với mã và số điện thoại này.", "No dossier matches this code and phone number.");
      return;
    }
    res.json({ ok: true, ...result, statusText: STATUS_TEXTS[result.status as DossierStatus] ?? null });
  });

  return router;
}
