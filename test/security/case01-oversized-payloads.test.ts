import type { Page } from "playwright-core";
import { chromiumForThisFile, describeInChromium, eventually } from "../support/consoleBrowser";
import { HTTP_ROUTES, routeName } from "../support/httpRoutes";
import { until, ZALO_APP } from "../support/zaloCitizen";
import { PLANTED_CCCD, rawEmit, stillServes, watchedServerForThisFile } from "./securityHarness";
import { zaloServerForThisFile } from "./zaloHarness";

const watched = watchedServerForThisFile();

// Run in the browser by `page.evaluate`; the project's type library has no DOM.
declare const localStorage: { getItem(key: string): string | null };

// Past the 64 KB Socket.IO packet limit (maxHttpBufferSize) many times over.
const TWO_MB = `CCCD ${PLANTED_CCCD} ${"ẩ".repeat(1024 * 1024)}`;

describe("case 1: an oversized event payload and an oversized chat text", () => {
  it("closes a /chat connection sending 2 MB, stores nothing, and serves the others", async () => {
    const c = await watched.citizen();
    const before = (await watched.server.store.getConversation(c.conversationId!))!.lastSeq;
    const closed = new Promise<void>((resolve) => c.socket.once("disconnect", () => resolve()));
    c.socket.emit("message:send", { clientMessageId: "big", text: TWO_MB }, () => undefined);
    await closed;
    expect((await watched.server.store.getConversation(c.conversationId!))!.lastSeq).toBe(before);
    await stillServes(watched);
  });

  it("closes a /clerk connection sending 2 MB", async () => {
    const clerk = await watched.clerk("lan");
    const closed = new Promise<void>((resolve) => clerk.socket.once("disconnect", () => resolve()));
    clerk.socket.emit("conversation:note", { conversationId: "x", text: TWO_MB } as never, () => undefined);
    await closed;
    await stillServes(watched);
  });

  it("refuses a chat text past the engine's 2,000 characters whole, naming the limit, storing nothing", async () => {
    const c = await watched.citizen();
    const before = (await watched.server.store.getConversation(c.conversationId!))!.lastSeq;
    for (const text of [`${PLANTED_CCCD} ${"a".repeat(9_000)}`, "khai sinh ".repeat(500), "ẩ".repeat(2_001)]) {
      const ack = await c.send({ text });
      expect(ack).toEqual({ ok: false, error: { code: "CHAT_TEXT_TOO_LONG", message: expect.any(String) } });
      expect(!ack.ok && ack.error.message).toContain("2.000 ký tự");
    }
    expect((await watched.server.store.getConversation(c.conversationId!))!.lastSeq).toBe(before);
    expect((await watched.server.store.listMessages(c.conversationId!, 0, 100)).map((m) => m.author)).not.toContain(
      "citizen",
    );
  });

  it("takes 2,000 characters whole, counted once composed (NFD) and with runs of spaces made one", async () => {
    const c = await watched.citizen();
    // 1,998 "ẩ" in NFD are 5,994 code points as typed; composed, with " a", 2,000.
    const decomposed = "ẩ".repeat(1_998).normalize("NFD") + "    a   ";
    expect((await c.send({ text: decomposed })).ok).toBe(true);
    const stored = await watched.server.store.listMessages(c.conversationId!, 0, 100);
    expect(stored.filter((m) => m.author === "citizen").map((m) => m.text)).toEqual([`${"ẩ".repeat(1_998)} a`]);
  });

  it("refuses a clerk's message past 4,000 characters with a coded ack", async () => {
    const clerk = await watched.clerk("lan");
    const c = await watched.citizen();
    const ack = await rawEmit(
      clerk.socket,
      "conversation:message",
      [{ conversationId: c.conversationId, clientMessageId: "m1", text: "a".repeat(4_001) }],
      { withAck: true },
    );
    expect(ack).toMatchObject({ ok: false, error: { code: "CONSOLE_PAYLOAD_INVALID" } });
  });

  it.each(HTTP_ROUTES.filter((r) => r.body === "json").map((r) => [routeName(r), r.pattern] as const))(
    "refuses a 2 MB JSON body at %s before reading it",
    async (_name, pattern) => {
      const res = await fetch(`${watched.url}${pattern.replace(":code", "HN-20261127-0001")}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: TWO_MB }),
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect((await fetch(`${watched.url}/health`)).status).toBe(200);
    },
  );
});

describeInChromium("case 1 in the widget: a text past the limit", () => {
  const chromium = chromiumForThisFile();

  const widget = (page: Page) => page.locator("khai-ho-chat");

  it("stays in the message box, with the limit told, and nothing is stored", async () => {
    const page = await chromium().openPage({ width: 1366, height: 768 }, "/");
    await widget(page).locator(".launcher").click();
    await eventually(
      () => widget(page).locator(".msg-bot").count(),
      (n) => n > 0,
      "the greeting",
    );
    const long = `Tôi muốn hỏi về giấy khai sinh. ${"Nội dung rất dài. ".repeat(150)}`.trim();
    const box = widget(page).locator("textarea");
    await box.fill(long);
    await box.press("Enter");
    await eventually(
      () => widget(page).locator(".msg-error").allTextContents(),
      (notices) => notices.some((n) => n.includes("2.000 ký tự")),
      "the notice naming the limit",
    );
    expect(await box.inputValue()).toBe(long);
    const conversationId = await eventually(
      () => page.evaluate((key) => localStorage.getItem(key), `khaiho:${chromium().server.url}`),
      (raw) => raw !== null && raw.includes('"conversationId":"'),
      "the conversation in the page's storage",
    ).then((raw) => (JSON.parse(raw!) as { conversationId: string }).conversationId);
    const stored = await chromium().server.store.listMessages(conversationId, 0, 100);
    expect(stored.filter((m) => m.author === "citizen")).toEqual([]);
    expect(chromium().pageErrors).toEqual([]);
  });
});

describe("case 1 on Zalo: a text past the limit", () => {
  const zalo = zaloServerForThisFile();

  it("answers plainly that it is too long, and stores none of it", async () => {
    const userId = "2468458835291900001";
    const store = zalo.watched.server.store;
    expect((await zalo.post(JSON.stringify(zalo.fake.events.text(userId, "xin chào")))).status).toBe(200);
    await until(async () => (await store.getZaloContact(ZALO_APP.oaId, userId)) !== null, "the contact");
    const { conversationId } = (await store.getZaloContact(ZALO_APP.oaId, userId))!;
    await until(async () => (await store.listPendingZaloEvents(10)).length === 0, "the greeting processed");
    const long = `${PLANTED_CCCD} ${"khai sinh ".repeat(300)}`;
    expect((await zalo.post(JSON.stringify(zalo.fake.events.text(userId, long)))).status).toBe(200);
    // The answer goes out through the Zalo outbox like any message of the conversation.
    await until(
      async () =>
        (await store.listMessages(conversationId, 0, 100)).some(
          (m) => m.author !== "citizen" && m.text.includes("dài quá 2.000 ký tự"),
        ),
      "the answer naming the limit",
    );
    const citizen = (await store.listMessages(conversationId, 0, 100)).filter((m) => m.author === "citizen");
    expect(citizen.map((m) => m.text)).toEqual(["xin chào"]);
  });
});
