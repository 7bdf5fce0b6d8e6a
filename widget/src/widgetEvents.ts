import type { ChatMessage } from "../../server/channels/web/protocol";

/** What `KhaiHo.on(event, listener)` listeners receive. */
export interface KhaiHoEventMap {
  /** The widget is on the page and its commands work. Late listeners are called at once. */
  ready: undefined;
  /** The panel opened. */
  open: undefined;
  /** The panel closed. */
  close: undefined;
  /** A message was added to the conversation (bot, clerk, system, or the citizen's own once the server has it). */
  message: ChatMessage;
  /** A dossier was filed: its receipt code. */
  submitted: { dossierCode: string; conversationId: string | null };
}

export type KhaiHoEventName = keyof KhaiHoEventMap;
export type KhaiHoListener<E extends KhaiHoEventName> = (payload: KhaiHoEventMap[E]) => void;

/** Listeners for the embedding page. A listener that throws is reported, not allowed to break the widget. */
export class WidgetEvents {
  private readonly listeners: { [E in KhaiHoEventName]?: Array<KhaiHoListener<E>> } = {};
  private isReady = false;

  on<E extends KhaiHoEventName>(event: E, listener: KhaiHoListener<E>): () => void {
    const list = (this.listeners[event] ??= []) as Array<KhaiHoListener<E>>;
    list.push(listener);
    if (event === "ready" && this.isReady) call(listener, undefined as KhaiHoEventMap[E]);
    return () => {
      const index = list.indexOf(listener);
      if (index >= 0) list.splice(index, 1);
    };
  }

  emit<E extends KhaiHoEventName>(event: E, payload: KhaiHoEventMap[E]): void {
    if (event === "ready") this.isReady = true;
    const list = this.listeners[event] as Array<KhaiHoListener<E>> | undefined;
    for (const listener of list ? list.slice() : []) call(listener, payload);
  }
}

function call<T>(listener: (payload: T) => void, payload: T): void {
  try {
    listener(payload);
  } catch (error) {
    // Thrown again outside the widget: the page's console shows it, the widget carries on.
    setTimeout(() => {
      throw error;
    });
  }
}
