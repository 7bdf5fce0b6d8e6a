import type { SmallTalk } from "../../../flows/intentPhrases";
import { HUMAN, OUT_OF_SCOPE, PROCEDURE_IDS, PROGRESS, STATUS } from "./intentTargets";
import type { IntentMatch } from "./matchIntent";

/** Evidence at which a procedure is started without asking, and its lead over the next. */
const CONFIDENT_SCORE = 3;
const CONFIDENT_LEAD = 1.75;
const MIN_CANDIDATE_SCORE = 1;
/** A person asked for this plainly is given, whatever the message is about. */
const PLAIN_HUMAN = 4;
/**
 * A question when something is done, with nothing else named, is about a dossier handed in:
 * "bao giờ lấy được vậy", "bên mình nhận được hồ sơ của em chưa". One progress word alone
 * ("khi nào") is not enough; two, or one with a dossier, are.
 */
const PROGRESS_ALONE = 1.25;
const PROGRESS_WITH_DOSSIER = 2;
/** Words named beside the keywords that make a bare "thủ tục", "xin cấp" a service asked for. */
const OTHER_SERVICE_WORDS = 2;

/** What else the message says, besides the evidence for each target. */
export interface IntentSignals {
  /** Small talk, when the message is nothing more. */
  readonly smallTalk: SmallTalk | null;
  /** The message says a dossier was handed in already, and asks when or whether it is done. */
  readonly filed: boolean;
  /** The message asks when or whether something is done ("bao giờ lấy được", "xong chưa"). */
  readonly asks: boolean;
  /** How many words the message names beside the keywords and the small words of a question. */
  readonly otherWords: number;
}

/**
 * What a message asks for, from the evidence for each target: a human or a status lookup
 * when said strongly enough against the best procedure, something another office does when
 * it outweighs every procedure, else the procedures named (at most three, best first), else
 * small talk, else a weak signal, else nothing.
 */
export function decideIntent(byTarget: Float64Array, signals: IntentSignals): IntentMatch {
  const candidates = PROCEDURE_IDS.map((procedureId, target) => ({ procedureId, score: byTarget[target]! }))
    .filter((c) => c.score >= MIN_CANDIDATE_SCORE)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((c) => ({ procedureId: c.procedureId, score: Math.round(c.score * 100) / 100 }));
  const best = candidates[0]?.score ?? 0;
  const human = byTarget[HUMAN]!;
  const status = byTarget[STATUS]!;
  const elsewhere = byTarget[OUT_OF_SCOPE]!;

  if (human >= PLAIN_HUMAN) return { kind: "human" };
  // "tổng đài hay máy tự động vậy" asks who answers; "phản ánh đèn đường hư" is for another office.
  const asksWhoAnswers = signals.smallTalk === "whoAreYou";
  if (human >= 3 && human >= 0.75 * best && human >= elsewhere && !asksWhoAnswers) return { kind: "human" };
  // Handed in already and asked about: where it is, whichever procedure it was for.
  if (signals.filed || (status >= 3 && status >= 0.75 * best)) return { kind: "statusLookup" };
  if (elsewhere >= 3 && elsewhere > best) return { kind: "outOfScope" };
  if (best >= 2 || (best > 0 && !signals.smallTalk)) {
    const second = candidates[1]?.score ?? 0;
    const confident = best >= CONFIDENT_SCORE && best >= CONFIDENT_LEAD * second && best >= 1.25 * elsewhere;
    return { kind: "procedure", candidates, confident };
  }
  if (signals.smallTalk) return { kind: "greeting", smallTalk: signals.smallTalk };
  // Weak signals decide only when no procedure is named: "tra cứu", a bare "nhân viên", and
  // "thủ tục xin cấp phép bắn pháo hoa", some service that is none of the eight.
  if (status >= 2) return { kind: "statusLookup" };
  const progress = byTarget[PROGRESS]!;
  if (signals.asks && elsewhere < 3 && (progress >= PROGRESS_ALONE || status + progress >= PROGRESS_WITH_DOSSIER)) {
    return { kind: "statusLookup" };
  }
  if (human >= 1.5) return { kind: "human" };
  if (elsewhere > 0 && signals.otherWords >= OTHER_SERVICE_WORDS) return { kind: "outOfScope" };
  return { kind: "none" };
}
