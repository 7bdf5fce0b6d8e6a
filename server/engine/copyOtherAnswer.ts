import type { AskStep, Value } from "../../flows/flowTypes";
import { t, type Localized } from "./localized";
import type { Turn } from "./turn";
import { foldToWords } from "./understanding/foldDiacritics";

// Who "cùng địa chỉ với mẹ", "giống vợ", "như của tôi" points at, as the first word of the field names the flows
// give that person's answers (motherResidence, brideResidence, requesterResidence…).
const PERSONS: readonly { words: RegExp; prefixes: readonly string[]; name: Localized }[] = [
  { words: /\b(?:me|ma|ma ma|me be|me chau)$/, prefixes: ["mother"], name: t("mẹ", "the mother") },
  { words: /\b(?:cha|bo|ba|cha be|bo be)$/, prefixes: ["father"], name: t("cha", "the father") },
  { words: /\b(?:vo|co dau)$/, prefixes: ["bride"], name: t("vợ", "the wife") },
  { words: /\b(?:chong|chu re)$/, prefixes: ["groom"], name: t("chồng", "the husband") },
  {
    words: /\b(?:toi|em|minh|nguoi khai|nguoi yeu cau|con|chau)$/,
    prefixes: ["requester"],
    name: t("người khai", "the applicant"),
  },
];
// "cùng địa chỉ với mẹ", "giống của vợ", "y như chồng", "như trên", "same as the mother".
const SAME_AS = new RegExp(
  String.raw`^(?:(?:o|dia chi|noi cu tru|cung)\s+)?(?:cung|giong|nhu|y nhu|trung|giong het|same as)` +
    String.raw`(?:\s+(?:dia chi|noi o|noi cu tru|cho o|nha))?(?:\s+(?:voi|cua|nhu|of))?\s+(.+)$`,
);
/** What people of one family share and say so of: where they live, their ethnic group, their nationality. */
const SHARED_TYPES: ReadonlySet<string> = new Set(["address", "ethnicity", "nationality"]);
const ABOVE = /^(?:nhu|giong|y nhu|cung)\s+(?:tren|o tren|ben tren)$|^(?:same as above|as above)$/;

/**
 * An answer that points at another person's answer to the same kind of question ("cùng địa chỉ với mẹ",
 * "như trên") gets that answer, never the words typed; with what to tell the citizen. Null when the message
 * is no such reference, or the answer pointed at is not there (then the message is read as usual).
 */
export function copyOtherAnswer(turn: Turn, step: AskStep, text: string): { value: Value; told: string } | null {
  const flow = turn.flow;
  if (!flow || !SHARED_TYPES.has(step.type)) return null;
  const folded = foldToWords(text);
  const sameType = flow.flow.steps.filter(
    (other): other is AskStep => other.kind === "ask" && other.type === step.type && other.id !== step.id,
  );
  const answered = sameType.filter((other) => typeof turn.state.answers[other.id] === "string");
  let source: AskStep | undefined;
  let whose: string;
  if (ABOVE.test(folded)) {
    source = answered.filter((other) => turn.state.history.includes(other.id)).at(-1) ?? answered.at(-1);
    whose = turn.text(t("ở trên", "above"));
  } else {
    const pointed = SAME_AS.exec(folded)?.[1];
    const person = pointed ? PERSONS.find((p) => p.words.test(pointed)) : undefined;
    if (!person) return null;
    source = answered.find((other) => person.prefixes.some((prefix) => other.id.startsWith(prefix)));
    whose = turn.text(person.name);
  }
  if (!source) return null;
  const value = turn.state.answers[source.id] as string;
  return {
    value,
    told: turn.text(t(`Đã điền giống ${whose}: ${value}.`, `Filled in the same as ${whose}: ${value}.`)),
  };
}
