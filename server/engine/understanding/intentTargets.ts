import { INTENT_KEYWORDS } from "../../../flows/intentPhrases";

/**
 * What a message can ask for, numbered so that scores fit in one typed array: the procedures
 * in catalogue order, then a status lookup, then a human.
 */
export const PROCEDURE_IDS = Object.keys(INTENT_KEYWORDS);
export const STATUS = PROCEDURE_IDS.length;
export const HUMAN = STATUS + 1;
export const TARGETS = HUMAN + 1;

/** The procedures some rules single out (born, died, a copy of a paper). */
export const BIRTH = PROCEDURE_IDS.indexOf("dang-ky-khai-sinh");
export const DEATH = PROCEDURE_IDS.indexOf("dang-ky-khai-tu");
export const COPY = PROCEDURE_IDS.indexOf("chung-thuc-ban-sao-tu-ban-chinh");

/** Where a hit came from: repeating the same phrase adds nothing. */
export interface IntentSource {
  readonly target: number;
  readonly weight: number;
}
