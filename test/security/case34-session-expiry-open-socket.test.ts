import { hashSessionSecret } from "../../server/console/consoleSessions";
import { watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile({ CONSOLE_SESSION_RECHECK_MS: "200" });

describe("case 34: a console session expiring while its socket stays open", () => {
  it("is cut off by the periodic re-check", async () => {
    const clerk = await watched.clerk("lan");
    const gone = new Promise<string>((resolve) => clerk.socket.once("disconnect", (reason) => resolve(reason)));
    const store = watched.server.store;
    const idHash = hashSessionSecret(decodeURIComponent(clerk.cookie.split("=")[1]!));
    const session = (await store.getSession(idHash))!;
    await store.deleteSession(idHash);
    await store.createSession({ ...session, expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect(await gone).toBe("io server disconnect");
  });
});
