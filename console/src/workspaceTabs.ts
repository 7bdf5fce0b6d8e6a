import { h } from "../../widget/shared/dom";

export interface WorkspaceTab {
  id: string;
  label: string;
  /** Shown while its tab is selected; it gets the tab panel's role and label. */
  panel: HTMLElement;
}

/**
 * The workspace's views as tabs, after the WAI-ARIA tabs pattern: one tab stop, arrows and
 * Home/End move between the tabs and show theirs at once. A hidden view keeps running.
 */
export class WorkspaceTabs {
  readonly element: HTMLElement;
  private readonly buttons = new Map<string, HTMLButtonElement>();
  private readonly counts = new Map<string, HTMLElement>();
  private current: string;

  constructor(
    private readonly tabs: readonly WorkspaceTab[],
    label: string,
    private readonly onSelect: (id: string) => void,
  ) {
    this.current = tabs[0]!.id;
    this.element = h("div", { class: "tabs", role: "tablist", "aria-label": label });
    for (const tab of tabs) {
      const tabId = `tab-${tab.id}`;
      tab.panel.id ||= `panel-${tab.id}`;
      tab.panel.setAttribute("role", "tabpanel");
      tab.panel.setAttribute("aria-labelledby", tabId);
      const count = h("span", { class: "tab-count", hidden: true });
      const button = h(
        "button",
        { type: "button", role: "tab", id: tabId, class: "tab", "aria-controls": tab.panel.id },
        [tab.label, count],
      );
      button.addEventListener("click", () => this.select(tab.id));
      button.addEventListener("keydown", (event) => this.onKey(event, tab.id));
      this.buttons.set(tab.id, button);
      this.counts.set(tab.id, count);
      this.element.append(button);
    }
    this.show();
  }

  get selected(): string {
    return this.current;
  }

  select(id: string, focus = false): void {
    if (!this.buttons.has(id)) return;
    const changed = id !== this.current;
    this.current = id;
    this.show();
    if (focus) this.buttons.get(id)!.focus();
    if (changed) this.onSelect(id);
  }

  /** A number beside the tab's name (waiting citizens), hidden at 0: seen from the other view. */
  setCount(id: string, n: number): void {
    const count = this.counts.get(id);
    if (!count) return;
    count.textContent = String(n);
    count.hidden = n === 0;
  }

  private show(): void {
    for (const tab of this.tabs) {
      const on = tab.id === this.current;
      const button = this.buttons.get(tab.id)!;
      button.setAttribute("aria-selected", String(on));
      button.tabIndex = on ? 0 : -1;
      tab.panel.hidden = !on;
    }
  }

  private onKey(event: KeyboardEvent, id: string): void {
    const index = this.tabs.findIndex((t) => t.id === id);
    const last = this.tabs.length - 1;
    const target = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    this.select(this.tabs[target]!.id, true);
  }
}
