import type { IntentHit } from "./findIntentHits";
import { STATUS, TARGETS } from "./intentTargets";

/**
 * The evidence for each target. A procedure is named once, and naming it again in other
 * words adds a little; a status lookup is said in pieces ("hồ sơ của tôi" + "tới đâu rồi"),
 * which add up. The same phrase said twice counts once.
 */
export function scoreIntentTargets(hits: readonly IntentHit[], weights: readonly number[]): Float64Array {
  const byTarget = new Float64Array(TARGETS);
  const rest = new Float64Array(TARGETS);
  // The hits, heaviest first (equal ones in message order): a message holds a few, so sorting
  // them by insertion and looking back for a phrase said before costs less than a Set and a sort.
  const n = hits.length;
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    let j = order.length;
    while (j > 0 && weights[order[j - 1]!]! < weights[i]!) j--;
    order.splice(j, 0, i);
  }
  for (let o = 0; o < n; o++) {
    const i = order[o]!;
    const { source } = hits[i]!;
    let repeated = false;
    for (let p = 0; p < o && !repeated; p++) repeated = hits[order[p]!]!.source === source;
    if (repeated) continue;
    const target = source.target;
    if (byTarget[target] === 0) byTarget[target] = weights[i]!;
    else rest[target]! += weights[i]!;
  }
  for (let target = 0; target < TARGETS; target++) {
    const best = byTarget[target]!;
    byTarget[target] = best + (target === STATUS ? rest[target]! : Math.min(0.3 * rest[target]!, 0.5 * best));
  }
  // The procedure named first is usually the one meant when two are named with equal force.
  const first = hits.findIndex((hit, i) => hit.source.target < STATUS && weights[i]! >= 1.5);
  if (first >= 0) byTarget[hits[first]!.source.target]! *= 1.1;
  return byTarget;
}
