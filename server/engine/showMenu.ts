import type { Localized } from "./localized";
import { STATUS_LOOKUP_FLOW_ID } from "./statusLookupFlowId";
import { TEXTS } from "./engineTexts";
import type { Turn } from "./turn";

/** The procedures as choices, then status lookup and a clerk. */
export function showMenu(turn: Turn, text: Localized, values: Record<string, string> = {}): void {
  const { catalogue } = turn;
  turn.state.pending = { kind: "chooseProcedure", options: [...catalogue.menu, STATUS_LOOKUP_FLOW_ID] };
  turn.say(turn.text(text, values), {
    choices: [
      ...catalogue.menu.map((id) => ({ label: catalogue.flows.get(id)!.flow.name[turn.state.locale], value: id })),
      { label: turn.text(TEXTS.statusLookupOption), value: STATUS_LOOKUP_FLOW_ID },
      { label: turn.text(TEXTS.humanOption), value: "cmd:human" },
    ],
  });
}
