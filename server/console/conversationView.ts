import type { Dossier } from "../dossier/dossier";
import type { Catalogue, CompiledFlow } from "../engine/catalogue";
import { conversationProgress } from "../engine/conversationProgress";
import type { ConversationState } from "../engine/conversationState";
import { describeValue } from "../engine/describeValue";
import { isCopied, isQuestion, memoizedPathOf } from "../engine/flowPath";
import { identityAtCurrentStep } from "../engine/identityGroups";
import { stepGroup, stepLabel } from "../engine/stepLabel";
import type { ChatMessage } from "../channels/web/protocol";
import type { ConversationRecord, NoteRecord } from "../store/store";
import type { ChannelContactView, ConversationView, DraftField, QueueItem } from "./clerkProtocol";

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
    channel: record.channel,
  };
}

/** What the draft walk finds along the path the answers take through a flow. */
interface DraftWalk {
  draft: DraftField[];
  releaseTargets: { stepId: string; label: string }[];
  attachments: { stepId: string; attachmentId: string }[];
}

/**
 * The fields of the path the flow is on, in the form's order, grouped like the paper form,
 * Vietnamese labels, each with its provenance; with the steps a clerk can hand back to and
 * the uploaded files.
 */
function walkDraft(
  compiled: CompiledFlow,
  answers: ConversationState["answers"],
  sources: ConversationState["sources"],
): DraftWalk {
  const walk: DraftWalk = { draft: [], releaseTargets: [], attachments: [] };
  for (const step of memoizedPathOf(compiled, answers)) {
    if (step.kind === "info" || step.kind === "branch" || step.kind === "submit" || step.kind === "unit") continue;
    if (step.kind === "review") {
      walk.releaseTargets.push({ stepId: "review", label: "Xem lại trước khi nộp" });
      continue;
    }
    const answered = step.id in answers;
    const question = isQuestion(step) && !isCopied(step, answers);
    if (question) walk.releaseTargets.push({ stepId: step.id, label: stepLabel(compiled, step, "vi") });
    if (step.kind === "upload" && typeof answers[step.id] === "string")
      walk.attachments.push({ stepId: step.id, attachmentId: answers[step.id] as string });
    if (!answered && !question) continue;
    walk.draft.push({
      key: step.id,
      label: stepLabel(compiled, step, "vi", answers[step.id]),
      group: stepGroup(compiled, step),
      display: answered ? describeValue(step, answers[step.id], "vi") : "",
      source: sources[step.id] ?? null,
      editable: question && (step.kind === "ask" || step.kind === "choose" || step.kind === "confirm"),
    });
  }
  return walk;
}

/**
 * What the console shows of a conversation: the transcript, and the draft dossier grouped like
 * the paper form with each field's provenance.
 */
export function conversationView(
  catalogue: Catalogue,
  record: ConversationRecord,
  transcript: ChatMessage[],
  notes: readonly NoteRecord[],
  contact: ChannelContactView | null = null,
): ConversationView {
  const { state } = record;
  const compiled = state.flowId ? catalogue.flows.get(state.flowId) : undefined;
  const { draft, releaseTargets, attachments } = compiled
    ? walkDraft(compiled, state.answers, state.sources)
    : { draft: [], releaseTargets: [], attachments: [] };
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
    identityAsked: identityAsked(catalogue, state),
    notes: notes.map((n) => ({ id: n.id, at: n.at, author: { id: n.authorId, name: n.authorName }, text: n.text })),
    channel: record.channel,
    contact,
  };
}

/** The person a card read at the counter would be for: the bot's question when the clerk took over. */
function identityAsked(catalogue: Catalogue, state: ConversationState): ConversationView["identityAsked"] {
  if (state.status !== "with_clerk" || state.pending !== null) return null;
  const group = identityAtCurrentStep(catalogue, state);
  return group ? { person: group.person.vi } : null;
}

/**
 * A submitted dossier's fields as the draft panel shows them, read from the dossier itself:
 * the conversation may have moved on to another procedure since. None is editable any more.
 */
export function submittedDraft(catalogue: Catalogue, dossier: Dossier): DraftField[] {
  const compiled = catalogue.flows.get(dossier.procedureId);
  if (!compiled) return [];
  // The submission choices were answers too, and branches of the flow read them.
  const answers = { ...dossier.fields, ...dossier.submission };
  return walkDraft(compiled, answers, dossier.provenance).draft.map((field) => ({ ...field, editable: false }));
}
