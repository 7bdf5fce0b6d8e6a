import type { Flow } from "./flowTypes";

/**
 * Declares a flow. The definition is plain data; it is checked when the catalogue is built
 * at start-up (unknown targets, unreachable steps, uncovered form fields…), where a mistake
 * stops the start with the flow and step named.
 *
 * @example
 * export const example = defineFlow({
 *   id: "dang-ky-khai-tu", name: t("Đăng ký khai tử", "Death registration"),
 *   producesDossier: true, submission: { online: true },
 *   steps: [ask("deceasedFullName", "name", t("Họ tên người mất?", "Name of the deceased?")), review(), submit()],
 * });
 */
export function defineFlow<const F extends Flow>(flow: F): F {
  return Object.freeze(flow);
}
