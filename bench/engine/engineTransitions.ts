/** The engine's transitions per second, walking a birth registration on one core. */
import { performance } from "node:perf_hooks";
import { defaultCatalogue } from "../../server/defaultCatalogue";
import { initialState } from "../../server/engine/conversationState";
import type { EngineInput } from "../../server/engine/engineIO";
import { transition } from "../../server/engine/transition";

const catalogue = defaultCatalogue();
const clock = { now: new Date("2026-11-27T03:00:00Z") };

// A mother registering her daughter's birth, typed without diacritics, father known, one
// copy, postal return: 40-odd turns through every kind of step.
const TYPED: EngineInput[] = [
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

/**
 * The typed answers with the citizen's confirmations put in where the engine asks for them: the first
 * spelling offered for a name or address ("1"), "đúng" to a value to confirm.
 */
function withConfirmations(typed: readonly EngineInput[]): EngineInput[] {
  const inputs: EngineInput[] = [];
  let state = initialState("vi");
  const send = (input: EngineInput) => {
    inputs.push(input);
    state = transition(catalogue, state, input, clock).state;
  };
  for (const input of typed) {
    send(input);
    for (let guard = 0; guard < 3 && state.pending !== null; guard++) {
      if (state.pending.kind === "chooseSpelling") send({ kind: "text", text: "1" });
      else if (state.pending.kind === "confirmWarning") send({ kind: "text", text: "đúng" });
      else break;
    }
  }
  return inputs;
}

export const BIRTH: EngineInput[] = withConfirmations(TYPED);

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
export function benchTransitions(): {
  median: number;
  best: number;
  worst: number;
  transitions: number;
  seconds: number;
} {
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
