import express, { type Request, type Response } from "express";
import type { FakeZalo } from "./fakeZalo";

const PAGE = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nhóm Zalo — fake</title>
<style>
  body { margin: 0; font: 15px/1.5 system-ui, sans-serif; background: #e9ebed; }
  header { background: #0068ff; color: #fff; padding: 10px 16px; font-weight: 600; }
  main { max-width: 760px; margin: 0 auto; padding: 12px; }
  .bubble { background: #fff; border-radius: 10px; padding: 10px 12px; margin: 10px 0; }
  .bubble { box-shadow: 0 1px 2px #0002; }
  .bubble pre { margin: 0; white-space: pre-wrap; font: inherit; }
  .bubble img { max-width: 100%; display: block; margin-top: 6px; }
  .meta { color: #667; font-size: 12px; margin-bottom: 4px; }
  .empty { color: #667; text-align: center; margin-top: 40px; }
</style>
</head>
<body>
<header>Nhóm Zalo của lãnh đạo (giả lập) — tin Official Account gửi vào nhóm</header>
<main id="messages">
  <p class="empty">Chưa có tin nào. Báo cáo 16:00 (hoặc npm run report -- --send) sẽ hiện ở đây.</p>
</main>
<script>
  let after = 0;
  const list = document.getElementById("messages");
  async function poll() {
    try {
      const answer = await (await fetch("/__page/group?after=" + after)).json();
      for (const m of answer.messages) {
        if (after === 0) list.replaceChildren();
        after = Math.max(after, m.seq);
        const bubble = document.createElement("div");
        bubble.className = "bubble";
        const meta = document.createElement("div");
        meta.className = "meta";
        meta.textContent = "Nhóm " + m.groupId + " · " + new Date(m.at).toLocaleTimeString("vi-VN");
        bubble.append(meta);
        if (m.text) { const pre = document.createElement("pre"); pre.textContent = m.text; bubble.append(pre); }
        if (m.imageId) {
          const img = document.createElement("img");
          img.src = "/__page/uploads/" + encodeURIComponent(m.imageId);
          img.alt = m.text || "Ảnh";
          bubble.append(img);
        }
        list.append(bubble);
      }
    } catch {}
    setTimeout(poll, 1000);
  }
  poll();
</script>
</body>
</html>`;

/**
 * What the OA posted to its groups, as a member of the leaders' group would read it: the daily report's
 * text and its chart, at `/group`. For people trying the report locally; tests read `groupMessages`.
 */
export function groupPage(fake: FakeZalo): express.Router {
  const router = express.Router();
  router.get("/group", (_req, res) => void res.type("html").send(PAGE));
  router.get("/__page/group", (req: Request, res: Response) => {
    const after = Number(req.query.after ?? 0);
    const messages = fake.groupMessages
      .map((message, index) => {
        const payload = message.attachment?.payload as { elements?: { attachment_id?: string }[] } | undefined;
        return {
          seq: index + 1,
          groupId: message.groupId,
          text: message.text ?? null,
          imageId: payload?.elements?.[0]?.attachment_id ?? null,
          at: message.at,
        };
      })
      .filter((message) => message.seq > after);
    res.json({ messages });
  });
  router.get("/__page/uploads/:id", (req: Request, res: Response) => {
    const image = fake.uploadedImage(String(req.params.id));
    if (!image) return void res.status(404).end();
    res.type(image.mimeType).send(image.bytes);
  });
  return router;
}
