import type { CodedTexts } from "../codedTexts";
import { t, type Localized } from "../engine/localized";
import type { PostalStatus } from "./dossier";

/** A postal status as the clerk's list and the citizen read it, and what the citizen is told when it is reached. */
export interface PostalStatusText {
  name: Localized;
  told: Localized;
}

export const POSTAL_STATUS_TEXTS: Readonly<Record<PostalStatus, PostalStatusText>> = {
  to_pick_up: {
    name: t("chờ bưu điện đến nhận hồ sơ", "awaiting postal pickup"),
    told: t(
      "Bưu tá sẽ gọi điện trước khi đến nhận hồ sơ tại địa chỉ bạn đã đăng ký.",
      "The postman will call before coming to collect your papers at the address you gave.",
    ),
  },
  picked_up: {
    name: t("bưu điện đã nhận hồ sơ tại nhà", "papers collected by the post office"),
    told: t(
      "Bưu điện đang chuyển hồ sơ giấy của bạn về bộ phận Một cửa; bạn sẽ được báo khi hồ sơ được tiếp nhận.",
      "The post office is taking your papers to the one-stop shop; you will be told when they are received.",
    ),
  },
  to_deliver: {
    name: t("kết quả đã giao bưu điện để trả tại nhà", "result handed to the post office for delivery"),
    told: t(
      "Bưu tá sẽ gọi điện trước khi mang kết quả đến địa chỉ bạn đã đăng ký; nhớ mang theo CCCD khi nhận.",
      "The postman will call before bringing the result to your address; have your ID card ready.",
    ),
  },
  returned: {
    name: t("bưu điện đã trả kết quả tại nhà", "result delivered by post"),
    told: t("Cảm ơn bạn đã sử dụng dịch vụ bưu chính công ích.", "Thank you for using the public postal service."),
  },
};

interface PostalMoveParams {
  code: string;
  from: PostalStatus;
  to: PostalStatus;
  next: PostalStatus | null;
}

const vi = (status: PostalStatus) => POSTAL_STATUS_TEXTS[status].name.vi;
const en = (status: PostalStatus) => POSTAL_STATUS_TEXTS[status].name.en;

/** Why a postal move was refused, by code (docs/protocol.md, "Postal list"); nothing was changed. */
export const POSTAL_MOVE_TEXTS = {
  POSTAL_NOT_POSTAL: {
    vi: (p: { code: string }) => `Hồ sơ ${p.code} không nộp hay nhận kết quả qua bưu điện.`,
    en: (p: { code: string }) => `Dossier ${p.code} is neither submitted nor returned by post.`,
  },
  POSTAL_MOVE_INVALID: {
    vi: (p: PostalMoveParams) =>
      `Không chuyển được hồ sơ ${p.code} từ "${vi(p.from)}" sang "${vi(p.to)}": trạng thái bưu chính chỉ đi tiếp ` +
      (p.next ? `từng bước, bước tiếp theo là "${vi(p.next)}".` : "từng bước, và hồ sơ đã ở bước cuối."),
    en: (p: PostalMoveParams) =>
      `Cannot move ${p.code} from "${en(p.from)}" to "${en(p.to)}": postal statuses go forward one step at a time` +
      (p.next ? `; the next one is "${en(p.next)}".` : ", and this one is at its last."),
  },
  POSTAL_RESULT_NOT_READY: {
    vi: (p: { code: string }) =>
      `Hồ sơ ${p.code} chưa có kết quả; chuyển hồ sơ sang "đã có kết quả" trước khi giao bưu điện trả.`,
    en: (p: { code: string }) =>
      `Dossier ${p.code} has no result yet; mark it "result ready" before handing it to the post office.`,
  },
} as const satisfies CodedTexts;
