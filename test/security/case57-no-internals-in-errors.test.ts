import { PLANTED_CCCD, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile();

describe("case 57: errors and debug output in production", () => {
  it("answers a failing request with a coded bilingual error, no stack, no path, no other citizen's data", async () => {
    const store = watched.server.store;
    const other = await watched.citizen();
    const ping = store.ping.bind(store);
    store.ping = async () => {
      throw new Error(`at /work/server/store.ts:1 ${PLANTED_CCCD} ${other.token}`);
    };
    try {
      const res = await fetch(`${watched.url}/ready`);
      const body = await res.text();
      expect(body).not.toMatch(/\.ts|at \/|node_modules/);
      expect(body).not.toContain(other.token!);
    } finally {
      store.ping = ping;
    }
    const bad = await fetch(`${watched.url}/api/status`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{",
    });
    const text = await bad.text();
    expect(JSON.parse(text)).toMatchObject({ ok: false, error: { code: expect.any(String), message: / \/ / } });
    expect(text).not.toMatch(/SyntaxError|at JSON|\.js:\d/);
  });

  it("dumps no Socket.IO or Engine.IO packets: their debug namespaces are off", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the debug package has no typed entry here
    const debug = require("debug") as { enabled(name: string): boolean };
    expect(debug.enabled("socket.io:socket")).toBe(false);
    expect(debug.enabled("engine:socket")).toBe(false);
  });
});
