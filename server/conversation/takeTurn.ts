import type { Catalogue } from "../engine/catalogue";
import type { Clock } from "../engine/clock";
import type { ConversationState } from "../engine/conversationState";
import type { Effect, EngineInput, Reply } from "../engine/engineIO";
import { transition } from "../engine/transition";
import type { Dossier } from "../dossier/dossier";
import type { DossierService } from "../dossier/dossierService";
import type { CounterClaim } from "../store/store";

export interface TurnServices {
  dossiers: DossierService;
  /** Who is asking (an IP, a channel's user id, a clerk): status lookup limits count per requester. */
  requester: string;
}

export interface TurnOutcome {
  state: ConversationState;
  replies: Reply[];
  effects: Effect[];
  /** The dossier this turn submitted, if it did. */
  dossier: Dossier | null;
  /** The receipt number the dossier's code took, to be claimed by the turn's commit. */
  claim: CounterClaim | null;
  /** Why a clerk's input was refused; nothing changed. */
  refused?: { code: string; message: { vi: string; en: string } };
}

/**
 * One citizen turn through the engine, with the effects the engine waits for resolved: a
 * dossier gets its receipt code and a status lookup its answer, fed back as follow-up inputs
 * so that the citizen is told the code or the status in the same turn. Effects that need
 * nothing back (asking for a clerk) are returned for the caller to run once the turn is saved.
 */
export async function takeTurn(
  catalogue: Catalogue,
  state: ConversationState,
  input: EngineInput,
  clock: Clock,
  services: TurnServices,
): Promise<TurnOutcome> {
  const outcome: TurnOutcome = { state, replies: [], effects: [], dossier: null, claim: null };
  const inputs: EngineInput[] = [input];
  for (let next = inputs.shift(); next !== undefined; next = inputs.shift()) {
    const result = transition(catalogue, outcome.state, next, clock);
    if (result.refused) return { ...outcome, refused: result.refused };
    outcome.state = result.state;
    outcome.replies.push(...result.replies);
    outcome.effects.push(...result.effects);
    for (const effect of result.effects) {
      switch (effect.type) {
        case "submitDossier": {
          const { dossier, claim } = await services.dossiers.register(effect.draft, clock.now);
          outcome.dossier = dossier;
          outcome.claim = claim;
          inputs.push({
            kind: "dossierSubmitted",
            code: dossier.code,
            ...(dossier.dueDate ? { dueDate: dossier.dueDate } : {}),
          });
          break;
        }
        case "lookupStatus":
          inputs.push({
            kind: "statusResult",
            result: await services.dossiers.lookupStatus(effect.code, effect.phone, services.requester),
          });
          break;
      }
    }
  }
  return outcome;
}
