import type { IdentityCardReading } from "./engineIO";
import { fill } from "./engineTexts";
import { showCard } from "./identityCard";
import { identityAtCurrentStep } from "./identityGroups";
import { CARD_UNREAD_TEXTS, IDENTITY_TEXTS } from "./identityTexts";
import { t } from "./localized";
import type { Turn } from "./turn";

const SEX_EN = { Nam: "Male", Nữ: "Female" } as const;

/**
 * An ID card the clerk holding the conversation read at the counter (the office's webcam, a photo of it),
 * for the person whose identity the bot was asking when the clerk took over. It is shown to the citizen
 * exactly as a card they sent, and only their "Đúng, điền giúp tôi" fills the fields, as with a field the
 * clerk fills. A card that gave nothing, or is not that person's, is the clerk's to scan again: refused
 * to the clerk, the citizen told nothing.
 */
export function clerkIdentityCard(turn: Turn, reading: IdentityCardReading): void {
  const { state } = turn;
  if (state.status !== "with_clerk") {
    turn.refused = {
      code: "CLERK_NOT_HOLDING",
      message: t("Cán bộ chưa nhận cuộc trò chuyện này.", "No clerk holds this conversation."),
    };
    return;
  }
  const group = identityAtCurrentStep(turn.catalogue, state);
  if (!group) {
    turn.refused = {
      code: "CLERK_NO_IDENTITY_ASKED",
      message: t(
        "Câu hỏi hiện tại không hỏi thông tin CCCD của ai, nên không dùng thẻ vừa quét.",
        "The current question asks for nobody's ID card details, so the card scanned was not used.",
      ),
    };
    return;
  }
  if (!reading.ok) {
    turn.refused = { code: "CLERK_CARD_UNREAD", message: CARD_UNREAD_TEXTS[reading.reason] };
    return;
  }
  const { identity } = reading;
  if (group.sex && identity.sex !== group.sex) {
    turn.refused = {
      code: "CLERK_CARD_WRONG_PERSON",
      message: {
        vi: fill(IDENTITY_TEXTS.wrongSex.vi, { sex: identity.sex, person: group.person.vi }),
        en: fill(IDENTITY_TEXTS.wrongSex.en, { sex: SEX_EN[identity.sex], person: group.person.en }),
      },
    };
    return;
  }
  showCard(turn, group, identity);
}
