/**
 * The budgets and the receipt number lock of several nodes in one real Redis (test/support/redisServer.ts):
 * two limiters on two connections stand for two nodes.
 */
import { connectRedis, type RedisLink } from "../../server/cluster/redisLink";
import type { StatusLookupResult } from "../../server/engine/engineIO";
import type { Logger } from "../../server/logger";
import { RedisWindowLimiter } from "../../server/limits/redisWindowLimiter";
import { SharedCounting } from "../../server/limits/sharedCounting";
import { createLimits, type LimitsConfig } from "../../server/limits/sharedLimits";
import { SlidingWindowLimiter } from "../../server/limits/slidingWindowLimiter";
import { type RedisServer, startRedisServer } from "../support/redisServer";

jest.setTimeout(30_000);

/** A logger that keeps what was logged, to count the warnings and to look for keys in them. */
function recordingLogger(): Logger & { lines: { level: string; fields: unknown; message: unknown }[] } {
  const lines: { level: string; fields: unknown; message: unknown }[] = [];
  const at =
    (level: string) =>
    (fields: unknown, message?: unknown): void => {
      lines.push({ level, fields, message });
    };
  const logger = { lines, info: at("info"), warn: at("warn"), error: at("error"), debug: at("debug") };
  return logger as unknown as Logger & { lines: typeof lines };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never: ${what}`);
}

const CONFIG: LimitsConfig = {
  RATE_LIMIT_CONVERSATION_PER_MINUTE: 30,
  RATE_LIMIT_IP_PER_MINUTE: 600,
  RATE_LIMIT_STATUS_PER_MINUTE: 100,
  STATUS_LOOKUPS_PER_CODE_PER_MINUTE: 100,
  STATUS_LOOKUPS_PER_CODE_PER_HOUR: 1000,
  STATUS_WRONG_PHONES_BEFORE_LOCK: 3,
  STATUS_LOCK_MINUTES: 30,
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
const MINUTE = 60_000;
// The start of a minute, so that where a test stands within its window is known.
const T0 = Math.floor(Date.now() / MINUTE) * MINUTE;

let redis: RedisServer;
let links: RedisLink[] = [];
let loggers: ReturnType<typeof recordingLogger>[] = [];
let counting: SharedCounting[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let keyNumber = 0;
/** A key no other test has counted. */
const freshKey = (what: string) => `${what}-${++keyNumber}-${T0}`;

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  redis = await startRedisServer();
  loggers = [recordingLogger(), recordingLogger()];
  links = await Promise.all(loggers.map((logger, i) => connectRedis(redis.url, `node-${i}`, logger)));
  counting = links.map((link, i) => new SharedCounting(link, loggers[i]!));
});
afterAll(async () => {
  await Promise.all(links.map((link) => link.close()));
  await redis.stop();
  process.off("unhandledRejection", onUnhandled);
});
afterEach(() => expect(unhandled).toEqual([]));

describe("rate limits counted in a shared Redis", () => {
  it("gives two nodes one budget between them, not one each", async () => {
    const [a, b] = counting.map((c) => new RedisWindowLimiter("test-shared", 5, c));
    const key = freshKey("203.0.113.7");
    const allowed: boolean[] = [];
    for (let i = 0; i < 6; i++) allowed.push(await (i % 2 === 0 ? a! : b!).allow(key, T0 + i));
    expect(allowed).toEqual([true, true, true, true, true, false]);
    expect(await a!.allow(key, T0 + 10)).toBe(false);
    // Another key, and another limiter's keys, have budgets of their own.
    expect(await b!.allow(freshKey("203.0.113.8"), T0 + 10)).toBe(true);
    expect(await new RedisWindowLimiter("test-other", 5, counting[0]!).allow(key, T0 + 10)).toBe(true);
  });

  it("estimates across the window's edge exactly as one node's limiter does", async () => {
    const [a, b] = counting.map((c) => new RedisWindowLimiter("test-edge", 10, c));
    const alone = new SlidingWindowLimiter(10);
    const key = freshKey("conversation");
    // Ten in the last seconds of one minute, then a quarter of the next: three quarters of them still count.
    const times = [
      ...Array.from({ length: 11 }, (_, i) => T0 + 50_000 + i),
      ...[0, 1, 2, 3].map((i) => T0 + 75_000 + i),
    ];
    const shared: boolean[] = [];
    const own: boolean[] = [];
    for (const [i, at] of times.entries()) {
      shared.push(await (i % 2 === 0 ? a! : b!).allow(key, at));
      own.push(alone.take(key, at));
    }
    expect(shared).toEqual(own);
    // 7.5 carried over: three more fit under 10, the fourth does not.
    expect(shared.slice(10)).toEqual([false, true, true, true, false]);
  });

  it("weighs cheaper events by their cost", async () => {
    const [a, b] = counting.map((c) => new RedisWindowLimiter("test-cost", 1, c));
    const key = freshKey("conversation");
    const taps = [];
    for (let i = 0; i < 5; i++) taps.push(await (i % 2 === 0 ? a! : b!).allow(key, T0 + i, 0.25));
    expect(taps).toEqual([true, true, true, true, false]);
  });

  it("counts on each node while Redis is down, logs it once, and shares the counts again once it is back", async () => {
    const [a, b] = counting.map((c) => new RedisWindowLimiter("test-outage", 3, c));
    const key = freshKey("203.0.113.9");
    await redis.stop();
    await until(() => links.every((link) => !link.isUp()), "both nodes see Redis gone");
    const onA = [];
    const onB = [];
    for (let i = 0; i < 4; i++) onA.push(await a!.allow(key, T0 + i));
    for (let i = 0; i < 4; i++) onB.push(await b!.allow(key, T0 + i));
    // Each node allows the limit on its own: what one node alone would do.
    expect(onA).toEqual([true, true, true, false]);
    expect(onB).toEqual([true, true, true, false]);
    for (const logger of loggers) {
      const warnings = logger.lines.filter((l) => (l.fields as { event?: string }).event === "limits.counting_alone");
      expect(warnings).toHaveLength(1);
      expect(JSON.stringify(logger.lines)).not.toContain("203.0.113.9");
    }

    redis = await startRedisServer(redis.port);
    await until(() => links.every((link) => link.isUp()), "both nodes back on Redis");
    const again = freshKey("203.0.113.10");
    const shared = [];
    for (let i = 0; i < 4; i++) shared.push(await (i % 2 === 0 ? a! : b!).allow(again, T0 + i));
    expect(shared).toEqual([true, true, true, false]);
    for (const logger of loggers)
      expect(logger.lines.filter((l) => (l.fields as { event?: string }).event === "limits.shared_again")).toHaveLength(
        1,
      );
  });

  it("falls back without throwing when a command fails though the connection looked up", async () => {
    const logger = recordingLogger();
    const closed = await connectRedis(redis.url, "node-closing", logger);
    await closed.close();
    // A link that still claims to be up: the command itself is refused, and the node counts alone.
    const limiter = new RedisWindowLimiter(
      "test-refused",
      1,
      new SharedCounting({ ...closed, isUp: () => true }, logger),
    );
    const key = freshKey("conversation");
    expect(await limiter.allow(key, T0)).toBe(true);
    expect(await limiter.allow(key, T0 + 1)).toBe(false);
    expect(logger.lines.filter((l) => l.level === "warn")).toHaveLength(1);
  });
});

describe("the status lookup guard on shared counters", () => {
  it("refuses through one node a receipt number locked through the other", async () => {
    const [a, b] = links.map((link, i) => createLimits(CONFIG, link, loggers[i]!).statusLookup);
    const request = { code: `HN-20261127-${String(++keyNumber).padStart(4, "0")}-K7QM`, address: "203.0.113.7" };
    for (let i = 0; i < 3; i++) await a!.run(request, async () => ({ found: false }), T0 + i);
    let lookedUp = false;
    const onB = await b!.run(
      { ...request, address: "198.51.100.4" },
      async () => ((lookedUp = true), FOUND),
      T0 + 2 + 10 * MINUTE,
    );
    expect(onB).toEqual({ found: false, refused: "locked", retryMinutes: 20 });
    expect(lookedUp).toBe(false);
    // Another random part of the same receipt number is the same number.
    const otherSuffix = { ...request, code: request.code.replace(/-K7QM$/, "-BCDF") };
    expect(await b!.run(otherSuffix, async () => FOUND, T0 + 10 * MINUTE)).toMatchObject({ refused: "locked" });
    expect(await a!.run(request, async () => FOUND, T0 + 30 * MINUTE + 2)).toEqual(FOUND);
  });

  it("forgets wrong phones given through either node once one is found", async () => {
    const [a, b] = links.map((link, i) => createLimits(CONFIG, link, loggers[i]!).statusLookup);
    const request = { code: `HN-20261127-${String(++keyNumber).padStart(4, "0")}-K7QM`, address: "203.0.113.7" };
    await a!.run(request, async () => ({ found: false }), T0);
    await b!.run(request, async () => ({ found: false }), T0 + 1);
    expect(await a!.run(request, async () => FOUND, T0 + 2)).toEqual(FOUND);
    await b!.run(request, async () => ({ found: false }), T0 + 3);
    await a!.run(request, async () => ({ found: false }), T0 + 4);
    expect(await b!.run(request, async () => FOUND, T0 + 5)).toEqual(FOUND);
  });

  it("shares the per-address budget of lookups between nodes", async () => {
    const config = { ...CONFIG, RATE_LIMIT_STATUS_PER_MINUTE: 2 };
    const [a, b] = links.map((link, i) => createLimits(config, link, loggers[i]!).statusLookup);
    const address = freshKey("203.0.113.11");
    expect(await a!.run({ code: "HN-20261127-0001-BCDF", address }, async () => FOUND, T0)).toEqual(FOUND);
    expect(await b!.run({ code: "HN-20261127-0002-BCDF", address }, async () => FOUND, T0)).toEqual(FOUND);
    expect(await a!.run({ code: "HN-20261127-0003-BCDF", address }, async () => FOUND, T0)).toEqual({
      found: false,
      refused: "rateLimited",
      retryMinutes: 1,
    });
  });
});
