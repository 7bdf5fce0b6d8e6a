import type { Catalogue } from "./catalogue";
import type { ConversationState } from "./conversationState";

/**
 * Whether the conversation's current question asks for a document (an upload step, put by the
 * bot, with no side question pending): the only time a channel may accept a file for it. The
 * same condition makes the engine take an attachment as the step's answer.
 *
 * @example expectsUpload(catalogue, state) // true at "Gửi ảnh chụp Giấy chứng sinh của bé"
 */
export function expectsUpload(catalogue: Catalogue, state: ConversationState): boolean {
  if (state.status !== "bot" || state.pending !== null || state.flowId === null || state.stepId === null) return false;
  const compiled = catalogue.flows.get(state.flowId);
  const index = compiled?.stepIndex.get(state.stepId);
  return index !== undefined && compiled!.flow.steps[index]!.kind === "upload";
}
