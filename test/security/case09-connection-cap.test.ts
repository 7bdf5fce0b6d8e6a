import { io as connect, type Socket } from "socket.io-client";
import { stillServes, watchedServerForThisFile } from "./securityHarness";

const PER_IP = 20;
const watched = watchedServerForThisFile({ RATE_LIMIT_IP_PER_MINUTE: String(PER_IP) });

jest.setTimeout(60_000);

describe("case 9: many sockets from one address", () => {
  it("opens at most the address's budget; the others get connect_error CHAT_RATE_LIMITED", async () => {
    const sockets: Socket[] = [];
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, () => {
        const socket = connect(`${watched.url}/chat`, {
          auth: { unit: "an-thanh" },
          transports: ["websocket"],
          reconnection: false,
          forceNew: true,
        });
        sockets.push(socket);
        return new Promise<string>((resolve) => {
          socket.once("connect", () => resolve("connected"));
          socket.once("connect_error", (e: Error & { data?: { code?: string } }) => resolve(e.data?.code ?? "error"));
        });
      }),
    );
    sockets.forEach((s) => s.disconnect());
    expect(outcomes.filter((o) => o === "connected").length).toBeLessThanOrEqual(PER_IP);
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

describe("case 9: the clerk console", () => {
  const server = watchedServerForThisFile();
  it("serves the same account's 30 consoles without refusing the citizens", async () => {
    const clerk = await server.clerk("lan");
    const sockets = Array.from({ length: 30 }, () =>
      connect(`${server.url}/clerk`, {
        transports: ["websocket"],
        reconnection: false,
        forceNew: true,
        extraHeaders: { Cookie: clerk.cookie },
      }),
    );
    await Promise.all(
      sockets.map(
        (s) => new Promise((r) => (s.once("connect", () => r(null)), s.once("connect_error", () => r(null)))),
      ),
    );
    sockets.forEach((s) => s.disconnect());
    await stillServes(server);
  });
});
