import { io as connect } from "socket.io-client";
import { rawRequest, requestHead } from "../support/rawHttp";
import { PLANTED_CCCD, stillServes, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile();

const UPGRADE = {
  Connection: "Upgrade",
  Upgrade: "websocket",
  "Sec-WebSocket-Version": 13,
  "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
};

function connectError(namespace: string, auth: object, headers: Record<string, string> = {}): Promise<string> {
  const socket = connect(`${watched.url}${namespace}`, {
    auth,
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: headers,
  });
  return new Promise((resolve) => {
    socket.on("connect", () => (socket.disconnect(), resolve("connected")));
    socket.on(
      "connect_error",
      (e: Error & { data?: { code?: string } }) => (socket.disconnect(), resolve(e.data?.code ?? e.message)),
    );
    // A packet past the size limit closes the transport before any namespace answer.
    setTimeout(() => (socket.disconnect(), resolve("no connection")), 3_000);
  });
}

describe("case 7: abusive handshakes", () => {
  // ws before 8.17.1 crashed on a request with more headers than maxHeadersCount (CVE-2024-37890).
  it("survives an upgrade with 2,100 headers, and serves the others", async () => {
    const headers: Record<string, string> = { ...UPGRADE } as never;
    for (let i = 0; i < 2_100; i++) headers[`x-${i}`] = "a";
    const answer = await rawRequest(watched.port, requestHead("GET", "/socket.io/?EIO=4&transport=websocket", headers));
    expect(answer.status === "closed" || answer.status === 101 || answer.status >= 400).toBe(true);
    await stillServes(watched);
  });

  it("refuses an upgrade with a malformed Sec-WebSocket-Protocol", async () => {
    for (const protocol of [",,,;;", "a b", `${"x,".repeat(5_000)}`]) {
      const answer = await rawRequest(
        watched.port,
        requestHead("GET", "/socket.io/?EIO=4&transport=websocket", { ...UPGRADE, "Sec-WebSocket-Protocol": protocol }),
      );
      expect(answer.status === "closed" || answer.status >= 400).toBe(true);
    }
    await stillServes(watched);
  });

  it("refuses a 100 KB auth object on /chat and a token past its size", async () => {
    const huge = { unit: "an-thanh", padding: `${PLANTED_CCCD}${"a".repeat(100 * 1024)}` };
    expect(await connectError("/chat", huge)).not.toBe("connected");
    expect(await connectError("/chat", { token: "t".repeat(10 * 1024) })).toBe("CHAT_AUTH_INVALID");
    expect(await connectError("/chat", { lastSeq: "all" })).toBe("CHAT_AUTH_INVALID");
    await stillServes(watched);
  });

  it("refuses a /chat auth object carrying keys the widget never sends, up to the packet limit of them", async () => {
    expect(await connectError("/chat", { unit: "an-thanh", role: "clerk" })).toBe("CHAT_AUTH_INVALID");
    const manyKeys: Record<string, string> = { unit: "an-thanh" };
    // About 60 KB: under the 64 KB packet limit, so the handshake's own check answers.
    for (let i = 0; i < 2_900; i++) manyKeys[`k${i}`] = "abcdefghij";
    expect(JSON.stringify(manyKeys).length).toBeGreaterThan(58_000);
    expect(JSON.stringify(manyKeys).length).toBeLessThan(63_000);
    expect(await connectError("/chat", manyKeys)).toBe("CHAT_AUTH_INVALID");
    expect(await connectError("/chat", { unit: "an-thanh", locale: "vi", lastSeq: 0 })).toBe("connected");
    await stillServes(watched);
  });

  it("refuses a 100 KB cookie and a 100 KB auth object on /clerk", async () => {
    expect(await connectError("/clerk", {}, { Cookie: `khaiho_session=${"a".repeat(100 * 1024)}` })).not.toBe(
      "connected",
    );
    expect(await connectError("/clerk", { padding: "a".repeat(100 * 1024) })).not.toBe("connected");
    await stillServes(watched);
  });
});
