import type { IntentMatch } from "../../server/engine/understanding/matchIntent";
import type { IntentLabel, LabelledMessage } from "./intentCorpus";

/** The kind of match each label other than a procedure stands for. */
const KIND_OF_LABEL: Partial<Record<IntentLabel, string>> = {
  status: "statusLookup",
  human: "human",
  greeting: "greeting",
  "out-of-scope": "outOfScope",
  none: "none",
};

/** How one message fared: its label first, among the first three, or a procedure started that should not be. */
export interface MessageOutcome {
  readonly top1: boolean;
  readonly top3: boolean;
  /** A message not about a procedure of this assistant started one without asking. */
  readonly startedWrongly: boolean;
}

export function outcomeOf(message: LabelledMessage, match: IntentMatch): MessageOutcome {
  const kind = KIND_OF_LABEL[message.expected];
  if (kind === undefined) {
    const ids = match.kind === "procedure" ? match.candidates.map((c) => c.procedureId) : [];
    return { top1: ids[0] === message.expected, top3: ids.includes(message.expected), startedWrongly: false };
  }
  const right = match.kind === kind && (message.code === undefined || ("code" in match && match.code === message.code));
  const started = match.kind === "procedure" && match.confident;
  return { top1: right, top3: right, startedWrongly: started };
}

/** Top-1 and top-3 of a batch, as "top-1 93.3% (140/150), top-3 …", plus the wrong starts. */
export function figuresOf(outcomes: readonly MessageOutcome[]): string {
  const n = outcomes.length;
  const count = (pick: (o: MessageOutcome) => boolean) => outcomes.filter(pick).length;
  const percent = (k: number) => `${((100 * k) / Math.max(n, 1)).toFixed(1)}% (${k}/${n})`;
  return (
    `top-1 ${percent(count((o) => o.top1))}, top-3 ${percent(count((o) => o.top3))}, ` +
    `procedures started wrongly ${count((o) => o.startedWrongly)}`
  );
}
