import { readFileSync } from "node:fs";
import path from "node:path";
import express, { type Request, type Response } from "express";
import type { Delivery } from "./deliverZaloEvent";
import type { FakeZalo } from "./fakeZalo";
import type { CsMessageContent, ZaloButton } from "./readCsMessage";

/** One bubble of the chat page. `note` bubbles are the fake's own remarks (our app did not answer…). */
export interface PageMessage {
  seq: number;
  from: "citizen" | "oa" | "note";
  text?: string;
  buttons?: ZaloButton[];
  imageUrl?: string;
  fileName?: string;
  /** The titles of a list template, or the one element of request_user_info. */
  elements?: { title: string; subtitle?: string }[];
  asksForInfo?: boolean;
  at: number;
}

/** What a tap or a typed line on the page asks the fake to send as the user. */
type PageAction =
  /** `shownAs`: a button's title, shown instead of its payload; `hidden`: an `oa.query.hide` button, not shown. */
  | { action: "text"; text: string; shownAs?: string; hidden?: boolean }
  | { action: "follow" }
  | { action: "location" }
  | { action: "submitInfo" };

// The ward office of the demo: what the 📍 button sends, and what "Chia sẻ thông tin" shares.
const DEMO_LOCATION = { latitude: "10.7642473", longitude: "106.6564314" };
const DEMO_INFO = { name: "Nguyễn Thị Lan", phone: "84912345678", address: "12 Đường số 13" };
// Zalo's own limits for what a user attaches (reference A.3 gives 1 MB images and 5 MB files for uploads).
const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
const USER_ID = /^\d{6,32}$/;
const PAGE_DIR = path.join(__dirname, "page");

/**
 * The chat page a person uses to be a Zalo user (`GET /`): what they do becomes webhook events to
 * our app, and what our app sends to the OpenAPI comes back as bubbles. Only users who opened the
 * page are recorded, so a load test through the same fake keeps nothing for the page.
 */
export class PageChat {
  private readonly transcripts = new Map<string, PageMessage[]>();
  private seq = 0;

  constructor(private readonly fake: FakeZalo) {}

  /** A message the OA sent (accepted by `message/cs`), as the user's phone would show it. */
  oaSent(userId: string, content: CsMessageContent, at: number): void {
    const transcript = this.transcripts.get(userId);
    if (!transcript) return;
    const payload = content.attachment?.payload as { template_type?: string; elements?: unknown[] } | undefined;
    const elements = (payload?.elements ?? []) as { title?: string; subtitle?: string; url?: string }[];
    const bubble: Omit<PageMessage, "seq" | "at"> = { from: "oa", text: content.text, buttons: content.buttons };
    if (content.attachment?.type === "file") bubble.fileName = "Tệp đính kèm";
    if (payload?.template_type === "media") bubble.imageUrl = elements[0]?.url;
    if (payload?.template_type === "list" || payload?.template_type === "request_user_info")
      bubble.elements = elements.map(({ title, subtitle }) => ({ title: title ?? "", subtitle }));
    if (payload?.template_type === "request_user_info") bubble.asksForInfo = true;
    this.add(userId, bubble, at);
  }

  router(): express.Router {
    const router = express.Router();
    router.get("/", (_req, res) => void res.type("html").send(readFileSync(path.join(PAGE_DIR, "index.html"))));
    router.get(
      "/__page/chat.js",
      (_req, res) => void res.type("js").send(readFileSync(path.join(PAGE_DIR, "chat.js"))),
    );
    router.get("/__page/oa", (_req, res) => void res.json({ name: this.fake.oaName, oaId: this.fake.oaId }));
    router.get("/__page/messages", (req, res) => this.messages(req, res));
    router.post("/__page/send", express.json({ limit: "64kb" }), (req, res) => void this.send(req, res));
    router.post(
      "/__page/attach",
      express.raw({ type: () => true, limit: MAX_ATTACHMENT_BYTES }),
      (req, res) => void this.attach(req, res),
    );
    return router;
  }

  private messages(req: Request, res: Response): void {
    const userId = String(req.query.userId ?? "");
    if (!USER_ID.test(userId)) return void res.status(400).json({ error: "userId must be digits" });
    const after = Number(req.query.after ?? 0);
    const transcript = this.transcriptOf(userId);
    res.json({ messages: transcript.filter((message) => message.seq > after) });
  }

  private async send(req: Request, res: Response): Promise<void> {
    const { userId, ...action } = req.body as { userId?: unknown } & PageAction;
    if (typeof userId !== "string" || !USER_ID.test(userId))
      return void res.status(400).json({ error: "userId must be digits" });
    const fake = this.fake;
    switch (action.action) {
      case "text":
        if (typeof action.text !== "string" || action.text.trim() === "")
          return void res.status(400).json({ error: "text is empty" });
        if (!action.hidden) this.add(userId, { from: "citizen", text: action.shownAs ?? action.text });
        return this.answer(res, userId, () => fake.sendText(userId, action.text));
      case "follow":
        this.add(userId, { from: "note", text: "Bạn đã quan tâm Official Account này." });
        return this.answer(res, userId, () => fake.follow(userId));
      case "location":
        this.add(userId, { from: "citizen", text: "📍 Vị trí đã chia sẻ" });
        return this.answer(res, userId, () =>
          fake.sendLocation(userId, DEMO_LOCATION.latitude, DEMO_LOCATION.longitude),
        );
      case "submitInfo":
        this.add(userId, { from: "citizen", text: `Đã chia sẻ: ${DEMO_INFO.name}, ${DEMO_INFO.phone}` });
        return this.answer(res, userId, () => fake.submitInfo(userId, DEMO_INFO, "nested"));
      default:
        res.status(400).json({ error: "unknown action" });
    }
  }

  /** An image or PDF picked on the page: hosted by the fake, then sent as user_send_image or user_send_file. */
  private async attach(req: Request, res: Response): Promise<void> {
    const userId = String(req.query.userId ?? "");
    const name = String(req.query.name ?? "tep").slice(0, 200);
    const mimeType = String(req.get("content-type") ?? "application/octet-stream");
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!USER_ID.test(userId) || bytes.length === 0)
      return void res.status(400).json({ error: "userId and a file are required" });
    const url = this.fake.hostMedia(name, bytes, mimeType);
    const pageUrl = new URL(url).pathname;
    if (mimeType.startsWith("image/")) {
      this.add(userId, { from: "citizen", imageUrl: pageUrl });
      return this.answer(res, userId, () => this.fake.sendImage(userId, url));
    }
    this.add(userId, { from: "citizen", fileName: name });
    const type = path.extname(name).slice(1).toLowerCase() || "pdf";
    return this.answer(res, userId, () => this.fake.sendFile(userId, { url, name, size: String(bytes.length), type }));
  }

  /** Delivers the event and tells the page (and the person) when our app did not take it as Zalo expects. */
  private async answer(res: Response, userId: string, deliver: () => Promise<Delivery>): Promise<void> {
    let delivery: Delivery;
    try {
      delivery = await deliver();
    } catch (error) {
      this.add(userId, { from: "note", text: `Không gửi được: ${(error as Error).message}` });
      return void res.json({ status: 0 });
    }
    if (delivery.status === 0) this.add(userId, { from: "note", text: `Khai Hộ không trả lời: ${delivery.body}` });
    else if (delivery.status !== 200)
      this.add(userId, {
        from: "note",
        text: `Khai Hộ trả lời HTTP ${delivery.status}: ${delivery.body.slice(0, 200)}`,
      });
    else if (!delivery.acknowledgedInTime)
      this.add(userId, { from: "note", text: `Khai Hộ trả lời sau ${Math.round(delivery.ms)} ms (Zalo chờ 2 s)` });
    res.json({ status: delivery.status, ms: Math.round(delivery.ms) });
  }

  private transcriptOf(userId: string): PageMessage[] {
    let transcript = this.transcripts.get(userId);
    if (!transcript) this.transcripts.set(userId, (transcript = []));
    return transcript;
  }

  private add(userId: string, message: Omit<PageMessage, "seq" | "at">, at = Date.now()): void {
    this.seq += 1;
    this.transcriptOf(userId).push({ ...message, seq: this.seq, at });
  }
}
