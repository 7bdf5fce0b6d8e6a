import type { Catalogue } from "../engine/catalogue";
import type { Clock } from "../engine/clock";
import type { ConversationState } from "../engine/conversationState";
import type { Effect, EngineInput, Reply } from "../engine/engineIO";
import { transition } from "../engine/transition";
import type { Dossier } from "../dossier/dossier";
import type { DossierService } from "../dossier/dossierService";

export interface TurnServices {
  dossiers: DossierService;
  /** Told when the engine asks for a clerk (the queue comes with the clerk console). */
  onClerkRequested?: (effect: Extract<Effect, { type: "requestClerk" }>) => void;
}

export interface TurnOutcome {
  state: ConversationState;
  replies: Reply[];
  effects: Effect[];
  /** The dossier this turn submitted, if it did. */
  dossier: Dossier | null;
}

/**
 * One citizen turn through the engine, with its effects run: a submitted dossier or a status
 * lookup comes back to the engine as a follow-up input, so that the citizen is told the
 * receipt code or the status in the same turn.
 */
export async function takeTurn(
  catalogue: Catalogue,
  state: ConversationState,
  input: EngineInput,
  clock: Clock,
  services: TurnServices,
): Promise<TurnOutcome> {
  const outcome: TurnOutcome = { state, replies: [], effects: [], dossier: null };
  const inputs: EngineInput[] = [input];
  for (let next = inputs.shift(); next !== undefined; next = inputs.shift()) {
    const result = transition(catalogue, outcome.state, next, clock);
    outcome.state = result.state;
    outcome.replies.push(...result.replies);
    outcome.effects.push(...result.effects);
    for (const effect of result.effects) {
      switch (effect.type) {
        case "submitDossier": {
          const dossier = await services.dossiers.submit(effect.draft, clock.now);
          outcome.dossier = dossier;
          inputs.push({ kind: "dossierSubmitted", code: dossier.code });
          break;
        }
        case "lookupStatus":
          inputs.push({ kind: "statusResult", result: await services.dossiers.lookupStatus(effect.code, effect.phone) });
          break;
        case "requestClerk":
          services.onClerkRequested?.(effect);
          break;
      }
    }
  }
  return outcome;
}
