import express, { Router, type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import type { ConversationService } from "../conversation/conversationService";
import { FORM_CONTENT_SECURITY_POLICY, renderForm } from "../dossier/renderForm";
import type { DossierService } from "../dossier/dossierService";
import { parsePhone } from "../engine/understanding/parsePhone";
import { parseReceiptCode } from "../engine/understanding/parseReceiptCode";
import type { Store } from "../store/store";
import { maskEchoedNumber } from "../privacy/maskEchoedNumber";
import { bearerToken, sendError, sendWorded } from "./httpErrors";

export interface DossierRoutesOptions {
  store: Store;
  service: ConversationService;
  /** Its `lookupStatus` applies the lookup limits and lock shared with the chat channels. */
  dossiers: DossierService;
  addressOf: (req: Request) => string;
}

const STATUS_REQUEST = z.object({ code: z.string().max(64), phone: z.string().max(32) });
const parseStatusJson = express.json({ limit: "1kb" });

/** The JSON body of a lookup; a body that is not JSON or too long gets the lookup's own error. */
function statusBody(req: Request, res: Response, next: NextFunction): void {
  parseStatusJson(req, res, (error?: unknown) => {
    if (!error) return next();
    if ((error as { status?: unknown }).status === 413) {
      sendError(res, "STATUS_REQUEST_TOO_LARGE");
    } else {
      sendError(res, "STATUS_REQUEST_INVALID.notJson");
    }
  });
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
      sendError(res, "DOSSIER_NOT_FOUND", { locale: conversation?.state.locale });
      return null;
    }
    return owned.dossier;
  }

  router.get("/api/dossiers/:code", async (req, res) => {
    const dossier = await ownedDossier(req, res);
    if (!dossier) return;
    res.set("Cache-Control", "no-store").json({
      code: dossier.code,
      procedureId: dossier.procedureId,
      status: dossier.status,
      fields: dossier.fields,
      submission: dossier.submission,
      documents: dossier.documents,
      createdAt: dossier.createdAt,
      updatedAt: dossier.updatedAt,
    });
  });

  router.get("/api/dossiers/:code/form", async (req, res) => {
    const dossier = await ownedDossier(req, res);
    if (!dossier) return;
    res
      .set("Cache-Control", "no-store")
      .set("Content-Security-Policy", FORM_CONTENT_SECURITY_POLICY)
      .type("html")
      .send(renderForm(dossier));
  });

  // The phone is personal data: it travels in a POST body, never in a URL, which proxies,
  // browser histories and access logs keep. The old GET form looks nothing up.
  router.get(["/api/status", "/api/status/:code"], (_req, res) => {
    res.set("Allow", "POST");
    sendError(res, "STATUS_USE_POST");
  });

  router.post("/api/status", statusBody, async (req, res) => {
    res.set("Cache-Control", "no-store");
    const body = STATUS_REQUEST.safeParse(req.body);
    if (!body.success) {
      sendError(res, "STATUS_REQUEST_INVALID");
      return;
    }
    const code = parseReceiptCode(body.data.code);
    const phone = parsePhone(body.data.phone);
    if (!code.ok) return sendWorded(res, 400, `STATUS_${code.code}`, code.message);
    if (!phone.ok)
      return sendWorded(res, 400, `STATUS_${phone.code}`, maskEchoedNumber(phone.message, body.data.phone));
    const result = await options.dossiers.lookupStatus(code.value, phone.value, options.addressOf(req));
    if (result.found) {
      res.json({ ok: true, ...result });
    } else if (!("refused" in result)) {
      sendError(res, "STATUS_NOT_FOUND");
    } else {
      res.set("Retry-After", String(result.retryMinutes * 60));
      sendError(res, result.refused === "locked" ? "STATUS_LOCKED" : "STATUS_RATE_LIMITED", {
        params: { minutes: result.retryMinutes },
      });
    }
  });

  return router;
}
