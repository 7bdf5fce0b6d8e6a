import type { IntentHit } from "./findIntentHits";
import type { IntentTokens } from "./tokenizeIntent";
import { wordSet } from "./wordSet";

// The small words of any question: who asks and for whom, where and how, politeness and
// particles; a service asked for needs more than these ("đăng ký online cho chồng" names none).
const QUESTION_WORDS = wordSet(
  "cho hoi toi tui em minh anh chi ban co chu bac khong duoc lam sao the nao gi chi o dau ve voi va la thi can " +
    "muon xin giup nhe nha a da vang vay ha nhu ai khi roi moi di den tai cua nhung cac nay do kia day phai " +
    "ra len vao con bi nen neu vo chong be me ba bo cha ma tia ong chau nha gia dinh online mang truc tuyen " +
    "phuong xa ubnd mot giay to ho so how do does we you to for where what can need want get please it",
);

/**
 * How many words of a message are neither part of a keyword phrase nor the small words every
 * question has: what it names beside what the matcher knows ("xin cấp phép bắn pháo hoa" names
 * "bắn pháo hoa"; "cho hỏi thủ tục" names nothing).
 */
export function wordsBesideKeywords(tokens: IntentTokens, hits: readonly IntentHit[]): number {
  const { words } = tokens;
  let count = 0;
  let next = 0;
  const countUpTo = (end: number): void => {
    for (; next < end; next++) if (!QUESTION_WORDS.has(words[next]!) && !/^\d+$/.test(words[next]!)) count++;
  };
  for (const hit of hits) {
    countUpTo(hit.start);
    next = Math.max(next, hit.end);
  }
  countUpTo(words.length);
  return count;
}
