import type { ChatMessage } from "../../server/channels/web/protocol";
import { h } from "../../widget/shared/dom";
import { formatClock } from "./consoleFormat";
import { AUTHOR_LABELS, TEXTS, VIA_LABELS } from "./texts";

/** Within this many pixels of the end counts as "reading the latest": new messages scroll into view. */
const STICK_PX = 48;

/**
 * The transcript as a live log. Messages are added in place, never re-rendered as a whole,
 * so a screen reader announces each new one once, not the conversation again. The log is the
 * box that scrolls, a tab stop under its name; inside it the messages are a list, read as one.
 */
export class TranscriptList {
  readonly element: HTMLElement;
  private readonly list: HTMLOListElement;
  private rendered = new Map<number, { message: ChatMessage; element: HTMLElement }>();
  /** Whether the clerk is reading the latest messages (scrolled to the end), as of their last scroll. */
  private stuck = true;

  constructor() {
    this.list = h("ol", { class: "transcript-list" });
    this.element = h(
      "div",
      {
        class: "transcript",
        role: "log",
        "aria-live": "polite",
        "aria-label": TEXTS.transcriptLabel,
        tabindex: "0",
      },
      [this.list],
    );
    this.element.addEventListener("scroll", () => {
      this.stuck = this.element.scrollHeight - this.element.scrollTop - this.element.clientHeight < STICK_PX;
    });
    // The box shrinks when the notes open or the composer's hint grows: the end stays in view.
    new ResizeObserver(() => {
      if (this.stuck) this.scrollToEnd();
    }).observe(this.element);
  }

  clear(): void {
    this.rendered = new Map();
    this.list.replaceChildren();
    this.stuck = true;
  }

  /** Shows `messages` (sorted by `seq`): adds the new, replaces the changed, drops the gone. */
  update(messages: readonly ChatMessage[]): void {
    const atEnd = this.stuck;
    const wanted = new Set(messages.map((m) => m.seq));
    for (const [seq, { element }] of this.rendered) {
      if (!wanted.has(seq)) {
        element.remove();
        this.rendered.delete(seq);
      }
    }
    let previous: HTMLElement | null = null;
    for (const message of messages) {
      const existing = this.rendered.get(message.seq);
      let element: HTMLElement;
      if (existing && existing.message.id === message.id && existing.message.text === message.text) {
        element = existing.element;
      } else {
        element = messageElement(message);
        if (existing) existing.element.replaceWith(element);
        this.rendered.set(message.seq, { message, element });
      }
      const expectedPlace: Element | null = previous ? previous.nextElementSibling : this.list.firstElementChild;
      if (expectedPlace !== element) {
        if (previous) previous.after(element);
        else this.list.prepend(element);
      }
      previous = element;
    }
    if (atEnd) this.scrollToEnd();
  }

  scrollToEnd(): void {
    this.element.scrollTop = this.element.scrollHeight;
    this.stuck = true;
  }
}

/** A message from the clerk, shown until the server has acknowledged it. */
export function localMessageElement(text: string, note: string): HTMLElement {
  return h("li", { class: "msg msg-clerk local" }, [
    h("p", { class: "msg-meta" }, [h("span", { class: "who" }, [AUTHOR_LABELS.clerk]), h("span", {}, [note])]),
    h("p", { class: "msg-text" }, [text]),
  ]);
}

function messageElement(message: ChatMessage): HTMLElement {
  const author = AUTHOR_LABELS[message.author] ? message.author : "system";
  const via = message.via ? VIA_LABELS[message.via] : undefined;
  const meta = h("p", { class: "msg-meta" }, [
    h("span", { class: "who" }, [AUTHOR_LABELS[author]]),
    // Written outside Khai Hộ: the city's Botpress bot, or a person in Zalo's own OA tool.
    ...(via ? [h("span", { class: `via via-${message.via}`, title: via.title }, [via.label])] : []),
    h("time", { datetime: message.at }, [formatClock(message.at)]),
  ]);
  const parts: Node[] = [meta, h("p", { class: "msg-text" }, [message.text])];
  // What the citizen saw as buttons, so the clerk knows what "bấm nút thứ hai" means.
  if (message.choices?.length)
    parts.push(
      h("p", { class: "msg-choices" }, [`${TEXTS.choicesShown} `, message.choices.map((c) => c.label).join(" · ")]),
    );
  return h("li", { class: `msg msg-${author}` }, parts);
}
