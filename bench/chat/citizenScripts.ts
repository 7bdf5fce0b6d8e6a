import { ALL_FLOWS } from "../../flows/catalogue";
import { STATUS_LOOKUP_FLOW_ID } from "../../server/engine/statusLookupFlowId";
import { walkFlow } from "../../test/support/flowWalker";

/** One citizen message: a clicked choice, typed text, or a document photo to upload first. */
export type ScriptStep = { choice: string } | { text: string } | { upload: true };

export interface CitizenScript {
  procedureId: string;
  steps: readonly ScriptStep[];
}

/**
 * The answers that walk each of the 8 procedures to a dossier, as the tests' flow walker gives
 * them (`walkFlow(id).inputs`): the procedure's choice first, then one answer per question.
 * With a unit (the page's, sent in the handshake) the unit question is never asked.
 */
export function citizenScripts(unitId?: string): CitizenScript[] {
  return ALL_FLOWS.filter((flow) => flow.id !== STATUS_LOOKUP_FLOW_ID).map((flow) => {
    const walk = walkFlow(flow.id, unitId ? { unitId } : {});
    if (!walk.draft) throw new Error(`the flow walker no longer reaches ${flow.id}'s dossier`);
    const steps = walk.inputs.map((input): ScriptStep => {
      switch (input.kind) {
        case "choice":
          return { choice: input.value };
        case "text":
          return { text: input.text };
        case "attachment":
          return { upload: true };
        default:
          throw new Error(`the chat benchmark cannot send a ${input.kind} input (${flow.id})`);
      }
    });
    return { procedureId: flow.id, steps };
  });
}
