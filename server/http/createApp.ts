import express, { type NextFunction, type Request, type Response, type Router } from "express";
import helmet from "helmet";
import type { Config } from "../config";
import type { ConversationService } from "../conversation/conversationService";
import type { DossierService } from "../dossier/dossierService";
import type { Catalogue } from "../engine/catalogue";
import type { Logger } from "../logger";
import type { Store } from "../store/store";
import { loadWidgetScanner, type WidgetScannerAssets } from "../loadBrowserAssets";
import { storeReadiness } from "../store/storeReadiness";
import type { ChannelStatus } from "../channels/messagingChannel";
import { dossierRoutes } from "./dossierRoutes";
import { sendError } from "./httpErrors";
import type { WindowLimiter } from "../limits/windowLimiter";
import { unitsRoute } from "./unitsRoute";
import { uploadRoute } from "./uploadRoute";

export interface AppDeps {
  config: Readonly<Config>;
  store: Store;
  service: ConversationService;
  dossiers: DossierService;
  catalogue: Catalogue;
  logger: Logger;
  now: () => Date;
  /** The built widget script. */
  widget: () => string;
  /** The widget's lazily loaded ID-card scanner and QR reader. @default read from `dist`, bundled when stale */
  widgetScanner?: () => Promise<WidgetScannerAssets>;
  /** The demo city portal page (HTML). */
  demoPage: string;
  /** The clerk console: its page, script and stylesheet, and the dashboard's script (loaded when its tab opens). */
  console: { html: string; js: string; css: string; dashboardJs?: string };
  /** The console's REST routers, given how the app tells a request's address; mounted under the API guard. */
  consoleRouters: (addressOf: (req: Request) => string) => Router[];
  /** The messaging apps' webhook routers (Zalo), and the state of their outboxes for `/ready`. */
  channelRouters?: Router[];
  channelStatus?: () => Promise<ChannelStatus[]>;
  /** API requests per address (`createLimits`: shared by the nodes with Redis). */
  perIp: WindowLimiter;
}

// The console shows citizens' text to clerks: nothing inline may run or style, nothing outside
// the server may load.
const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' blob: data:; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/**
 * The HTTP side: demo page, widget script, dossier and status API, uploads, health. Security
 * headers per route: the widget script is embeddable by any page; everything else is
 * same-origin, with the API open to the allowed origins only.
 */
export function createApp(deps: AppDeps): express.Express {
  const { config, logger } = deps;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.TRUST_PROXY);
  const addressOf = (req: Request) => req.ip ?? "unknown";
  const perIp = deps.perIp;
  const allowed = new Set(config.ALLOWED_ORIGINS);

  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/ready", async (_req, res) => {
    const status = await storeReadiness(deps.store);
    const ok = status === "ready";
    // A messaging app being down does not stop this node serving: its outbox is reported, not failed.
    const channels = ok && deps.channelStatus ? await deps.channelStatus().catch(() => null) : null;
    res.status(ok ? 200 : 503).json({ status, ...(channels ? { channels } : {}) });
  });

  // The one resource other sites load: a city portal on its own origin embeds it.
  app.get(
    "/widget.js",
    helmet({ crossOriginResourcePolicy: { policy: "cross-origin" }, contentSecurityPolicy: false }),
    (_req, res) => {
      res.set("Cache-Control", "public, max-age=300").type("application/javascript").send(deps.widget());
    },
  );
  // What the widget loads when a citizen taps "Quét CCCD", from the same server: a city page's policy
  // may allow no CDN, and no third party should learn that a citizen is scanning an ID card.
  const scannerParts = deps.widgetScanner ?? (() => loadWidgetScanner());
  const embeddable = helmet({ crossOriginResourcePolicy: { policy: "cross-origin" }, contentSecurityPolicy: false });
  for (const [route, part] of [
    ["/widget-scanner.js", "scanner"],
    ["/widget-qr-reader.js", "qrReader"],
  ] as const) {
    app.get(route, embeddable, async (_req, res, next) => {
      try {
        const script = (await scannerParts())[part];
        res.set("Cache-Control", "public, max-age=300").type("application/javascript").send(script);
      } catch (error) {
        next(error);
      }
    });
  }
  // Fetched by the QR reader from the city page's origin: a CORS read, open to all like the script.
  app.get("/widget-qr-reader.wasm", embeddable, async (_req, res, next) => {
    try {
      const { wasmFile } = await scannerParts();
      res.set({ "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" });
      res.type("application/wasm").sendFile(wasmFile);
    } catch (error) {
      next(error);
    }
  });

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // WebAssembly compiled from the server's own QR reader (the scanner, where no BarcodeDetector).
          scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
          // The demo page's own <style>; the widget itself uses a constructed stylesheet.
          styleSrc: ["'self'", "'unsafe-inline'"],
          connectSrc: ["'self'"],
          imgSrc: ["'self'", "data:", "blob:"],
          frameAncestors: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
        },
      },
      crossOriginResourcePolicy: { policy: "same-origin" },
    }),
  );

  app.get("/", (_req, res) => {
    res.type("html").send(deps.demoPage);
  });
  app.get("/console", (_req, res) => {
    res
      .set({ "Content-Security-Policy": CONSOLE_CSP, "Cache-Control": "no-store" })
      .type("html")
      .send(deps.console.html);
  });
  app.get("/console.js", (_req, res) => {
    res.set("Cache-Control", "no-cache").type("application/javascript").send(deps.console.js);
  });
  app.get("/console.css", (_req, res) => {
    res.set("Cache-Control", "no-cache").type("text/css").send(deps.console.css);
  });
  // Chart.js and the dashboard, from this server like the console itself: the console's CSP allows
  // scripts from 'self' only, and a ward office's network may not reach a CDN.
  app.get("/console-dashboard.js", (_req, res) => {
    res
      .set("Cache-Control", "no-cache")
      .type("application/javascript")
      .send(deps.console.dashboardJs ?? "");
  });

  // The API answers the city portals that embed the widget (uploads, the printable form).
  app.use("/api", async (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (origin && (allowed.has(origin) || allowed.has("*"))) {
      res.set({
        "Access-Control-Allow-Origin": origin,
        Vary: "Origin",
        "Access-Control-Allow-Headers": "Authorization, Content-Type",
        "Access-Control-Allow-Methods": "GET, POST",
      });
    }
    if (req.method === "OPTIONS") {
      res.status(204).end();
      return;
    }
    if (!(await perIp.allow(addressOf(req)))) {
      sendError(res, "HTTP_RATE_LIMITED");
      return;
    }
    next();
  });

  for (const router of deps.consoleRouters(addressOf)) app.use(router);
  app.post(
    "/api/uploads",
    uploadRoute({
      store: deps.store,
      service: deps.service,
      catalogue: deps.catalogue,
      maxBytes: config.UPLOAD_MAX_BYTES,
      maxFilesPerConversation: config.UPLOAD_MAX_FILES_PER_CONVERSATION,
      maxBytesPerConversation: config.UPLOAD_MAX_BYTES_PER_CONVERSATION,
      logger,
      now: deps.now,
    }),
  );
  app.get("/api/units", unitsRoute(deps.catalogue.units));
  app.use(dossierRoutes({ store: deps.store, service: deps.service, dossiers: deps.dossiers, addressOf }));
  for (const router of deps.channelRouters ?? []) app.use(router);

  app.use((_req, res) => {
    sendError(res, "HTTP_NOT_FOUND");
  });
  // No stack trace ever reaches a client; the log has the error (with personal data scrubbed).
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status =
      typeof (error as { status?: unknown }).status === "number" ? (error as { status: number }).status : 500;
    if (status >= 500) logger.error({ event: "http.error", err: error, path: req.path }, "request failed");
    if (res.headersSent) return;
    if (status < 500) sendError(res, "HTTP_BAD_REQUEST", { status });
    else sendError(res, "HTTP_INTERNAL");
  });
  return app;
}
