import { PLANTED_CCCD, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile();

const FORGED = '\n2025-01-01 INFO clerk=admin login ok\r\n{"level":30,"msg":"forged"}';

describe("case 56: log injection", () => {
  it("keeps one JSON record per line when an error message carries line breaks and a forged record", async () => {
    const c = await watched.citizen();
    const store = watched.server.store;
    const commit = store.commitTurn.bind(store);
    store.commitTurn = async () => {
      throw new Error(`failed on ${PLANTED_CCCD}${FORGED}`);
    };
    try {
      await c.send({ text: FORGED });
    } finally {
      store.commitTurn = commit;
    }
    await fetch(`${watched.url}/api/status/${encodeURIComponent(FORGED)}`);
    const lines = watched.logs().split("\n").filter(Boolean);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(lines.some((l) => l.startsWith("2025-01-01"))).toBe(false);
    expect(lines.filter((l) => JSON.parse(l).msg === "forged")).toEqual([]);
  });
});
