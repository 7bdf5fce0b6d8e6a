import type { Locale } from "../../server/channels/web/protocol";
import type { ChatWidget } from "./chatWidget";
import type { KhaiHoEventName, KhaiHoListener } from "./widgetEvents";

/**
 * `window.KhaiHo`: the commands a city page can give the widget.
 *
 * Calls made before `widget.js` has loaded are queued by this snippet and run, in order, once
 * it has:
 *
 * @example
 * <script>
 *   window.KhaiHo = window.KhaiHo || function () { (KhaiHo.q = KhaiHo.q || []).push(arguments); };
 *   KhaiHo("on", "submitted", function (e) { showThanks(e.dossierCode); });
 * </script>
 * <script src="https://HOST/widget.js" data-unit="an-thanh" async></script>
 * <button onclick="KhaiHo('open')">Khai hồ sơ trực tuyến</button>
 */
export interface KhaiHoApi {
  /**
   * Runs a command by name: the form the queueing snippet uses, which keeps working after load.
   *
   * @example
   * KhaiHo("setLocale", "en");
   */
  (command: KhaiHoCommand, ...args: unknown[]): unknown;

  /**
   * Opens the panel, connects if needed and moves the keyboard focus into it.
   *
   * @example
   * document.querySelector("#hoi-dap").addEventListener("click", () => KhaiHo.open());
   */
  open(): void;

  /**
   * Closes the panel; the focus returns to the launcher. The conversation goes on.
   *
   * @example
   * KhaiHo.close();
   */
  close(): void;

  /**
   * Opens the panel if closed, closes it if open.
   *
   * @example
   * KhaiHo.toggle();
   */
  toggle(): void;

  /**
   * Forgets this browser's conversation (its token, transcript and unsent messages): the next
   * message starts a new conversation. For a shared computer at the one-stop shop, between
   * two citizens. Dossiers already filed are not affected.
   *
   * @example
   * KhaiHo.reset();
   */
  reset(): void;

  /**
   * Switches the widget's language; the bot asks the current question again in it.
   *
   * @example
   * KhaiHo.setLocale("en");
   */
  setLocale(locale: Locale): void;

  /**
   * Listens to the widget. Returns a function that stops listening.
   *
   * - `ready`: the widget is loaded (called at once if it already is);
   * - `open`, `close`: the panel opened or closed;
   * - `message`: a message was added to the conversation (`ChatMessage`: `author`, `text`, `seq`…);
   * - `submitted`: a dossier was filed (`{ dossierCode, conversationId }`).
   *
   * @example
   * const stop = KhaiHo.on("submitted", ({ dossierCode }) => {
   *   analytics.track("dossier_submitted", { dossierCode });
   * });
   */
  on<E extends KhaiHoEventName>(event: E, listener: KhaiHoListener<E>): () => void;
}

export type KhaiHoCommand = "open" | "close" | "toggle" | "reset" | "setLocale" | "on";

/** The stub the snippet installs before the script loads. */
export interface KhaiHoStub {
  (...args: unknown[]): void;
  q?: ArrayLike<unknown>[];
}

export function createKhaiHoApi(widget: ChatWidget): KhaiHoApi {
  const commands: Pick<KhaiHoApi, KhaiHoCommand> = {
    open: () => widget.open(),
    close: () => widget.close(),
    toggle: () => widget.toggle(),
    reset: () => widget.reset(),
    setLocale: (locale) => widget.setLocale(locale),
    on: (event, listener) => widget.events.on(event, listener),
  };
  const run = (command: KhaiHoCommand, ...args: unknown[]): unknown => {
    const fn = Object.prototype.hasOwnProperty.call(commands, command)
      ? (commands[command] as (...a: unknown[]) => unknown)
      : undefined;
    if (!fn) {
      console.warn(
        `Khai Hộ widget: unknown command ${JSON.stringify(command)}; known: ${Object.keys(commands).join(", ")}.`,
      );
      return undefined;
    }
    return fn(...args);
  };
  return Object.assign(run, commands) as KhaiHoApi;
}

/** Runs the calls queued by the snippet, in the order they were made. */
export function runQueued(api: KhaiHoApi, stub: unknown): void {
  const queue = typeof stub === "function" ? (stub as KhaiHoStub).q : undefined;
  if (!Array.isArray(queue)) return;
  for (const args of queue) {
    const [command, ...rest] = Array.from(args);
    api(command as KhaiHoCommand, ...rest);
  }
}
