import { BIRTH, DEATH, type IntentSource } from "./intentTargets";
import { wordSet } from "./wordSet";

// A relative followed by "mất" died ("ba tôi mới mất"), but "mất" before a thing is "lost"
// or "takes" ("mất giấy khai sinh", "mất bao lâu"). A child or a wife followed by "sinh" was
// born or gave birth ("con tôi sinh được 20 ngày"), unless it is "sinh viên", "sinh nhật"…
export interface KinEvent extends IntentSource {
  /** The relatives one of whom, just before the event word, makes the event theirs. */
  readonly kin: ReadonlySet<string>;
  /** Words that, right after the event word in its clause, give it another meaning. */
  readonly notBefore: ReadonlySet<string>;
  /** Of those words, the ones that keep the event's meaning when this follows them ("mất vì bệnh"). */
  readonly stillWhen?: ReadonlyMap<string, ReadonlySet<string>>;
  /** A word the event needs right after it ("ổng đi rồi"), when it has one. */
  readonly needsNext?: string;
  /** A word that, right before the event word, is not the relative ("có mặt" is not "cô mất"). */
  readonly notRightAfter?: ReadonlySet<string>;
}

const DIED_KIN = wordSet(
  "ong ba bo me ma cha tia chong vo noi ngoai co chu bac di cau thim mo anh chi em con chau nguoi",
);

const DIED: KinEvent = {
  target: DEATH,
  weight: 3,
  kin: DIED_KIN,
  notBefore: wordSet(
    "giay so ban cccd cmnd can the vi ho tien phi bao may nhieu thoi het xe dien ngay lau cong khoang chung " +
      "bang ngu song tich viec cap trom goc dau",
  ),
  // "mất vì bệnh" is "died of an illness", "mất ví" a lost wallet: both fold to "mat vi".
  stillWhen: new Map([["vi", wordSet("benh tai ung dot covid gia tuoi")]]),
  notRightAfter: wordSet("co"),
};
const PASSED_ON: KinEvent = { ...DIED, notBefore: wordSet("mat bong"), weight: 3 };
// "ổng đi rồi", "ông đã đi rồi": said of an elder, going for good.
const GONE: KinEvent = {
  target: DEATH,
  weight: 2.5,
  kin: wordSet("ong ba bo me ma cha tia cu noi ngoai"),
  notBefore: wordSet(""),
  needsNext: "roi",
};
const BORN: KinEvent = {
  target: BIRTH,
  weight: 2.5,
  kin: wordSet("con be chau vo em ba ma me chi"),
  // "em sinh năm 1995" gives an adult's year of birth; babies are dated by the day.
  notBefore: wordSet("vien nhat hoat song thai ly hoc nam"),
};
const DIED_IN_ENGLISH: KinEvent = {
  target: DEATH,
  weight: 3,
  kin: wordSet(
    "dad father mom mother grandfather grandmother grandpa grandma husband wife brother sister son daughter uncle aunt",
  ),
  notBefore: wordSet("exam test"),
};
const BORN_IN_ENGLISH: KinEvent = {
  target: BIRTH,
  weight: 2.5,
  kin: wordSet("daughter son baby child kid twins grandchild grandson granddaughter boy girl"),
  notBefore: wordSet(""),
};

/** The event words ("mất", "sinh", "sanh", "born", "passed"…) and what each says happened to a relative. */
export const KIN_EVENTS: ReadonlyMap<string, KinEvent> = new Map([
  ["mat", DIED],
  ["khuat", PASSED_ON],
  ["di", GONE],
  ["sinh", BORN],
  ["sanh", BORN],
  ["born", BORN_IN_ENGLISH],
  ["passed", DIED_IN_ENGLISH],
  ["died", DIED_IN_ENGLISH],
]);

/** Whether the words after an event word at `i` leave it its meaning, within the clause ending at `clauseEnd`. */
export function keepsMeaning(event: KinEvent, words: readonly string[], i: number, clauseEnd: number): boolean {
  const next = i + 1 < clauseEnd ? words[i + 1]! : "";
  if (event.needsNext !== undefined && next !== event.needsNext) return false;
  if (!event.notBefore.has(next)) return true;
  const after = i + 2 < clauseEnd ? words[i + 2]! : "";
  return event.stillWhen?.get(next)?.has(after) === true;
}
