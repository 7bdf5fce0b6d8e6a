import { h } from "../../widget/shared/dom";
import { CHANNEL_LABELS, TEXTS } from "./texts";

/**
 * "Zalo" in words, not a colour alone: the citizen reads the clerk's answers in Zalo, which
 * may hold them back (the header says when), so the clerk should know before writing.
 */
export function zaloBadge(): HTMLElement {
  return h("span", { class: "channel channel-zalo", title: TEXTS.zaloTitle }, [CHANNEL_LABELS.zalo]);
}
