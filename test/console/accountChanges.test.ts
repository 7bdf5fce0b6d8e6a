import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Clerk } from "../support/consoleClient";
import { runUserCli } from "../support/userCli";
import { Citizen, startTestServer, type TestServer } from "../support/testServer";

let dataDir: string;
let server: TestServer;
const open: { close(): void }[] = [];

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "khai-ho-accounts-"));
  // The periodic re-check of each console is left at its default (a minute): what cuts a console
  // off within a second here is the account-change log.
  server = await startTestServer({}, dataDir);
});
afterEach(async () => {
  open.splice(0).forEach((c) => c.close());
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function userCli(...args: string[]) {
  return runUserCli(dataDir, ...args);
}

async function clerk(username: string, name: string): Promise<Clerk> {
  const c = await Clerk.login(server, username, "clerk", ["an-thanh"], name);
  open.push(c);
  return c;
}

/** Resolves when the socket is disconnected by the server, rejects past `ms`. */
function disconnected(c: Clerk, ms: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (!c.socket.connected) return resolve();
    const timer = setTimeout(() => reject(new Error(`the console of ${c.id} is still connected after ${ms} ms`)), ms);
    c.socket.once("disconnect", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe("an account changed from the command line while the server runs", () => {
  it(
    "disabled: its console is cut off, its session ends, and the conversation it held goes back to the queue with " +
      "the citizen told",
    async () => {
      const lan = await clerk("lan", "Nguyễn Thị Lan");
      const mai = await clerk("mai", "Phạm Thị Mai");
      const citizen = new Citizen(server.url, { unit: "an-thanh" });
      open.push(citizen);
      await citizen.ready();
      await citizen.say("khai sinh");
      await citizen.say("gặp cán bộ");
      const conversationId = citizen.conversationId!;
      expect(await lan.emit("conversation:take", { conversationId })).toMatchObject({ ok: true });

      const result = await userCli("disable", "--username", "lan");
      expect(result).toMatchObject({ code: 0, stdout: '"lan" is disabled; its sessions are ended.\n' });
      // A generous deadline: the log is read every 250 ms.
      await disconnected(lan, 3000);

      expect((await fetch(`${server.url}/api/auth/me`, { headers: { Cookie: lan.cookie } })).status).toBe(401);
      await citizen.until(
        () =>
          citizen.messages.some((m) =>
            m.text.startsWith("Cán bộ Nguyễn Thị Lan không còn hỗ trợ cuộc trò chuyện này; bạn đang chờ cán bộ khác"),
          ),
        "the citizen told",
        3000,
      );
      expect((await server.store.getConversation(conversationId))!.state).toMatchObject({
        status: "waiting_clerk",
        unitId: "an-thanh",
        clerk: null,
      });
      await mai.until(
        () =>
          mai.queue.some(
            (q) => q.conversationId === conversationId && q.status === "waiting_clerk" && q.clerk === null,
          ),
        "the conversation back in the queue",
        3000,
      );
      expect(await mai.emit("conversation:take", { conversationId })).toMatchObject({ ok: true });
    },
    60_000,
  );

  it("given a new one-time password: its console is cut off and refused until the password is changed", async () => {
    const lan = await clerk("lan", "Nguyễn Thị Lan");
    const result = await userCli("passwd", "--username", "lan");
    expect(result.code).toBe(0);
    await disconnected(lan, 3000);
    expect((await fetch(`${server.url}/api/console/dossiers`, { headers: { Cookie: lan.cookie } })).status).toBe(401);
  }, 60_000);
});
