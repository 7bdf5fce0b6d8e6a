import type { Catalogue } from "../engine/catalogue";
import { conversationProgress } from "../engine/conversationProgress";
import type { ConversationRecord } from "../store/store";
import type { ConversationSnapshot } from "./conversationTypes";

/** The conversation's status, procedure and progress as the channels show them. */
export function conversationSnapshot(catalogue: Catalogue, record: ConversationRecord): ConversationSnapshot {
  const { state } = record;
  return {
    conversationId: record.id,
    status: state.status,
    procedureId: state.flowId,
    stepId: state.stepId,
    progress: conversationProgress(catalogue, state),
    ...(state.dossierCode ? { dossierCode: state.dossierCode } : {}),
  };
}
