import type { IdentityGroup, Step } from "../../flows/flowTypes";
import type { Catalogue, CompiledFlow } from "./catalogue";
import type { ConversationState } from "./conversationState";
import { isCopied } from "./flowPath";

/** The person whose identity `stepId` asks, among the flow's declared identities. */
export function identityOfStep(compiled: CompiledFlow, stepId: string): IdentityGroup | null {
  return (compiled.flow.identities ?? []).find((group) => Object.values(group.fields).includes(stepId)) ?? null;
}

/** Whether a question of the flow is one an ID card can answer: asked of the citizen, not copied, not a table's. */
function cardAnswers(step: Step, state: ConversationState): boolean {
  return (step.kind === "ask" || step.kind === "choose") && state.table === null && !isCopied(step, state.answers);
}

/**
 * The person whose identity the conversation is asking now: the bot waits for an answer to one of
 * their questions (or to whether a card just read is theirs). Only then is an ID card, or a photo sent
 * instead of an answer, read for them. Pure: the channels ask it before decoding a photo.
 *
 * @example askedIdentity(catalogue, state) // the "mother" group at "Họ và tên người mẹ?"
 */
export function askedIdentity(catalogue: Catalogue, state: ConversationState): IdentityGroup | null {
  return state.status === "bot" ? identityAtCurrentStep(catalogue, state) : null;
}

/**
 * The person whose identity the flow's current question asks, whoever holds the conversation: while a clerk
 * holds it, the question the bot stood at (the clerk may read that person's card for the citizen).
 */
export function identityAtCurrentStep(catalogue: Catalogue, state: ConversationState): IdentityGroup | null {
  if (state.flowId === null || state.stepId === null) return null;
  if (state.pending !== null && state.pending.kind !== "confirmIdentity") return null;
  const compiled = catalogue.flows.get(state.flowId);
  const index = compiled?.stepIndex.get(state.stepId);
  if (!compiled || index === undefined) return null;
  const step = compiled.flow.steps[index]!;
  return cardAnswers(step, state) ? identityOfStep(compiled, step.id) : null;
}

/**
 * Whether asking `step` offers to scan an ID card: it is one of a person's identity questions, and no
 * card has filled that person's answers yet.
 */
export function offersCardScan(compiled: CompiledFlow, step: Step, state: ConversationState): boolean {
  if (!cardAnswers(step, state)) return false;
  const group = identityOfStep(compiled, step.id);
  return group !== null && !Object.values(group.fields).some((field) => state.sources[field]?.by === "idCard");
}
