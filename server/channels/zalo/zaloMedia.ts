import { get } from "node:https";
import type { IncomingMessage } from "node:http";

export interface ZaloMediaOptions {
  /** Host names allowed; one starting with "." allows that domain's subdomains. */
  allowedHosts: readonly string[];
  /** Extra certificate authorities (PEM) to trust besides the system's. */
  ca?: string;
  timeoutMs: number;
  maxBytes: number;
}

export type ZaloMediaResult =
  | { ok: true; bytes: Buffer }
  /** `notAllowed`: not https or not an allowed host; `tooLarge`: over `maxBytes`; `failed`: anything else. */
  | { ok: false; reason: "notAllowed" | "tooLarge" | "failed" };

const MAX_REDIRECTS = 3;

/** Whether a URL is https on an allowed host (a redirect is checked again before it is followed). */
export function isAllowedMediaUrl(url: string, allowedHosts: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== "https:" || parsed.username || parsed.password) return false;
  const host = parsed.hostname.toLowerCase();
  return allowedHosts.some((allowed) => {
    const name = allowed.toLowerCase();
    return name.startsWith(".") ? host.endsWith(name) && host.length > name.length : host === name;
  });
}

/**
 * Fetches a citizen's Zalo image or file from the URL in its webhook event: https only, from an
 * allowed host (a webhook body names the URL, so any other host would let a forged or replayed
 * event make the server fetch what it likes), at most `maxBytes` read, within `timeoutMs` in all.
 */
export async function fetchZaloMedia(url: string, options: ZaloMediaOptions): Promise<ZaloMediaResult> {
  const deadline = Date.now() + options.timeoutMs;
  let current = url;
  for (let redirects = 0; redirects <= MAX_REDIRECTS; redirects += 1) {
    if (!isAllowedMediaUrl(current, options.allowedHosts)) return { ok: false, reason: "notAllowed" };
    const result = await fetchOnce(current, options, deadline);
    if (!("redirect" in result)) return result;
    current = new URL(result.redirect, current).toString();
  }
  return { ok: false, reason: "failed" };
}

function fetchOnce(
  url: string,
  options: ZaloMediaOptions,
  deadline: number,
): Promise<ZaloMediaResult | { redirect: string }> {
  return new Promise((resolve) => {
    const timeout = Math.max(1, deadline - Date.now());
    const request = get(url, { ...(options.ca ? { ca: options.ca } : {}), timeout }, (response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        resolve({ redirect: response.headers.location });
        return;
      }
      if (status !== 200) {
        response.resume();
        resolve({ ok: false, reason: "failed" });
        return;
      }
      if (Number(response.headers["content-length"] ?? 0) > options.maxBytes) {
        response.destroy();
        resolve({ ok: false, reason: "tooLarge" });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          response.destroy();
          resolve({ ok: false, reason: "tooLarge" });
          return;
        }
        chunks.push(chunk);
      });
      response.on("end", () => resolve({ ok: true, bytes: Buffer.concat(chunks, size) }));
      response.on("error", () => resolve({ ok: false, reason: "failed" }));
      response.on("aborted", () => resolve({ ok: false, reason: "failed" }));
    });
    const timer = setTimeout(() => request.destroy(new Error("timeout")), timeout);
    request.on("error", () => resolve({ ok: false, reason: "failed" }));
    request.on("close", () => clearTimeout(timer));
    request.on("timeout", () => request.destroy(new Error("timeout")));
  });
}
