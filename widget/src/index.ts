/**
 * `widget.js`: the script a city page embeds.
 *
 *   <script src="https://HOST/widget.js" data-unit="an-thanh" async></script>
 *
 * Defines `<khai-ho-chat>`, adds one to the page, and replaces the `window.KhaiHo` stub with
 * the commands. See docs/widget.md.
 */
import { ELEMENT_NAME, KhaiHoChatElement } from "./chatView";
import { ChatWidget } from "./chatWidget";
import { createKhaiHoApi, type KhaiHoApi, runQueued } from "./khaiHoApi";
import { type KhaiHoSettings, readSettings } from "./settings";

declare global {
  interface Window {
    KhaiHoSettings?: KhaiHoSettings;
    KhaiHo?: KhaiHoApi;
  }
}

// Read now: `currentScript` is null once this script has finished running.
const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;

function start(): void {
  // The tag pasted twice (or the site's template and a plug-in both adding it): one widget.
  if (customElements.get(ELEMENT_NAME)) return;
  customElements.define(ELEMENT_NAME, KhaiHoChatElement);
  const stub: unknown = window.KhaiHo;
  const widget = new ChatWidget(readSettings(script, window.KhaiHoSettings));
  const api = createKhaiHoApi(widget);
  window.KhaiHo = api;
  widget.mount();
  runQueued(api, stub);
  widget.events.emit("ready", undefined);
}

if (document.body) start();
else document.addEventListener("DOMContentLoaded", start, { once: true });
