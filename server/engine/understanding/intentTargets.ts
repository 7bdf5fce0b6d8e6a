import { INTENT_KEYWORDS } from "../../../flows/intentPhrases";

/**
 * What a message can ask for, numbered so that scores fit in one typed array: the procedures
 * in catalogue order, then a status lookup, a human, small talk and something another office
 * does; last, a question about when or whether something is done, which is a status lookup
 * only of a dossier said to be handed in.
 */
export const PROCEDURE_IDS = Object.keys(INTENT_KEYWORDS);
export const STATUS = PROCEDURE_IDS.length;
export const HUMAN = STATUS + 1;
export const GREETING = HUMAN + 1;
export const OUT_OF_SCOPE = GREETING + 1;
export const PROGRESS = OUT_OF_SCOPE + 1;
export const TARGETS = PROGRESS + 1;

/** The procedures some rules single out (born, died, a copy of a paper). */
export const BIRTH = PROCEDURE_IDS.indexOf("dang-ky-khai-sinh");
export const DEATH = PROCEDURE_IDS.indexOf("dang-ky-khai-tu");
export const COPY = PROCEDURE_IDS.indexOf("chung-thuc-ban-sao-tu-ban-chinh");

/** Whether the rules that read a thing asked for (papers, "want", done already) apply to a target. */
export const isAskedFor = (target: number): boolean => target < STATUS || target === OUT_OF_SCOPE;

/** Where a hit came from: repeating the same phrase adds nothing. */
export interface IntentSource {
  readonly target: number;
  readonly weight: number;
}
