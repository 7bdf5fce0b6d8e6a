/**
 * The baseline of `npm run bench:chat`: a raw Socket.IO server with the Khai Hộ server's
 * version and options (no connection-state recovery, buffer cap, ping, CORS, allowRequest), a `/chat`
 * namespace that sends `session:ready` on connection, acknowledges `message:send` at once and
 * emits one `message:new` back. No engine, no store: the transport's own cost.
 * Prints `echo server listening on http://127.0.0.1:PORT` when ready.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import type { ChatMessage, SendAck, SendMessage } from "../../server/channels/web/protocol";

// The same client code runs against both servers: an upload step posts a photo first, so the
// echo server takes it (reads the body, keeps nothing) and answers as Khai Hộ does.
const http = createServer((req, res) => {
  if (req.method === "POST" && req.url === "/api/uploads") {
    let size = 0;
    req.on("data", (chunk: Buffer) => (size += chunk.length));
    req.on("end", () => {
      res
        .writeHead(201, { "Content-Type": "application/json" })
        .end(JSON.stringify({ ok: true, attachmentId: randomUUID(), mimeType: "image/jpeg", size }));
    });
    return;
  }
  res.writeHead(404).end();
});
const io = new Server(http, {
  maxHttpBufferSize: 64 * 1024,
  pingInterval: 25_000,
  pingTimeout: 20_000,
  cors: { origin: ["http://localhost", "http://127.0.0.1"], methods: ["GET", "POST"] },
  allowRequest: (req, callback) =>
    callback(
      null,
      req.headers.origin === undefined || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(req.headers.origin),
    ),
});

io.of("/chat").on("connection", (socket) => {
  const conversationId = randomUUID();
  let seq = 0;
  socket.emit("session:ready", { token: randomBytes(32).toString("base64url"), conversationId });
  socket.on("message:send", (payload: SendMessage, ack: (a: SendAck) => void) => {
    const citizenSeq = ++seq;
    if (typeof ack === "function") ack({ ok: true, messageId: randomUUID(), seq: citizenSeq });
    const reply: ChatMessage = {
      id: randomUUID(),
      seq: ++seq,
      conversationId,
      author: "bot",
      text: payload?.text ?? payload?.choice ?? "",
      at: new Date().toISOString(),
    };
    socket.emit("message:new", reply);
  });
  socket.on("conversation:open", (_payload: unknown, ack?: (a: { ok: boolean }) => void) => {
    if (typeof ack === "function") ack({ ok: true });
  });
});

http.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  process.stdout.write(`echo server listening on http://127.0.0.1:${(http.address() as AddressInfo).port}\n`);
});
process.on("SIGTERM", () => {
  io.close();
  process.exit(0);
});
process.on("SIGINT", () => process.exit(0));
