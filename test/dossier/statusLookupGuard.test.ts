import type { StatusLookupResult } from "../../server/engine/engineIO";
import { StatusLookupGuard } from "../../server/dossier/statusLookupGuard";

const LIMITS = {
  perAddressPerMinute: 100,
  perCodePerMinute: 100,
  perCodePerHour: 1000,
  wrongPhonesBeforeLock: 5,
  lockMinutes: 30,
};
const FOUND: StatusLookupResult = {
  found: true,
  code: "HN-20261127-0042-K7QM",
  procedureId: "dang-ky-khai-tu",
  status: "submitted",
  submittedAt: "27/11/2026",
  updatedAt: "27/11/2026",
  statusText: null,
};
const T0 = Date.UTC(2026, 10, 27, 2, 0, 0);
const MINUTE = 60_000;

describe("the status lookup guard", () => {
  it("lifts a lock once its minutes have passed, and counts the minutes left meanwhile", async () => {
    const guard = new StatusLookupGuard(LIMITS);
    const request = { code: "HN-20261127-0042-K7QM", address: "203.0.113.7" };
    for (let i = 0; i < 5; i++) await guard.run(request, async () => ({ found: false }), T0 + i);
    expect(await guard.run(request, async () => FOUND, T0 + 4 + 10 * MINUTE)).toEqual({
      found: false,
      refused: "locked",
      retryMinutes: 20,
    });
    expect(await guard.run(request, async () => FOUND, T0 + 30 * MINUTE + 5)).toEqual(FOUND);
  });

  it("forgets wrong phones older than the lock's duration instead of adding them up", async () => {
    const guard = new StatusLookupGuard(LIMITS);
    const request = { code: "HN-20261127-0042-K7QM", address: "203.0.113.7" };
    for (let i = 0; i < 4; i++) await guard.run(request, async () => ({ found: false }), T0 + i);
    await guard.run(request, async () => ({ found: false }), T0 + 31 * MINUTE);
    expect(await guard.run(request, async () => FOUND, T0 + 32 * MINUTE)).toEqual(FOUND);
  });

  it("does not look up while refusing, so a refused lookup reads no dossier", async () => {
    const guard = new StatusLookupGuard({ ...LIMITS, perAddressPerMinute: 1 });
    let lookups = 0;
    const lookup = async (): Promise<StatusLookupResult> => (lookups++, FOUND);
    await guard.run({ code: "HN-20261127-0001-BCDF", address: "a" }, lookup, T0);
    expect(await guard.run({ code: "HN-20261127-0002-BCDF", address: "a" }, lookup, T0)).toEqual({
      found: false,
      refused: "rateLimited",
      retryMinutes: 1,
    });
    expect(lookups).toBe(1);
  });
});
