/**
 * `npm run bench:zalo`: the Zalo channel under load, against the local fake Zalo (fakes/zalo):
 *  1. webhook: E events (default 5,000) from distinct users, C at a time (default 64), as fast
 *     as the server answers: events/s accepted and the 200's latency (Zalo wants it within 2 s);
 *  2. human: N Zalo citizens (default 1,000) follow the OA at a bounded rate, then each walks a
 *     procedure with a pause of 5–15 s between messages for D seconds (default 60): the time from
 *     the event sent to the first reply Zalo received for that citizen (p50/p99).
 * The Khai Hộ server is its own process (`node --import tsx server/main.ts`, fresh SQLite,
 * raised rate limits); the fake Zalo and the simulated citizens run in this process, and the
 * fake echoes every message sent back to the webhook, as Zalo does. Only 127.0.0.1 is contacted;
 * every phase has a time limit. Options: --events --concurrency --citizens --duration --ramp,
 * --cpu-prof DIR (the server's CPU profile).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { startFakeZalo } from "../fakes/zalo/fakeZalo";
import { jpegPhoto } from "../test/support/documentFiles";
import { ZALO_APP, zaloSettings } from "../test/support/zaloCitizen";
import { ChildProcesses } from "./chat/childProcesses";
import { citizenScripts } from "./chat/citizenScripts";
import { numberOption } from "./chat/numberOption";
import { newDataDir, serverRevision, startKhaiHo } from "./chat/serverProcess";
import { concat, count, latencyLine, Samples, summarize } from "./chat/stats";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "5000" },
    concurrency: { type: "string", default: "64" },
    citizens: { type: "string", default: "1000" },
    duration: { type: "string", default: "60" },
    ramp: { type: "string", default: "100" },
    "cpu-prof": { type: "string" },
  },
});
const EVENTS = numberOption("bench:zalo", "events", values.events);
const CONCURRENCY = numberOption("bench:zalo", "concurrency", values.concurrency);
const CITIZENS = numberOption("bench:zalo", "citizens", values.citizens);
const DURATION_S = numberOption("bench:zalo", "duration", values.duration);
const RAMP_PER_S = numberOption("bench:zalo", "ramp", values.ramp);
const THINK_MS: [number, number] = [5_000, 15_000];
const ZALO_REPLY_LIMIT_MS = 2_000;

const sleep = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, msToWait));

async function main(): Promise<void> {
  const children = new ChildProcesses("bench:zalo");
  const zalo = await startFakeZalo({ ...ZALO_APP, mediaHttps: true });
  try {
    const dataDir = newDataDir(children);
    const caFile = path.join(dataDir, "fake-zalo-ca.pem");
    writeFileSync(caFile, zalo.mediaCaPem);
    const server = await startKhaiHo(children, {
      dataDir,
      cpuProfDir: values["cpu-prof"] ?? null,
      env: zaloSettings(zalo, { ZALO_MEDIA_HOSTS: "127.0.0.1", ZALO_MEDIA_CA_FILE: caFile }),
    });
    zalo.webhookUrl = `${server.url}/webhooks/zalo`;
    console.log(`bench:zalo — ${serverRevision()}, server pid ${server.child.pid}`);
    await webhookPhase(zalo);
    await humanPhase(zalo, await jpegPhoto());
  } finally {
    children.stopping = true;
    await zalo.close();
    await children.stop();
  }
}

/** Events/s accepted and the latency of the 200, with `CONCURRENCY` deliveries in flight. */
async function webhookPhase(zalo: Awaited<ReturnType<typeof startFakeZalo>>): Promise<void> {
  const latencies = new Samples();
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < EVENTS) {
        const index = next++;
        const delivery = await zalo.sendText(`77000000000${String(index).padStart(7, "0")}`, "xin chào");
        latencies.push(delivery.ms);
        statuses.set(delivery.status, (statuses.get(delivery.status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const summary = summarize(concat([latencies.take()]));
  console.log(`\n1. webhook: ${count(EVENTS)} events, ${CONCURRENCY} at a time, in ${seconds.toFixed(1)} s`);
  console.log(
    `   accepted: ${count(Math.round(EVENTS / seconds))} events/s; statuses ${JSON.stringify([...statuses])}`,
  );
  console.log(`   200 latency: ${latencyLine(summary)}`);
  console.log(`   every 200 under ${ZALO_REPLY_LIMIT_MS} ms: ${summary.max < ZALO_REPLY_LIMIT_MS ? "met" : "MISSED"}`);
  // The replies to those events go out before the next phase is measured.
  await waitForQuietOutbox(zalo, 120_000);
}

/** Waits until Zalo has received nothing new for two seconds. */
async function waitForQuietOutbox(zalo: { sent: readonly unknown[] }, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  let seen = -1;
  while (Date.now() < deadline && zalo.sent.length !== seen) {
    seen = zalo.sent.length;
    await sleep(2_000);
  }
}

/** N citizens at human pace: the time from each event to the first reply Zalo got for that citizen. */
async function humanPhase(zalo: Awaited<ReturnType<typeof startFakeZalo>>, photo: Buffer): Promise<void> {
  const scripts = citizenScripts("an-thanh");
  const photoUrl = zalo.hostMedia("giay-to.jpg", photo, "image/jpeg");
  const waiting = new Map<string, number>();
  const latencies = new Samples();
  let read = zalo.sent.length;
  let sentEvents = 0;
  let unanswered = 0;
  let refused = 0;
  const watcher = setInterval(() => {
    for (; read < zalo.sent.length; read += 1) {
      const message = zalo.sent[read]!;
      const since = waiting.get(message.userId);
      if (since === undefined) continue;
      latencies.push(message.at - since);
      waiting.delete(message.userId);
    }
  }, 20);
  const users = Array.from({ length: CITIZENS }, (_, i) => `88000000000${String(i).padStart(7, "0")}`);
  const end = Date.now() + (CITIZENS / RAMP_PER_S) * 1000 + DURATION_S * 1000;
  const measureFrom = Date.now() + (CITIZENS / RAMP_PER_S) * 1000;
  const citizen = async (userId: string, index: number) => {
    await sleep((index / RAMP_PER_S) * 1000);
    const follow = await zalo.follow(userId);
    if (follow.status !== 200) refused += 1;
    const script = scripts[index % scripts.length]!;
    for (let step = 0; Date.now() < end; step = (step + 1) % script.steps.length) {
      await sleep(THINK_MS[0] + Math.random() * (THINK_MS[1] - THINK_MS[0]));
      if (Date.now() >= end) break;
      if (waiting.has(userId)) unanswered += 1;
      const next = script.steps[step]!;
      const at = Date.now();
      const delivery =
        "upload" in next
          ? await zalo.sendImage(userId, photoUrl)
          : await zalo.sendText(userId, "choice" in next ? next.choice : next.text);
      sentEvents += 1;
      if (delivery.status !== 200) refused += 1;
      else if (at >= measureFrom) waiting.set(userId, at);
    }
  };
  await Promise.all(users.map(citizen));
  await sleep(5_000);
  clearInterval(watcher);
  const summary = summarize(concat([latencies.take()]));
  console.log(`\n2. human: ${count(CITIZENS)} Zalo citizens, ${THINK_MS[0] / 1000}–${THINK_MS[1] / 1000} s between`);
  console.log(`   messages, ${DURATION_S} s measured after a ${(CITIZENS / RAMP_PER_S).toFixed(0)} s ramp`);
  console.log(`   events sent: ${count(sentEvents)}; refused: ${refused}; sent again before a reply: ${unanswered}`);
  console.log(`   reply latency (event → first reply at Zalo): ${latencyLine(summary)}`);
}

main().catch((error: unknown) => {
  console.error(`bench:zalo: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
