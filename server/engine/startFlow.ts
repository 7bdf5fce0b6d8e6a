import type { Value } from "../../flows/flowTypes";
import { enterStep } from "./enterStep";
import type { Turn } from "./turn";

/** Starts a flow from its first step (or `from`), with any answers already known. */
export function startFlow(turn: Turn, flowId: string, prefill: Record<string, Value> = {}, from?: string): void {
  const compiled = turn.catalogue.flows.get(flowId);
  if (!compiled) throw new Error(`FLOW_NOT_FOUND: no flow "${flowId}" in the catalogue`);
  const { state } = turn;
  state.flowId = flowId;
  state.answers = { ...prefill };
  state.sources = Object.fromEntries(Object.keys(prefill).map((k) => [k, { by: "citizen" as const }]));
  state.history = [];
  state.table = null;
  state.pending = null;
  state.failedAnswers = 0;
  state.notUnderstood = 0;
  state.returnToReview = false;
  delete state.lookupMisses;
  state.status = "bot";
  enterStep(turn, from ?? compiled.flow.steps[0]!.id);
}
