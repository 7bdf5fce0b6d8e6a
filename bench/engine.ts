/**
 * `npm run bench:engine`: the engine's speed on one core.
 *  1. Transitions per second walking the birth registration from the first message to the
 *     submit effect, with parsing and validation of every answer included.
 *  2. Intent matching per first message (median and p99 µs) over the labelled test corpus,
 *     and for the worst case: a message at the length cap made only of keywords.
 */
import { performance } from "node:perf_hooks";
import { INTENT_CORPUS } from "../test/intent/intentCorpus";
import { BIRTH, benchTransitions } from "./engine/engineTransitions";
import { matchIntent } from "../server/engine/understanding/matchIntent";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function benchIntent(
  messages: readonly string[],
  rounds: number,
): { medianUs: number; p99Us: number; maxUs: number; samples: number } {
  for (let i = 0; i < 20; i++) for (const m of messages) matchIntent(m);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const message of messages) {
      const start = process.hrtime.bigint();
      matchIntent(message);
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
const intent = benchIntent(
  INTENT_CORPUS.map((m) => m.text),
  200,
);
// The worst case: a message at the 2,000-character cap made only of procedure keywords.
const longest = benchIntent(
  [
    INTENT_CORPUS.map((m) => m.text)
      .join(" ")
      .slice(0, 2000),
  ],
  2000,
);
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
console.log(`heap used ${(memory.heapUsed / 1048576).toFixed(1)} MiB, rss ${(memory.rss / 1048576).toFixed(1)} MiB`);
