import type { Catalogue } from "../engine/catalogue";
import { conversationProgress } from "../engine/conversationProgress";
import { describeValue } from "../engine/describeValue";
import { isCopied, isQuestion, memoizedPathOf } from "../engine/flowPath";
import { stepGroup, stepLabel } from "../engine/stepLabel";
import type { ChatMessage } from "../channels/web/protocol";
import type { ConversationRecord } from "../store/store";
import type { ConversationView, DraftField, QueueItem } from "./clerkProtocol";

/** A conversation as a line of the queue. */
export function queueItem(catalogue: Catalogue, record: ConversationRecord): QueueItem {
  const { state } = record;
  return {
    conversationId: record.id,
    unitId: state.unitId,
    status: state.status,
    reason: state.handoff?.reason ?? null,
    procedureId: state.flowId,
    procedureName: state.flowId ? (catalogue.flows.get(state.flowId)?.flow.name.vi ?? null) : null,
    unitName: catalogue.units.find((u) => u.id === state.unitId)?.nameVi ?? null,
    callback: state.callback !== null,
    waitingSince: state.handoff?.since ?? null,
    clerk: state.clerk,
  };
}

/**
 * What the console shows of a conversation: the transcript, and the draft dossier grouped like
 * the paper form with each field's provenance — the answers of the path the flow is on, in
 * the form's order, Vietnamese labels.
 */
export function conversationView(catalogue: Catalogue, record: ConversationRecord, transcript: ChatMessage[]): ConversationView {
  const { state } = record;
  const compiled = state.flowId ? catalogue.flows.get(state.flowId) : undefined;
  const draft: DraftField[] = [];
  const releaseTargets: { stepId: string; label: string }[] = [];
  const attachments: { stepId: string; attachmentId: string }[] = [];
  if (compiled) {
    for (const step of memoizedPathOf(compiled, state.answers)) {
      if (step.kind === "info" || step.kind === "branch" || step.kind === "submit" || step.kind === "unit") continue;
      if (step.kind === "review") {
        releaseTargets.push({ stepId: "review", label: "Xem lại trước khi nộp" });
        continue;
      }
      const answered = step.id in state.answers;
      const question = isQuestion(step) && !isCopied(step, state.answers);
      if (question) releaseTargets.push({ stepId: step.id, label: stepLabel(compiled, step, "vi") });
      if (step.kind === "upload" && typeof state.answers[step.id] === "string") attachments.push({ stepId: step.id, attachmentId: state.answers[step.id] as string });
      if (!answered && !question) continue;
      draft.push({
        key: step.id,
        label: stepLabel(compiled, step, "vi"),
        group: stepGroup(compiled, step),
        display: answered ? describeValue(step, state.answers[step.id], "vi") : "",
        source: state.sources[step.id] ?? null,
        editable: question && (step.kind === "ask" || step.kind === "choose" || step.kind === "confirm"),
      });
    }
  }
  return {
    conversationId: record.id,
    unitId: state.unitId,
    status: state.status,
    procedureId: state.flowId,
    procedureName: compiled?.flow.name.vi ?? null,
    stepId: state.stepId,
    // The clerk sees where the flow stands even while the bot is silent.
    progress: conversationProgress(catalogue, { ...state, status: "bot" }),
    clerk: state.clerk,
    dossierCode: state.dossierCode,
    transcript,
    draft,
    releaseTargets,
    attachments,
  };
}
