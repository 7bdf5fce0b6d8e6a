import { defineFlow } from "./defineFlow";
import { ask, submit, t } from "./stepBuilders";

/**
 * Status lookup: the receipt code, then the phone number given in the dossier. A wrong phone
 * and an unknown code get the same answer, so codes cannot be enumerated.
 */
export const traCuuHoSo = defineFlow({
  id: "tra-cuu-ho-so",
  name: t("Tra cứu hồ sơ", "Application status"),
  producesDossier: false,
  submission: { online: true },
  steps: [
    ask(
      "receiptCode",
      "receiptCode",
      t("Bạn cho tôi mã hồ sơ (ví dụ HN-20261127-0042-K7QM)?", "Your receipt code (e.g. HN-20261127-0042-K7QM)?"),
      {
        example: t("Ví dụ: HN-20261127-0042-K7QM", "Example: HN-20261127-0042-K7QM"),
      },
    ),
    ask(
      "phone",
      "phone",
      t("Số điện thoại bạn đã khai trong hồ sơ?", "The phone number you gave in the application?"),
      {
        example: t("Ví dụ: 0912 345 678", "Example: 0912 345 678"),
      },
    ),
    submit(),
  ],
});
