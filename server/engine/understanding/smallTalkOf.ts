import type { SmallTalk } from "../../../flows/intentPhrases";
import type { IntentHit } from "./findIntentHits";
import type { IntentPhrase } from "./intentKeywordIndex";
import { GREETING, PROGRESS } from "./intentTargets";
import type { IntentTokens } from "./tokenizeIntent";
import { wordSet } from "./wordSet";

// Words that go with small talk without adding a need: whom it is said to, politeness,
// particles, "so much", "buổi tối", "đây là".
const ALONG_WITH_SMALL_TALK = wordSet(
  "a da vang oi nha nhe nhen ne ha ho hen nhi em anh chi ban co chu bac cau di ad admin minh toi tui nhieu lam " +
    "qua vay the ca nhau bot tro ly ao u you so much very buoi sang trua chieu xin hihi haha hehe ok roi nghen " +
    "thiet luon nguoi moi everyone all there guys ghe day la ta ua that troi phuong",
);
/** More words than this outside the small talk, and the message says something else. */
const MAX_OTHER_WORDS = 2;
// When several are said ("ok cảm ơn", "chào, bạn là ai"), the first of these is answered: the
// one that is more than a greeting.
const FIRST_ANSWERED: readonly SmallTalk[] = ["thanks", "goodbye", "kindWords", "whoAreYou", "hello", "okay"];

/** Thanks, kind words and goodbyes said this often make a message small talk however long it is. */
const WARM_WORDS_OF_A_THANK_YOU = 2;
const WARM: ReadonlySet<SmallTalk> = new Set(["thanks", "kindWords", "goodbye"]);

/**
 * What small talk a message is, when it is nothing else: "chào em", "cảm ơn nha", "bot hả",
 * "thank you so much". Null when there is none, or when other words say something more, unless
 * thanks and kind words come twice or more: a thank-you note tells what was done ("cảm ơn phường
 * đã giúp gia đình tôi làm giấy tờ tháng trước … chúc anh chị nhiều sức khỏe").
 */
export function smallTalkOf(tokens: IntentTokens, hits: readonly IntentHit[]): SmallTalk | null {
  const said = new Set<SmallTalk>();
  let others = 0;
  let warm = 0;
  let next = 0;
  // Hits come in order and share no word: the words between them are what else is said, and so
  // is a question when something is done ("bao giờ").
  for (const hit of hits) {
    if (hit.source.target === PROGRESS) continue;
    for (; next < hit.start; next++) if (!ALONG_WITH_SMALL_TALK.has(tokens.words[next]!)) others++;
    next = Math.max(next, hit.end);
    const smallTalk = (hit.source as Partial<IntentPhrase>).smallTalk;
    if (hit.source.target === GREETING && smallTalk) {
      said.add(smallTalk);
      if (WARM.has(smallTalk)) warm++;
    }
  }
  for (; next < tokens.words.length; next++) if (!ALONG_WITH_SMALL_TALK.has(tokens.words[next]!)) others++;
  if (others > MAX_OTHER_WORDS && warm < WARM_WORDS_OF_A_THANK_YOU) return null;
  return FIRST_ANSWERED.find((kind) => said.has(kind)) ?? null;
}
