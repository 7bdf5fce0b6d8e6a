import type { CodedText } from "../codedTexts";

/** Why a conversation may not be handed over to a named clerk, as the console tells it. */
export const HANDOFF_REFUSAL_TEXTS = {
  "CONSOLE_REFUSED.notAColleague": { vi: "Chọn một cán bộ khác của đơn vị.", en: "Choose another clerk of the unit." },
  "CONSOLE_REFUSED.colleagueAway": {
    vi: (p: { name: string }) => `Cán bộ ${p.name} không mở bàn làm việc; chọn người khác.`,
    en: (p: { name: string }) => `${p.name} is not signed in.`,
  },
} as const satisfies Readonly<Record<string, CodedText>>;
