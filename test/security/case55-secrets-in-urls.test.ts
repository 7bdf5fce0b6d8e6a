import { PLANTED_CCCD, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile();

describe("case 55: tokens and personal numbers in URLs", () => {
  it("never reach the log: tokens in API, polling and lookup queries, nor the citizen's own token", async () => {
    const c = await watched.citizen();
    await c.say("khai sinh");
    for (const url of [
      `/api/status?token=${c.token}&cccd=${PLANTED_CCCD}`,
      `/api/status/HN-20261127-0001?phone=${PLANTED_CCCD}`,
      `/socket.io/?EIO=4&transport=polling&token=${c.token}&sid=${PLANTED_CCCD}`,
      `/api/dossiers/${PLANTED_CCCD}?token=${c.token}`,
      `/nowhere/${PLANTED_CCCD}`,
    ])
      await fetch(`${watched.url}${url}`);
    expect(watched.logs()).not.toContain(c.token!);
  });
});
