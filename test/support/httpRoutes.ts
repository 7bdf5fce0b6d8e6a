import type { Express } from "express";

/** Who a route answers: anyone, the citizen holding a conversation's token, a signed-in console user. */
export type RouteAccess = "public" | "citizen" | "console";

export interface HttpRoute {
  method: "GET" | "POST";
  /** As Express declares it (`/api/dossiers/:code`). */
  pattern: string;
  access: RouteAccess;
  /** What a well-behaved client sends as the body. */
  body: "none" | "json" | "multipart";
}

/**
 * Every route of the HTTP app (server/http/createApp.ts and the routers it mounts). The crash
 * and fuzz tests run against each; `expressRoutes` checks this list against the app itself, so
 * a route added without being listed here fails the suite.
 */
export const HTTP_ROUTES: readonly HttpRoute[] = [
  { method: "GET", pattern: "/health", access: "public", body: "none" },
  { method: "GET", pattern: "/ready", access: "public", body: "none" },
  { method: "GET", pattern: "/widget.js", access: "public", body: "none" },
  { method: "GET", pattern: "/widget-scanner.js", access: "public", body: "none" },
  { method: "GET", pattern: "/widget-qr-reader.js", access: "public", body: "none" },
  { method: "GET", pattern: "/widget-qr-reader.wasm", access: "public", body: "none" },
  { method: "GET", pattern: "/", access: "public", body: "none" },
  { method: "GET", pattern: "/console", access: "public", body: "none" },
  { method: "GET", pattern: "/console.js", access: "public", body: "none" },
  { method: "GET", pattern: "/console.css", access: "public", body: "none" },
  { method: "GET", pattern: "/console-dashboard.js", access: "public", body: "none" },
  { method: "POST", pattern: "/api/auth/login", access: "public", body: "json" },
  { method: "GET", pattern: "/api/auth/me", access: "console", body: "none" },
  { method: "POST", pattern: "/api/auth/logout", access: "console", body: "none" },
  { method: "POST", pattern: "/api/auth/password", access: "console", body: "json" },
  { method: "GET", pattern: "/api/console/dossiers", access: "console", body: "none" },
  { method: "GET", pattern: "/api/console/dossiers/:code", access: "console", body: "none" },
  { method: "GET", pattern: "/api/console/dossiers/:code/form", access: "console", body: "none" },
  { method: "GET", pattern: "/api/console/dossiers/:code/attachments/:id", access: "console", body: "none" },
  { method: "POST", pattern: "/api/console/dossiers/:code/status", access: "console", body: "json" },
  { method: "GET", pattern: "/api/console/postal", access: "console", body: "none" },
  { method: "GET", pattern: "/api/console/postal.csv", access: "console", body: "none" },
  { method: "POST", pattern: "/api/console/postal/:code/status", access: "console", body: "json" },
  { method: "GET", pattern: "/api/console/dashboard", access: "console", body: "none" },
  { method: "GET", pattern: "/api/console/dashboard/figures.csv", access: "console", body: "none" },
  { method: "GET", pattern: "/api/console/dashboard/dossiers.csv", access: "console", body: "none" },
  { method: "GET", pattern: "/api/console/reports", access: "console", body: "none" },
  { method: "GET", pattern: "/api/console/reports/:day", access: "console", body: "none" },
  { method: "GET", pattern: "/api/console/reports/:day/chart.png", access: "console", body: "none" },
  { method: "GET", pattern: "/api/console/privacy/:ref", access: "console", body: "none" },
  { method: "GET", pattern: "/api/console/privacy/:ref/export", access: "console", body: "none" },
  { method: "POST", pattern: "/api/console/privacy/:ref/erase", access: "console", body: "json" },
  { method: "GET", pattern: "/api/units", access: "public", body: "none" },
  { method: "POST", pattern: "/api/uploads", access: "citizen", body: "multipart" },
  { method: "GET", pattern: "/api/dossiers/:code", access: "citizen", body: "none" },
  { method: "GET", pattern: "/api/dossiers/:code/form", access: "citizen", body: "none" },
  { method: "GET", pattern: "/api/status", access: "public", body: "none" },
  { method: "GET", pattern: "/api/status/:code", access: "public", body: "none" },
  { method: "POST", pattern: "/api/status", access: "public", body: "json" },
];

export const routeName = (route: Pick<HttpRoute, "method" | "pattern">) => `${route.method} ${route.pattern}`;

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** "METHOD /pattern" of every route the Express app declares, walking its routers (all mounted at the root). */
export function expressRoutes(app: Express): string[] {
  const walk = (stack: Layer[]): string[] =>
    stack.flatMap((layer) =>
      layer.route
        ? Object.keys(layer.route.methods)
            .filter((m) => m !== "_all")
            .flatMap((m) => [layer.route!.path].flat().map((path) => `${m.toUpperCase()} ${path}`))
        : layer.handle?.stack
          ? walk(layer.handle.stack)
          : [],
    );
  return walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
}

/** The route's path with its parameters filled (`:code` a receipt code, `:id` an upload id). */
export function samplePath(pattern: string, code = "HN-20261127-0001"): string {
  return pattern.replace(":code", encodeURIComponent(code)).replace(":id", "00000000-0000-4000-8000-000000000000");
}
