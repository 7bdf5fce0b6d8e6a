import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildConsole, type ConsoleBuild, formatSize } from "../../console/build";
import {
  formatWaiting,
  groupDraft,
  mergeTranscript,
  newArrivals,
  pageTitle,
  releaseAt,
  sortQueue,
} from "../../console/src/consoleFormat";
import type { ChatMessage } from "../../server/channels/web/protocol";
import type { DraftField, QueueItem } from "../../server/console/clerkProtocol";
import { describeBrowserSource, HTML_SINKS } from "../support/browserSource";

const ROOT = path.resolve(__dirname, "../..");
/**
 * No budget in the issue: this ceiling only catches a value import of server code (zod, the
 * engine) slipping into the bundle, which would add far more than the 25 KB it weighs today.
 */
const GZIP_CEILING_BYTES = 45 * 1024;

describe("console.js bundle", () => {
  let dir: string;
  let build: ConsoleBuild;
  let code: string;
  let css: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "khai-ho-console-"));
    build = await buildConsole({ outFile: path.join(dir, "console.js") });
    code = readFileSync(build.outFile, "utf8");
    css = readFileSync(build.cssFile, "utf8");
    process.stdout.write(`${formatSize(build)}\n`);
  }, 60_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("is one classic script with socket.io-client, and the stylesheet beside it", () => {
    expect(/^("use strict";)?\(\(\)=>\{/.test(code)).toBe(true);
    expect(code.includes("/clerk")).toBe(true);
    expect(build.cssFile).toBe(path.join(dir, "console.css"));
    expect(build.cssBytes).toBeGreaterThan(0);
    expect(build.gzipBytes).toBeLessThanOrEqual(GZIP_CEILING_BYTES);
  });

  // Assertions on short lists: a failing match must not print 80 KB of bundle.
  it("carries no HTML sink, eval, console.log, server table or socket.io's debug build", () => {
    const banned = [
      ...HTML_SINKS,
      "eval(",
      "new Function",
      "console.log",
      "debug",
      "receiptPrefix",
      "import(",
      "require(",
      "sourceMappingURL",
    ];
    expect(banned.filter((name) => code.includes(name))).toEqual([]);
  });

  it("keeps Vietnamese as ASCII escapes, so a proxy that re-labels the charset cannot garble it", () => {
    expect(/^[\x00-\x7f]*$/.test(code)).toBe(true);
  });

  it("loads no external resource from its stylesheet", () => {
    expect(["@import", "url(", "http:", "https:"].filter((name) => css.includes(name))).toEqual([]);
  });
});

describe("console/index.html", () => {
  const html = readFileSync(path.join(ROOT, "console/index.html"), "utf8");

  it("passes the console's CSP: no inline script, no inline style, nothing from elsewhere", () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => m[1]!.trim())).toEqual(['src="/console.js" defer']);
    expect(scripts.every((m) => m[2]!.trim() === "")).toBe(true);
    expect(/<style\b|\sstyle=|\son[a-z]+=/i.test(html)).toBe(false);
    expect(/(src|href)="(https?:)?\/\//i.test(html)).toBe(false);
    expect(html).toMatch(/<link rel="stylesheet" href="\/console.css"\s*\/?>/);
  });

  it("is Vietnamese", () => {
    expect(html.includes('<html lang="vi">')).toBe(true);
  });
});

describeBrowserSource("console");

describe("console helpers", () => {
  const NOW = Date.parse("2026-11-27T09:00:00Z");
  const minutesAgo = (n: number) => new Date(NOW - n * 60_000).toISOString();
  const item = (id: string, over: Partial<QueueItem> = {}): QueueItem => ({
    conversationId: id,
    unitId: "an-thanh",
    status: "waiting_clerk",
    reason: "asked",
    procedureId: "dang-ky-khai-sinh",
    procedureName: "Đăng ký khai sinh",
    unitName: "Phường An Thạnh",
    callback: false,
    waitingSince: minutesAgo(5),
    clerk: null,
    channel: "web",
    ...over,
  });

  it("counts the wait in minutes, then hours and minutes, then days", () => {
    expect([0.5, 7, 64, 60 * 26].map((m) => formatWaiting(minutesAgo(m), NOW))).toEqual([
      "vừa xong",
      "7 phút",
      "1 giờ 04 phút",
      "1 ngày",
    ]);
    expect(formatWaiting(null, NOW)).toBe("");
  });

  it("announces a conversation once, when it starts waiting unheld after the first update", () => {
    expect(newArrivals(null, [item("a")], "u1")).toEqual([]);
    expect(
      newArrivals(
        new Set(["a"]),
        [item("a"), item("b"), item("c", { status: "with_clerk", clerk: { id: "u2", name: "Mai" } })],
        "u1",
      ),
    ).toEqual(["b"]);
    // Handed over by a colleague: news. Taken by this clerk from the queue: it was waiting already.
    expect(
      newArrivals(
        new Set(["a"]),
        [
          item("a", { status: "with_clerk", clerk: { id: "u1", name: "Lan" } }),
          item("c", { status: "with_clerk", clerk: { id: "u1", name: "Lan" } }),
        ],
        "u1",
      ),
    ).toEqual(["c"]);
  });

  it("puts the unheld first, the longest wait first, and counts them in the title", () => {
    const held = item("held", { status: "with_clerk", clerk: { id: "u1", name: "Lan" }, waitingSince: minutesAgo(90) });
    const sorted = sortQueue([
      item("recent", { waitingSince: minutesAgo(1) }),
      held,
      item("old", { waitingSince: minutesAgo(30) }),
    ]);
    expect(sorted.map((i) => i.conversationId)).toEqual(["old", "recent", "held"]);
    expect([pageTitle(2), pageTitle(0)]).toEqual(["(2) Khai Hộ – Bàn làm việc", "Khai Hộ – Bàn làm việc"]);
  });

  it("groups the draft like the paper form, in the order the groups first appear", () => {
    const field = (key: string, group: string): DraftField => ({
      key,
      label: key,
      group,
      display: "",
      source: null,
      editable: true,
    });
    const groups = groupDraft([
      field("a", "Người yêu cầu"),
      field("b", "Người được khai sinh"),
      field("c", "Người yêu cầu"),
    ]);
    expect(groups.map((g) => [g.group, g.fields.map((f) => f.key)])).toEqual([
      ["Người yêu cầu", ["a", "c"]],
      ["Người được khai sinh", ["b"]],
    ]);
  });

  it("merges the transcript by seq, the server's copy replacing the one shown on the ack", () => {
    const message = (seq: number, id: string): ChatMessage => ({
      id,
      seq,
      conversationId: "c",
      author: "clerk",
      text: "x",
      at: minutesAgo(0),
    });
    const merged = mergeTranscript([message(1, "m1"), message(3, "local")], [message(3, "m3"), message(2, "m2")]);
    expect(merged.map((m) => m.id)).toEqual(["m1", "m2", "m3"]);
  });

  it("hands back at the review with the engine's own `at`, at any other step by its id", () => {
    expect([releaseAt("current"), releaseAt("review"), releaseAt("childDateOfBirth")]).toEqual([
      "current",
      "review",
      { stepId: "childDateOfBirth" },
    ]);
  });
});
