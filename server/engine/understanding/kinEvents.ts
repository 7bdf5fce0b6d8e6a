import { BIRTH, DEATH, type IntentSource } from "./intentTargets";
import { wordSet } from "./wordSet";

// A relative followed by "mất" died ("ba tôi mới mất"), but "mất" before a thing is "lost"
// or "takes" ("mất giấy khai sinh", "mất bao lâu"). A child or a wife followed by "sinh" was
// born or gave birth ("con tôi sinh được 20 ngày"), unless it is "sinh viên", "sinh nhật"…
export interface KinEvent extends IntentSource {
  /** The relatives one of whom, just before the event word, makes the event theirs. */
  readonly kin: ReadonlySet<string>;
  /** Words that, right after the event word, give it another meaning. */
  readonly notBefore: ReadonlySet<string>;
}

const DIED: KinEvent = {
  target: DEATH,
  weight: 3,
  kin: wordSet("ong ba bo me ma cha chong vo noi ngoai co chu bac di cau thim mo anh chi em con chau nguoi"),
  notBefore: wordSet(
    "giay so ban cccd cmnd can the vi ho tien phi bao may nhieu thoi het xe dien ngay lau cong khoang chung",
  ),
};
const BORN: KinEvent = {
  target: BIRTH,
  weight: 2.5,
  kin: wordSet("con be chau vo em"),
  // "em sinh năm 1995" gives an adult's year of birth; babies are dated by the day.
  notBefore: wordSet("vien nhat hoat song thai ly hoc nam"),
};

/** The event words ("mất", "sinh", "sanh") and what each says happened to a relative. */
export const KIN_EVENTS: ReadonlyMap<string, KinEvent> = new Map([
  ["mat", DIED],
  ["sinh", BORN],
  ["sanh", BORN],
]);
