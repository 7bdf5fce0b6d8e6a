import type { QueueItem } from "../../server/console/clerkProtocol";
import { h, removeChildren } from "../../widget/shared/dom";
import { formatWaiting, isUnheld, sortQueue } from "./consoleFormat";
import { REASON_LABELS, STATUS_LABELS, TEXTS } from "./texts";
import { zaloBadge } from "./zaloBadge";

export interface QueueNames {
  procedure(item: QueueItem): string;
  unit(unitId: string | null): string;
}

/** The left column: the live queue of the clerk's units. */
export class QueuePanel {
  readonly element: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly count: HTMLElement;
  private items: QueueItem[] = [];
  private selectedId: string | null = null;
  private unseen: ReadonlySet<string> = new Set();
  private readonly waitLabels = new Map<HTMLElement, string | null>();

  constructor(
    private readonly names: QueueNames,
    private readonly userId: () => string,
    private readonly onSelect: (conversationId: string) => void,
  ) {
    this.count = h("p", { class: "panel-sub", id: "queue-count" });
    // It scrolls: a tab stop under the panel's name, so that the keyboard scrolls it too.
    this.list = h("ul", { class: "queue-list", "aria-labelledby": "queue-title", tabindex: "0" });
    this.element = h("section", { class: "panel queue", "aria-labelledby": "queue-title" }, [
      h("header", { class: "panel-head" }, [h("h2", { id: "queue-title" }, [TEXTS.queueTitle]), this.count]),
      this.list,
    ]);
    this.list.addEventListener("keydown", (event) => this.onKey(event));
    this.render();
  }

  update(items: readonly QueueItem[], unseen: ReadonlySet<string>): void {
    this.items = sortQueue(items);
    this.unseen = unseen;
    this.render();
  }

  select(conversationId: string | null): void {
    this.selectedId = conversationId;
    for (const button of this.buttons()) {
      if (button.dataset.id === conversationId) button.setAttribute("aria-current", "true");
      else button.removeAttribute("aria-current");
    }
  }

  /** Every 30 s: waits are counted in minutes, a finer tick would only cost repaints. */
  tick(nowMs: number): void {
    for (const [element, since] of this.waitLabels) element.textContent = formatWaiting(since, nowMs);
  }

  private render(): void {
    const focusedId =
      document.activeElement instanceof HTMLButtonElement && this.list.contains(document.activeElement)
        ? document.activeElement.dataset.id
        : undefined;
    removeChildren(this.list);
    this.waitLabels.clear();
    const waiting = this.items.filter(isUnheld).length;
    this.count.textContent = TEXTS.queueWaiting(waiting);
    if (this.items.length === 0) {
      this.list.append(h("li", { class: "empty" }, [TEXTS.queueEmpty]));
      return;
    }
    const now = Date.now();
    for (const item of this.items) this.list.append(h("li", {}, [this.row(item, now)]));
    this.select(this.selectedId);
    if (focusedId)
      this.buttons()
        .find((b) => b.dataset.id === focusedId)
        ?.focus();
  }

  private row(item: QueueItem, now: number): HTMLButtonElement {
    const reason = item.reason ? REASON_LABELS[item.reason] : STATUS_LABELS[item.status];
    const wait = h("span", { class: "wait" }, [formatWaiting(item.waitingSince, now)]);
    this.waitLabels.set(wait, item.waitingSince);
    const holder = item.clerk
      ? item.clerk.id === this.userId()
        ? TEXTS.heldByYou
        : TEXTS.heldBy(item.clerk.name)
      : TEXTS.unheld;
    const isNew = this.unseen.has(item.conversationId);
    const button = h(
      "button",
      { type: "button", class: `queue-item${isUnheld(item) ? " unheld" : ""}`, "data-id": item.conversationId },
      [
        h("span", { class: "row" }, [
          h("span", { class: `reason reason-${item.reason ?? "none"}` }, [reason]),
          ...(item.channel === "zalo" ? [zaloBadge()] : []),
          ...(isNew ? [h("span", { class: "new" }, [TEXTS.newBadge])] : []),
          wait,
        ]),
        h("span", { class: "procedure" }, [this.names.procedure(item)]),
        h("span", { class: "row meta" }, [
          h("span", {}, [this.names.unit(item.unitId)]),
          h("span", { class: item.clerk ? "holder held" : "holder" }, [holder]),
        ]),
      ],
    );
    button.addEventListener("click", () => this.onSelect(item.conversationId));
    return button;
  }

  private buttons(): HTMLButtonElement[] {
    return Array.from(this.list.querySelectorAll<HTMLButtonElement>("button.queue-item"));
  }

  /** Up/Down, Home/End between items, from the list itself too; Tab goes through them and leaves the list. */
  private onKey(event: KeyboardEvent): void {
    const buttons = this.buttons();
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0 && document.activeElement !== this.list) return;
    const target = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, target))]?.focus();
  }
}
