import type { Dossier } from "../dossier/dossier";
import type { ConversationState } from "../engine/conversationState";
import type { Reply } from "../engine/engineIO";

/** One turn as the terminal chat's `--json` mode prints it (see the README). */
export interface TurnJson {
  conversation: {
    status: ConversationState["status"];
    procedureId: string | null;
    stepId: string | null;
    progress: { step: number; total: number } | null;
  };
  replies: { text: string; choices: { label: string; value: string }[] }[];
  dossier?: { code: string; procedureId: string; status: string; fields: Dossier["fields"] };
}

export function turnJson(state: ConversationState, replies: readonly Reply[], dossier: Dossier | null): TurnJson {
  const procedureId = state.flowId;
  const last = [...replies].reverse().find((r) => r.progress !== null);
  return {
    conversation: {
      status: state.status,
      procedureId,
      stepId: state.stepId,
      progress: state.status === "bot" && procedureId !== null ? (last?.progress ?? null) : null,
    },
    replies: replies.map((r) => ({ text: r.text, choices: r.choices ?? [] })),
    ...(dossier
      ? {
          dossier: {
            code: dossier.code,
            procedureId: dossier.procedureId,
            status: dossier.status,
            fields: dossier.fields,
          },
        }
      : {}),
  };
}
