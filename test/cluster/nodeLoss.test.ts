/**
 * Citizens and clerks working through nginx on two nodes while one node is SIGKILLed and, later, the other is
 * stopped as a rolling restart stops it (SIGTERM): each citizen's chat moves to the node left and resumes there,
 * and every message a citizen or clerk was told was saved is stored exactly once, with no gap in any conversation.
 * The crash harness's simulated citizens and clerks (test/crash) behave as the widget and the console do.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { io as connect } from "socket.io-client";
import { CrashCitizen, crashWalks } from "../crash/crashCitizen";
import { checkAcknowledged, checkStoreFile, type ReplayedConversation, replayAndContinue } from "../crash/crashChecks";
import { CrashClerk } from "../crash/crashClerk";
import { CrashLedger } from "../crash/crashLedger";
import { SeededRandom, sleep } from "../crash/seededRandom";
import { type Cluster, startCluster } from "../support/cluster";
import { runUserCli } from "../support/userCli";

jest.setTimeout(120_000);

const UNIT = "an-thanh";
const RAISED = "100000000";
const CITIZENS = 40;

let cluster: Cluster;

beforeAll(async () => {
  cluster = await startCluster({
    nodes: 2,
    env: {
      RATE_LIMIT_CONVERSATION_PER_MINUTE: RAISED,
      RATE_LIMIT_IP_PER_MINUTE: RAISED,
      CHAT_CONNECTIONS_PER_ADDRESS: RAISED,
      CHAT_EVENTS_PER_SECOND: RAISED,
      CHAT_EVENTS_BURST: RAISED,
    },
  });
});
afterAll(async () => {
  await cluster?.stop();
});

/** The nodes new chats are given to through the proxy, by the node name that starts each session id. */
async function nodesGivenOut(count: number): Promise<Set<string>> {
  const sockets = Array.from({ length: count }, () =>
    connect(`${cluster.url}/chat`, { auth: { unit: UNIT }, transports: ["polling"], forceNew: true }),
  );
  await Promise.all(sockets.map((s) => new Promise((resolve) => s.once("connect", () => resolve(undefined)))));
  const nodes = new Set(sockets.map((s) => s.io.engine.id.split("-")[0]!));
  sockets.forEach((s) => s.disconnect());
  return nodes;
}

describe("a node lost while citizens and clerks work through the proxy", () => {
  it("moves its citizens to the other node, killed or stopped, losing and doubling nothing acknowledged", async () => {
    const seed = randomBytes(4).readUInt32BE(0);
    const random = new SeededRandom(seed);
    const ledger = new CrashLedger();
    const storeDir = path.join(cluster.dataDir, "store");
    const clerks = await Promise.all(
      ["lan", "mai"].map(async (username) => {
        const password = randomBytes(24).toString("base64url");
        const added = await runUserCli(
          storeDir,
          ...["add", "--username", username, "--role", "clerk", "--unit", UNIT, "--password", password],
        );
        expect(added.code).toBe(0);
        return new CrashClerk(username, password, new SeededRandom(random.between(0, 2 ** 31)), ledger);
      }),
    );
    // Both nodes take new chats.
    expect([...(await nodesGivenOut(8))].sort()).toEqual(["n1", "n2"]);

    const walks = crashWalks(UNIT);
    const citizens = Array.from(
      { length: CITIZENS },
      (_, i) => new CrashCitizen(i, UNIT, walks, new SeededRandom(random.between(0, 2 ** 31)), ledger, [100, 400]),
    );
    const everyone = [...clerks, ...citizens];
    try {
      for (const clerk of clerks) await clerk.signIn(cluster.url);
      for (const client of everyone) client.connect(cluster.url);
      const running = everyone.map((client) => client.run());

      await sleep(4_000);
      const acksBeforeKill = ledger.acked.length;
      await cluster.kill(0);
      await sleep(4_000);
      // The citizens of the node killed went on, on the other.
      expect(ledger.acked.length).toBeGreaterThan(acksBeforeKill + CITIZENS / 2);
      await cluster.restart(0);
      // As a rolling restart goes: the next node is stopped once the proxy sends to this one again (fail_timeout).
      await sleep(4_000);

      const acksBeforeStop = ledger.acked.length;
      expect(await cluster.stopGracefully(1)).toBe(0);
      await sleep(5_000);
      expect(ledger.acked.length).toBeGreaterThan(acksBeforeStop + CITIZENS / 2);
      await cluster.restart(1);
      await sleep(1_000);

      for (const client of everyone) client.stop();
      await Promise.all(running);
      const deadline = Date.now() + 30_000;
      await Promise.all(clerks.map((clerk) => clerk.finish(deadline)));
      const flushed = await Promise.all(citizens.map((citizen) => citizen.flush(cluster.url, deadline)));
      expect(flushed.filter((ok) => !ok)).toEqual([]);
      for (const client of everyone) client.close();

      const replayed = new Map<string, ReplayedConversation>();
      const tokens = citizens.flatMap((c) => c.conversations.flatMap((conversation) => conversation.token ?? []));
      for (let i = 0; i < tokens.length; i += 20) {
        const batch = await Promise.all(
          tokens.slice(i, i + 20).map((token) => replayAndContinue(cluster.url, token, ledger)),
        );
        for (const r of batch) if (r) replayed.set(r.conversationId, r);
      }
      const acks = checkAcknowledged(replayed, ledger);
      await cluster.kill(0);
      await cluster.kill(1);
      const store = checkStoreFile(storeDir, ledger);
      expect({ seed, failures: ledger.failures }).toEqual({ seed, failures: [] });
      expect(acks.messages).toBeGreaterThan(CITIZENS * 3);
      expect(store.integrity).toBe("ok");
      expect(store.receiptGaps).toEqual([]);
    } finally {
      for (const client of everyone) client.close();
    }
  });
});
