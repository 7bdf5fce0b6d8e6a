/**
 * `npm run bench:engine`: the engine's speed on one core.
 *  1. Transitions per second walking the birth registration from the first message to the
 *     submit effect, with parsing and validation of every answer included.
 *  2. Intent matching per first message (median and p99 µs) over the labelled test corpus,
 *     and for the worst case: a message at the length cap made only of keywords.
 *  3. Option matching per reply against the longest lists a question offers (the 54 ethnic
 *     groups and the 34 provinces), with typos, misses and a 500-character reply.
 */
import { performance } from "node:perf_hooks";
import { INTENT_CORPUS } from "../test/intent/intentCorpus";
import { BIRTH, benchTransitions } from "./engine/engineTransitions";
import { matchIntent } from "../server/engine/understanding/matchIntent";
import { matchOption } from "../server/engine/understanding/matchOption";
import { ETHNICITIES } from "../server/engine/understanding/ethnicities";
import { PROVINCES_2025 } from "../server/engine/understanding/vietnamProvinces";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Timing {
  medianUs: number;
  p99Us: number;
  maxUs: number;
  samples: number;
}

function timeEach(messages: readonly string[], rounds: number, work: (message: string) => unknown): Timing {
  for (let i = 0; i < 20; i++) for (const m of messages) work(m);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const message of messages) {
      const start = process.hrtime.bigint();
      work(message);
      samples.push(Number(process.hrtime.bigint() - start) / 1000);
    }
  }
  samples.sort((a, b) => a - b);
  return {
    medianUs: percentile(samples, 50),
    p99Us: percentile(samples, 99),
    maxUs: samples[samples.length - 1]!,
    samples: samples.length,
  };
}

const transitions = benchTransitions();
const intent = timeEach(
  INTENT_CORPUS.map((m) => m.text),
  200,
  matchIntent,
);
// The worst case: a message at the 2,000-character cap made only of procedure keywords.
const longest = timeEach(
  [
    INTENT_CORPUS.map((m) => m.text)
      .join(" ")
      .slice(0, 2000),
  ],
  2000,
  matchIntent,
);
const LONG_LIST = [
  ...ETHNICITIES.map((name, i) => ({ value: `e${i}`, labels: [name] })),
  ...PROVINCES_2025.map((p, i) => ({ value: `p${i}`, labels: [p.name, ...p.formerly] })),
];
const REPLIES = ["kinh", "xyzw qrst", "số 12", "khmerr", "tôi là người dân tộc tày", "dong thapp", "a".repeat(500)];
const options = timeEach(REPLIES, 300, (reply) => matchOption(reply, LONG_LIST));
const memory = process.memoryUsage();
console.log(`node ${process.version}, ${process.platform}/${process.arch}, one core (single thread)`);
const round = (n: number) => Math.round(n).toLocaleString("en-US");
console.log(
  `transitions (birth registration, ${BIRTH.length} turns a walk): median ${round(transitions.median)}/s of 5 rounds ` +
    (`(worst ${round(transitions.worst)}, best ${round(transitions.best)}; ${transitions.transitions} transitions ` +
      `in ${transitions.seconds.toFixed(1)} s)`),
);
console.log(
  `intent matching (${INTENT_CORPUS.length} corpus messages × 200): median ${intent.medianUs.toFixed(1)} µs, ` +
    `p99 ${intent.p99Us.toFixed(1)} µs, max ${intent.maxUs.toFixed(0)} µs`,
);
console.log(
  `intent matching, worst case (2,000 characters of keywords × 2,000): median ${longest.medianUs.toFixed(1)} µs, ` +
    `p99 ${longest.p99Us.toFixed(1)} µs`,
);
console.log(
  `option matching (${LONG_LIST.length} options, ${REPLIES.length} replies × 300): ` +
    `median ${options.medianUs.toFixed(1)} µs, p99 ${options.p99Us.toFixed(1)} µs, max ${options.maxUs.toFixed(0)} µs`,
);
console.log(`heap used ${(memory.heapUsed / 1048576).toFixed(1)} MiB, rss ${(memory.rss / 1048576).toFixed(1)} MiB`);
