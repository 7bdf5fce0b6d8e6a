/**
 * `console.js`: the clerks' workspace at `/console`. Served with the console's CSP
 * (`script-src 'self'; style-src 'self'`): the page has no inline script or style, and every
 * text, the citizen's above all, reaches the page as a text node.
 */
import { ConsoleApp } from "./consoleApp";

function start(): void {
  const root = document.getElementById("app");
  if (!root) return;
  void new ConsoleApp(root).start();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
else start();
