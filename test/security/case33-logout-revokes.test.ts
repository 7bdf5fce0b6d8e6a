import { clerkConnectOutcome } from "./clerkConnect";
import { consolePost, watchedServerForThisFile } from "./securityHarness";

// Recovery on: a reconnect within its window must still go through the session check.
const watched = watchedServerForThisFile({ CONNECTION_RECOVERY_MS: "10000" });

describe("case 33: a console session replayed after logout", () => {
  it("closes the open console at logout and refuses the cookie afterwards, recovery or not", async () => {
    const clerk = await watched.clerk("lan");
    const gone = new Promise<void>((resolve) => clerk.socket.once("disconnect", () => resolve()));
    expect((await consolePost(watched, clerk, "/api/auth/logout", {})).status).toBeLessThan(300);
    await gone;
    expect(await clerkConnectOutcome(watched.url, { Cookie: clerk.cookie })).toBe("AUTH_REQUIRED");
    clerk.socket.connect();
    const outcome = await new Promise<string>((resolve) => {
      clerk.socket.once("connect", () => resolve("connected"));
      clerk.socket.once("connect_error", () => resolve("refused"));
    });
    expect(outcome).toBe("refused");
    expect((await fetch(`${watched.url}/api/auth/me`, { headers: { Cookie: clerk.cookie } })).status).toBe(401);
  });
});
