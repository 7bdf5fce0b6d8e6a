import { io as connect, type Socket } from "socket.io-client";
import { stillServes, watchedServerForThisFile } from "./securityHarness";

jest.setTimeout(60_000);

/** Opens `count` sockets on `url` at once; each outcome is "connected" or the connect_error's code. */
async function openSockets(
  url: string,
  count: number,
  options: { auth?: object; cookie?: string } = {},
): Promise<{ sockets: Socket[]; outcomes: string[]; messages: string[] }> {
  const sockets: Socket[] = [];
  const messages: string[] = [];
  const outcomes = await Promise.all(
    Array.from({ length: count }, () => {
      const socket = connect(url, {
        auth: options.auth ?? {},
        transports: ["websocket"],
        reconnection: false,
        forceNew: true,
        ...(options.cookie ? { extraHeaders: { Cookie: options.cookie } } : {}),
      });
      sockets.push(socket);
      return new Promise<string>((resolve) => {
        socket.once("connect", () => resolve("connected"));
        socket.once("connect_error", (e: Error & { data?: { code?: string; message?: string } }) => {
          if (e.data?.message) messages.push(e.data.message);
          resolve(e.data?.code ?? "error");
        });
      });
    }),
  );
  return { sockets, outcomes, messages };
}

const connected = (outcomes: string[]) => outcomes.filter((o) => o === "connected").length;

describe("case 9: connections per minute from one address", () => {
  const PER_IP = 20;
  const watched = watchedServerForThisFile({ RATE_LIMIT_IP_PER_MINUTE: String(PER_IP) });

  it("opens at most the address's budget of new conversations; the others get CHAT_RATE_LIMITED", async () => {
    const { sockets, outcomes } = await openSockets(`${watched.url}/chat`, 60, { auth: { unit: "an-thanh" } });
    sockets.forEach((s) => s.disconnect());
    expect(connected(outcomes)).toBeLessThanOrEqual(PER_IP);
    expect(outcomes.filter((o) => o !== "connected").every((o) => o === "CHAT_RATE_LIMITED")).toBe(true);
    expect(outcomes).toContain("CHAT_RATE_LIMITED");
    expect((await fetch(`${watched.url}/health`)).status).toBe(200);
  });

  it("counts the address's HTTP API requests in the same kind of budget", async () => {
    const statuses = await Promise.all(
      Array.from({ length: 60 }, () => fetch(`${watched.url}/api/units`).then((r) => r.status)),
    );
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(PER_IP);
  });
});

describe("case 9: sockets open at once from one address", () => {
  const OPEN = 20;
  const watched = watchedServerForThisFile({
    CHAT_CONNECTIONS_PER_ADDRESS: String(OPEN),
    RATE_LIMIT_IP_PER_MINUTE: "100000",
  });

  it("holds at most the address's cap open; the others get CHAT_TOO_MANY_CONNECTIONS, told plainly", async () => {
    const { sockets, outcomes, messages } = await openSockets(`${watched.url}/chat`, 60, {
      auth: { unit: "an-thanh" },
    });
    try {
      expect(connected(outcomes)).toBe(OPEN);
      expect(outcomes.filter((o) => o !== "connected")).toEqual(Array(60 - OPEN).fill("CHAT_TOO_MANY_CONNECTIONS"));
      expect(messages[0]).toMatch(/quá nhiều cửa sổ trò chuyện.* \/ Too many chat windows/);
    } finally {
      sockets.forEach((s) => s.disconnect());
    }
  });

  it("frees a place as soon as a socket closes", async () => {
    const full = await openSockets(`${watched.url}/chat`, OPEN, { auth: { unit: "an-thanh" } });
    try {
      expect(connected(full.outcomes)).toBe(OPEN);
      expect((await openSockets(`${watched.url}/chat`, 1, { auth: { unit: "an-thanh" } })).outcomes).toEqual([
        "CHAT_TOO_MANY_CONNECTIONS",
      ]);
      full.sockets.slice(0, 5).forEach((s) => s.disconnect());
      await new Promise((resolve) => setTimeout(resolve, 200));
      const again = await openSockets(`${watched.url}/chat`, 6, { auth: { unit: "an-thanh" } });
      full.sockets.push(...again.sockets);
      expect(again.outcomes.sort()).toEqual([...Array(5).fill("connected"), "CHAT_TOO_MANY_CONNECTIONS"].sort());
    } finally {
      full.sockets.forEach((s) => s.disconnect());
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    await stillServes(watched);
  });
});

describe("case 9: the clerk console", () => {
  const PER_ACCOUNT = 20;
  const server = watchedServerForThisFile();

  it("serves one account's 20 consoles, refuses more with CONSOLE_TOO_MANY_CONSOLES, spares others", async () => {
    const clerk = await server.clerk("lan");
    // The clerk's own console is one of the 20.
    const { sockets, outcomes, messages } = await openSockets(`${server.url}/clerk`, 30, { cookie: clerk.cookie });
    try {
      expect(connected(outcomes)).toBe(PER_ACCOUNT - 1);
      expect(outcomes.filter((o) => o !== "connected")).toEqual(Array(11).fill("CONSOLE_TOO_MANY_CONSOLES"));
      expect(messages[0]).toContain("20");
      const colleague = await server.clerk("minh");
      expect(colleague.socket.connected).toBe(true);
      sockets.forEach((s) => s.disconnect());
      await new Promise((resolve) => setTimeout(resolve, 200));
      const later = await openSockets(`${server.url}/clerk`, 1, { cookie: clerk.cookie });
      sockets.push(...later.sockets);
      expect(later.outcomes).toEqual(["connected"]);
    } finally {
      sockets.forEach((s) => s.disconnect());
    }
    await stillServes(server);
  });
});
