import { PLANTED_CCCD, rawEmit, stillServes, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile();

jest.setTimeout(30_000);

describe("case 13: a flood of invalid messages", () => {
  it("adds next to nothing to the log: 1,000 refusals cannot fill the disk", async () => {
    const c = await watched.citizen();
    const clerk = await watched.clerk("lan");
    const before = watched.logs().length;
    await Promise.all(
      Array.from({ length: 500 }, (_v, i) =>
        rawEmit(c.socket, "message:send", [{ clientMessageId: i, text: PLANTED_CCCD }], { withAck: true }),
      ),
    );
    await Promise.all(
      Array.from({ length: 500 }, () =>
        rawEmit(clerk.socket, "conversation:note", [{ conversationId: PLANTED_CCCD, text: 1 }], { withAck: true }),
      ),
    );
    const added = watched.logs().length - before;
    // A few lines at most; one line per refusal would be about 200 KB.
    expect(added).toBeLessThan(10 * 1024);
    await stillServes(watched);
  });

  it("logs 300 refused HTTP requests in bounded space", async () => {
    const before = watched.logs().length;
    await Promise.all(
      Array.from({ length: 300 }, () =>
        fetch(`${watched.url}/api/status`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: `{"code":"${PLANTED_CCCD}"`,
        }),
      ),
    );
    expect(watched.logs().length - before).toBeLessThan(300 * 400);
  });
});
