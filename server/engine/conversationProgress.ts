import type { Catalogue } from "./catalogue";
import type { ConversationState } from "./conversationState";
import type { Progress } from "./engineIO";
import { memoizedPathOf, progressOf } from "./flowPath";

/** The progress of the question a conversation stands at, or null outside a flow or with a clerk. */
export function conversationProgress(catalogue: Catalogue, state: ConversationState): Progress | null {
  const compiled = state.flowId ? catalogue.flows.get(state.flowId) : undefined;
  if (!compiled || state.status !== "bot" || state.stepId === null) return null;
  return progressOf(memoizedPathOf(compiled, state.answers), state.answers, state.stepId);
}
