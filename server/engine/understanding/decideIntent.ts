import { HUMAN, PROCEDURE_IDS, STATUS } from "./intentTargets";
import type { IntentMatch } from "./matchIntent";

/** Evidence at which a procedure is started without asking, and its lead over the next. */
const CONFIDENT_SCORE = 3;
const CONFIDENT_LEAD = 1.75;
const MIN_CANDIDATE_SCORE = 1;

/**
 * What a message asks for, from the evidence for each target: a human or a status lookup
 * when said strongly enough against the best procedure, else the procedures named (at most
 * three, best first), else a weak signal, else nothing.
 */
export function decideIntent(byTarget: Float64Array): IntentMatch {
  const candidates = PROCEDURE_IDS.map((procedureId, target) => ({ procedureId, score: byTarget[target]! }))
    .filter((c) => c.score >= MIN_CANDIDATE_SCORE)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((c) => ({ procedureId: c.procedureId, score: Math.round(c.score * 100) / 100 }));
  const best = candidates[0]?.score ?? 0;
  const human = byTarget[HUMAN]!;
  const status = byTarget[STATUS]!;

  if (human >= 3 && human >= 0.75 * best) return { kind: "human" };
  if (status >= 3 && status >= 0.75 * best) return { kind: "statusLookup" };
  if (best > 0) {
    const second = candidates[1]?.score ?? 0;
    return { kind: "procedure", candidates, confident: best >= CONFIDENT_SCORE && best >= CONFIDENT_LEAD * second };
  }
  // Weak signals decide only when no procedure is named: "tra cứu", a bare "nhân viên".
  if (status >= 2) return { kind: "statusLookup" };
  if (human >= 1.5) return { kind: "human" };
  return { kind: "none" };
}
