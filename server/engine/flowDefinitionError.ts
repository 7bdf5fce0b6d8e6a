import { editDistance } from "./understanding/editDistance";

/**
 * A flow that cannot run, found when flows load at start-up. The message names the flow,
 * the step and what to do; `code` is one of the FLOW_* codes.
 */
export class FlowDefinitionError extends Error {
  constructor(
    readonly code: string,
    readonly flowId: string,
    readonly stepId: string | null,
    detail: string,
  ) {
    super(`${code}: flow "${flowId}"${stepId ? `, step "${stepId}"` : ""}: ${detail}`);
    this.name = "FlowDefinitionError";
  }
}

/** " Did you mean "x"?" for the closest known name, or nothing when none is close. */
export function didYouMean(name: string, known: Iterable<string>): string {
  let best: string | null = null;
  let bestDistance = Math.max(3, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase(), bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best ? ` Did you mean "${best}"?` : "";
}
