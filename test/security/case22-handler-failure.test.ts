import { PLANTED_CCCD, stillServes, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile();

describe("case 22: an exception inside one turn", () => {
  it("fails that message with a retryable ack, keeps the process up, and logs the stack without the CCCD", async () => {
    const c = await watched.citizen();
    const store = watched.server.store;
    const commit = store.commitTurn.bind(store);
    store.commitTurn = async () => {
      throw new Error(`constraint failed for CCCD ${PLANTED_CCCD}`);
    };
    try {
      const ack = await c.send({ clientMessageId: "x1", text: "khai sinh" });
      expect(ack).toMatchObject({ ok: false, error: { code: "CHAT_UNAVAILABLE" } });
    } finally {
      store.commitTurn = commit;
    }
    expect(watched.logs()).toMatch(/"stack":"Error: constraint failed/);
    // The retry of the same message goes through once the fault is gone.
    expect((await c.send({ clientMessageId: "x1", text: "khai sinh" })).ok).toBe(true);
    await stillServes(watched);
  });

  it("fails a console request whose handler throws with 500 and no stack, and keeps serving", async () => {
    const clerk = await watched.clerk("lan");
    const store = watched.server.store;
    const search = store.listDossiers?.bind(store);
    (store as unknown as Record<string, unknown>).listDossiers = async () => {
      throw new Error(`boom ${PLANTED_CCCD}`);
    };
    try {
      const res = await fetch(`${watched.url}/api/console/dossiers?query=a`, { headers: { Cookie: clerk.cookie } });
      expect(res.status).toBeGreaterThanOrEqual(500);
      const body = await res.text();
      expect(body).not.toMatch(/at .*\.ts|boom|node_modules/);
    } finally {
      (store as unknown as Record<string, unknown>).listDossiers = search;
    }
    await stillServes(watched);
  });
});
