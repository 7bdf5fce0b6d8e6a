import type { UnitsResponse, UploadResponse } from "../../server/channels/web/protocol";

/** Phone uploads of a 10 MB scan on 3G take a while; past this the citizen is told to retry. */
const UPLOAD_TIMEOUT_MS = 120_000;
const FORM_TIMEOUT_MS = 30_000;
const UNITS_TIMEOUT_MS = 30_000;
/** How long the form's tab is watched for its page to load, to wire its print button. */
const PRINT_WIRING_MS = 15_000;

export type UploadResult = { ok: true; attachmentId: string } | { ok: false; message?: string };

/** `POST /api/uploads` with the conversation's bearer token; `message` is the server's refusal, if it gave one. */
export async function uploadFile(serverOrigin: string, token: string, file: File): Promise<UploadResult> {
  const body = new FormData();
  body.append("file", file, file.name);
  const response = await timedFetch(
    `${serverOrigin}/api/uploads`,
    {
      method: "POST",
      headers: { Authorization: `Bearer ${token}` },
      body,
      credentials: "omit",
    },
    UPLOAD_TIMEOUT_MS,
  );
  if (!response) return { ok: false };
  const answer = (await response.json().catch(() => null)) as UploadResponse | null;
  if (answer?.ok === true && typeof answer.attachmentId === "string")
    return { ok: true, attachmentId: answer.attachmentId };
  const message = answer?.ok === false ? answer.error?.message : undefined;
  return { ok: false, ...(typeof message === "string" ? { message } : {}) };
}

/** The name of a unit from the server's list (`GET /api/units`); null when unknown or unreachable. */
export async function fetchUnitName(serverOrigin: string, unitId: string): Promise<string | null> {
  const response = await timedFetch(`${serverOrigin}/api/units`, { credentials: "omit" }, UNITS_TIMEOUT_MS);
  if (!response?.ok) return null;
  const answer = (await response.json().catch(() => null)) as Partial<UnitsResponse> | null;
  const name = Array.isArray(answer?.units) ? answer.units.find((u) => u?.id === unitId)?.nameVi : undefined;
  return typeof name === "string" ? name : null;
}

/**
 * The printable form: fetched with the bearer token (a link could not carry it without
 * leaking it into history and logs), then shown from a blob URL.
 */
export async function fetchFormHtml(serverOrigin: string, token: string, dossierCode: string): Promise<string | null> {
  const response = await timedFetch(
    `${serverOrigin}/api/dossiers/${encodeURIComponent(dossierCode)}/form`,
    {
      headers: { Authorization: `Bearer ${token}`, Accept: "text/html" },
      credentials: "omit",
    },
    FORM_TIMEOUT_MS,
  );
  if (!response?.ok) return null;
  return response.text().catch(() => null);
}

/**
 * Opens the form in a new tab. The tab is opened before anything is awaited, while the click
 * still counts as a user gesture; popup blockers refuse a `window.open` that comes later.
 * Where even that is blocked, the form is downloaded instead.
 */
export function openFormWindow(): (html: string | null, fileName: string) => void {
  const tab = window.open("", "_blank");
  if (tab) tab.opener = null;
  return (html, fileName) => {
    if (html === null) {
      tab?.close();
      return;
    }
    const url = URL.createObjectURL(new Blob([html], { type: "text/html;charset=utf-8" }));
    if (tab && !tab.closed) {
      tab.location.href = url;
      wirePrintButton(tab, url);
    } else {
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      link.rel = "noopener";
      link.click();
    }
    // Long enough for the tab to load it; the blob holds the citizen's personal data.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
}

/**
 * The form's "In / Lưu PDF" button calls `print()` through an inline handler its own policy allows
 * by hash. A blob page also takes the policy of the page that made it, the city portal's, which
 * usually forbids inline handlers: the widget, same-origin with the blob, gives the button its
 * handler from here once the page has loaded.
 */
function wirePrintButton(tab: Window, url: string): void {
  const started = Date.now();
  const attempt = (): void => {
    try {
      if (tab.closed) return;
      if (tab.location.href === url && tab.document.readyState !== "loading") {
        const button = tab.document.querySelector("[data-print]");
        button?.removeAttribute("onclick");
        button?.addEventListener("click", () => tab.print());
        return;
      }
    } catch {
      // Not readable (the citizen navigated the tab elsewhere): nothing to wire.
      return;
    }
    if (Date.now() - started < PRINT_WIRING_MS) setTimeout(attempt, 50);
  };
  attempt();
}

async function timedFetch(url: string, init: RequestInit, timeoutMs: number): Promise<Response | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await fetch(url, { ...init, signal: controller.signal });
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
