/**
 * `npm run bench:engine`: the engine's speed on one core.
 *  1. Transitions per second walking the birth registration from the first message to the
 *     submit effect, with parsing and validation of every answer included.
 *  2. Intent matching per first message (median and p99 µs) over the labelled test corpus,
 *     and for the worst case: a message at the length cap made only of keywords.
 */
import { performance } from "node:perf_hooks";
import { INTENT_CORPUS } from "../test/intent/intentCorpus";
import { initialState } from "../server/engine/conversationState";
import { defaultCatalogue } from "../server/defaultCatalogue";
import type { EngineInput } from "../server/engine/engineIO";
import { transition } from "../server/engine/transition";
import { matchIntent } from "../server/engine/understanding/matchIntent";

const catalogue = defaultCatalogue();
const clock = { now: new Date("2026-11-27T03:00:00Z") };

// A mother registering her daughter's birth, typed without diacritics, father known, one
// copy, postal return: 40-odd turns through every kind of step.
const BIRTH: EngineInput[] = [
  "toi muon lam giay khai sinh cho con",
  "an thanh",
  "nguyen thi hoa",
  "12/4/1995",
  "bo qua",
  "cccd",
  "087195001234",
  "bo qua",
  "bo qua",
  "me",
  "nguyen ngoc bao an",
  "5/3/2026",
  "gai",
  "kinh",
  "viet nam",
  "benh vien da khoa hong ngu",
  "xa tan hoi, dong thap",
  "bo qua",
  "kinh",
  "viet nam",
  "bo qua",
  "co",
  "tran van binh",
  "1990",
  "087090001111",
  "kinh",
  "vn",
  "bo qua",
  "co",
  "12",
  "01",
  "3/3/2019",
  "ubnd phuong an thanh",
  "co",
  "2",
  "0912 345 678",
  "truc tuyen",
  "buu dien",
  "12 nguyen hue, an thanh",
  "0912345678",
  "sang",
  "xac nhan",
].map((text) => ({ kind: "text", text }));

function walkBirth(): number {
  let state = initialState("vi");
  let submitted = false;
  for (const input of BIRTH) {
    const result = transition(catalogue, state, input, clock);
    state = result.state;
    if (result.effects.some((e) => e.type === "submitDossier")) submitted = true;
  }
  if (!submitted) throw new Error("the benchmark script no longer reaches the submit step; update BIRTH");
  return BIRTH.length;
}

/** Walks for `ms` milliseconds; returns transitions per second. */
function walkFor(ms: number): { transitions: number; seconds: number } {
  const start = performance.now();
  let transitions = 0;
  while (performance.now() - start < ms) transitions += walkBirth();
  return { transitions, seconds: (performance.now() - start) / 1000 };
}

// Five rounds of two seconds, reported by their median: on a shared virtual machine single
// rounds vary by a third from one to the next.
function benchTransitions(): { median: number; best: number; worst: number; transitions: number; seconds: number } {
  walkFor(1000); // warm-up: JIT and caches
  const rounds = Array.from({ length: 5 }, () => walkFor(2000));
  const rates = rounds.map((r) => r.transitions / r.seconds).sort((a, b) => a - b);
  return {
    median: rates[2]!,
    best: rates[4]!,
    worst: rates[0]!,
    transitions: rounds.reduce((sum, r) => sum + r.transitions, 0),
    seconds: rounds.reduce((sum, r) => sum + r.seconds, 0),
  };
}

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
