import type { StatusText } from "../engine/engineIO";
import type { DossierStatus } from "./dossier";

/** How a dossier's status reads to the citizen, and what happens next. */
export const STATUS_TEXTS: Readonly<Record<DossierStatus, StatusText>> = {
  submitted: {
    name: { vi: "đã nộp, chờ tiếp nhận", en: "submitted, awaiting reception" },
    next: { vi: "Cán bộ sẽ kiểm tra và tiếp nhận hồ sơ.", en: "A clerk will check and receive it." },
  },
  received: {
    name: { vi: "đã tiếp nhận", en: "received" },
    next: { vi: "Hồ sơ sẽ được chuyển xử lý.", en: "It will be processed next." },
  },
  processing: {
    name: { vi: "đang xử lý", en: "being processed" },
    next: { vi: "Bạn sẽ được báo khi có kết quả.", en: "You will be told when the result is ready." },
  },
  needs_more_info: {
    name: { vi: "cần bổ sung", en: "needs more information" },
    next: { vi: "Vui lòng liên hệ cán bộ để bổ sung hồ sơ.", en: "Please contact the clerk to complete it." },
  },
  done: {
    name: { vi: "đã có kết quả", en: "result ready" },
    next: { vi: "Bạn có thể nhận kết quả theo hình thức đã chọn.", en: "You can receive the result as you chose." },
  },
  returned: { name: { vi: "đã trả kết quả", en: "result delivered" }, next: { vi: "", en: "" } },
  rejected: {
    name: { vi: "bị từ chối", en: "rejected" },
    next: { vi: "Vui lòng liên hệ cán bộ để biết lý do.", en: "Please contact the clerk for the reason." },
  },
};
