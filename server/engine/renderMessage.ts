import type { Turn } from "./turn";

/**
 * Renders a message template (`templates/messages/NAME.LOCALE.hbs`, compiled once when the
 * catalogue is built) with what the turn knows: the procedure's facts, the unit, the city.
 */
export function renderMessage(name: string, turn: Turn): string {
  const template = turn.catalogue.messages.get(name);
  if (!template) {
    throw new Error(`FLOW_TEMPLATE_NOT_FOUND: no message template "${name}" (flow "${turn.state.flowId}")`);
  }
  return template[turn.state.locale](messageContext(turn)).trim();
}

function messageContext(turn: Turn): Record<string, unknown> {
  const compiled = turn.flow;
  const facts = compiled?.facts ?? null;
  return {
    locale: turn.state.locale,
    flowName: compiled?.flow.name[turn.state.locale] ?? "",
    city: turn.catalogue.city,
    unit: turn.unit,
    procedure: facts,
    // Strict templates need every key present, set or not.
    overrides: { fee: compiled?.overrides.fee ?? null, processingTime: compiled?.overrides.processingTime ?? null },
    online: compiled?.flow.submission.online ?? true,
    offlineReason: compiled?.flow.submission.offlineReason?.[turn.state.locale] ?? null,
  };
}
