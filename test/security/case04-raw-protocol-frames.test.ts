import { readFileSync } from "node:fs";
import path from "node:path";
import WebSocket from "ws";
import { PLANTED_CCCD, stillServes, watchedServerForThisFile, wellFormed } from "./securityHarness";

const watched = watchedServerForThisFile();

/** A bare engine.io WebSocket joined to a namespace, bypassing the Socket.IO client; frames it receives are kept. */
async function rawSocket(namespace: "/chat" | "/clerk", headers: Record<string, string> = {}) {
  const ws = new WebSocket(`ws://127.0.0.1:${watched.port}/socket.io/?EIO=4&transport=websocket`, { headers });
  const frames: string[] = [];
  ws.on("message", (data) => {
    const text = data.toString();
    frames.push(text);
    if (text === "2") ws.send("3");
  });
  const closed = new Promise<void>((resolve) => ws.once("close", () => resolve()));
  ws.on("error", () => undefined);
  await new Promise((resolve) => ws.once("open", resolve));
  ws.send(`40${namespace},${JSON.stringify({ unit: "an-thanh" })}`);
  const started = Date.now();
  while (!frames.some((f) => f.startsWith(`40${namespace},`) || f.startsWith(`44${namespace},`))) {
    if (Date.now() - started > 5_000) throw new Error("no namespace answer");
    await new Promise((r) => setTimeout(r, 10));
  }
  return { ws, frames, closed };
}

const NSP = "/chat";
const FRAMES: [string, (string | Buffer)[]][] = [
  [
    "a placeholder naming an attachment that was never sent",
    [`451-${NSP},["message:send",{"_placeholder":true,"num":5}]`, Buffer.from([1])],
  ],
  ["eleven binary attachments", [`4511-${NSP},["message:send",{"_placeholder":true,"num":0}]`]],
  ["a binary packet announcing zero attachments", [`450-${NSP},["message:send",{"clientMessageId":"z","text":"a"}]`]],
  ["a truncated binary packet", ["451-["]],
  ["a truncated event", [`42${NSP},["message:send",{"clientMessageId":"t","text":"`]],
  ["an unknown packet type", [`49${NSP},[]`]],
  ["an ack for nothing", [`43${NSP},999["x"]`]],
  ["a packet for a namespace that does not exist", [`42/admin,["message:send",{"text":"${PLANTED_CCCD}"}]`]],
];

describe("case 4: raw Engine.IO / Socket.IO frames", () => {
  it("runs a parser that refuses binary packets with zero attachments (socket.io-parser ≥ 4.2.7)", () => {
    const { version } = JSON.parse(
      readFileSync(path.resolve(__dirname, "../../node_modules/socket.io-parser/package.json"), "utf8"),
    );
    const [major, minor, patch] = version.split(".").map(Number);
    expect(major * 1e6 + minor * 1e3 + patch).toBeGreaterThanOrEqual(4_002_007);
  });

  it.each(FRAMES)("drops or ignores %s, and serves the others", async (_name, frames) => {
    const { ws, closed } = await rawSocket(NSP);
    for (const frame of frames) ws.send(frame);
    await Promise.race([closed, new Promise((r) => setTimeout(r, 500))]);
    ws.terminate();
    await stillServes(watched);
  });

  it("closes a connection sending a text frame of invalid UTF-8", async () => {
    const { ws, closed } = await rawSocket(NSP);
    ws.send(Buffer.from([0x34, 0x32, 0xc3, 0x28, 0xff]), { binary: false });
    await closed;
    await stillServes(watched);
  });

  it("stores a lone surrogate as well-formed text, or refuses it", async () => {
    const { ws, frames } = await rawSocket(NSP);
    ws.send(`42${NSP},7["message:send",{"clientMessageId":"s1","text":"\\uD800 khai sinh \\uDFFF"}]`);
    const started = Date.now();
    while (!frames.some((f) => f.startsWith(`43${NSP},7`)) && Date.now() - started < 5_000)
      await new Promise((r) => setTimeout(r, 10));
    const ack = JSON.parse(frames.find((f) => f.startsWith(`43${NSP},7`))!.slice(`43${NSP},7`.length))[0];
    if (ack.ok) {
      const conversationId = JSON.parse(frames.find((f) => f.includes("session:ready"))!.slice(`42${NSP},`.length))[1]
        .conversationId as string;
      const stored = await watched.server.store.listMessages(conversationId, 0, 100);
      for (const m of stored) expect(wellFormed(m.text)).toBe(true);
    } else expect(ack.error.code).toBe("CHAT_PAYLOAD_INVALID");
    ws.terminate();
  });

  it("drops the same broken frames on /clerk without a session", async () => {
    const { ws, frames, closed } = await rawSocket("/clerk");
    expect(frames.some((f) => f.startsWith("44/clerk,"))).toBe(true);
    ws.send(`4511-/clerk,["conversation:watch",{"_placeholder":true,"num":0}]`);
    await Promise.race([closed, new Promise((r) => setTimeout(r, 500))]);
    ws.terminate();
    await stillServes(watched);
  });
});
