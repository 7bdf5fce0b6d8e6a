/**
 * The widget's whole stylesheet, applied inside its shadow root. The page's selectors cannot
 * reach inside, but inherited properties (font, line-height, text-align…) cross the host:
 * `all: initial` on it stops them, `!important` so that a page rule on `*` cannot win. Sizes
 * are in px, not rem: a page that sets `html { font-size: 10px }` would otherwise shrink the
 * widget.
 *
 * Colours on white or on the soft grey background all reach 4.5:1 (text) or 3:1 (borders of
 * controls); the accent is checked in `accentColor.ts`.
 */
export const STYLES = `
:host { all: initial !important; }
.root {
  --kh-accent: #0b5cab;
  --kh-accent-dark: #08498c;
  --kh-text: #1b1f24;
  --kh-muted: #4a535d;
  --kh-line: #c3cbd3;
  --kh-soft: #f2f4f7;
  --kh-ring: 0 0 0 2px #fff, 0 0 0 5px #0d1b2a;
  font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  color: var(--kh-text);
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
  -webkit-tap-highlight-color: transparent;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
button, textarea, input { font: inherit; color: inherit; margin: 0; letter-spacing: normal; text-transform: none; }
button { cursor: pointer; }
p, h2 { margin: 0; }
svg {
  display: block; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round;
  stroke-linejoin: round;
}
:focus-visible { outline: 2px solid transparent; box-shadow: var(--kh-ring); }
/* Browsers without :focus-visible drop this rule and keep their own focus outline. */
:focus:not(:focus-visible) { outline: none; }
.vh {
  position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}

.launcher {
  position: fixed; z-index: 2147483000; bottom: calc(20px + env(safe-area-inset-bottom, 0px)); right: 20px;
  display: inline-flex; align-items: center; gap: 8px; min-height: 52px; padding: 0 20px 0 16px;
  border: 2px solid transparent; border-radius: 26px; background: var(--kh-accent); color: #fff;
  font-size: 16px; font-weight: 600; box-shadow: 0 4px 14px rgba(0, 0, 0, .28);
}
.launcher svg { width: 24px; height: 24px; flex: none; }
.badge {
  position: absolute; top: -8px; right: -6px; min-width: 24px; height: 24px; padding: 0 6px; display: grid;
  place-items: center; border: 2px solid #fff; border-radius: 12px; background: #b3261e; color: #fff;
  font-size: 13px; font-weight: 700; line-height: 1;
}
.left .launcher { right: auto; left: 20px; }
/* Its own shadow would hide the shared ring: an outline, with a white gap, shows on any page. */
.launcher:focus-visible {
  outline: 3px solid #0d1b2a; outline-offset: 3px; box-shadow: 0 0 0 3px #fff, 0 4px 14px rgba(0, 0, 0, .28);
}

.panel {
  position: fixed; z-index: 2147483000; bottom: calc(88px + env(safe-area-inset-bottom, 0px)); right: 20px;
  width: 384px; height: 640px; max-height: calc(100vh - 112px);
  display: flex; flex-direction: column; overflow: hidden;
  background: #fff; border: 1px solid #aab3bd; border-radius: 12px; box-shadow: 0 8px 32px rgba(0, 0, 0, .28);
}
.left .panel { right: auto; left: 20px; }

.header {
  display: flex; align-items: center; gap: 4px; padding: 10px 6px 10px 16px; background: var(--kh-accent);
  color: #fff;
}
.heading { flex: 1; min-width: 0; }
.title { font-size: 16px; font-weight: 700; line-height: 1.3; }
.sub { display: flex; flex-wrap: wrap; column-gap: 10px; font-size: 14px; line-height: 1.4; }
.sub span + span::before { content: "·"; margin-right: 10px; }
.header button {
  flex: none; min-width: 44px; min-height: 44px; padding: 0 8px; border: 0; border-radius: 8px;
  background: transparent; color: #fff;
}
.header svg { width: 22px; height: 22px; margin: auto; }
.lang { font-size: 14px; font-weight: 600; text-decoration: underline; text-underline-offset: 3px; }
.bar { flex: none; height: 4px; background: #d5dbe1; }
.bar-fill { height: 100%; width: 0; background: var(--kh-accent); transition: width .3s; }

.status {
  flex: none; display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; padding: 8px 16px;
  background: #fff4ce; color: #4d3800; border-bottom: 1px solid #d9c270; font-size: 14px;
}
.status button {
  min-height: 36px; padding: 4px 12px; border: 1px solid #7a5c00; border-radius: 8px; background: #fff;
  color: #4d3800; font-weight: 600;
}

.log {
  flex: 1; min-height: 0; overflow-y: auto; overscroll-behavior: contain; -webkit-overflow-scrolling: touch;
  padding: 14px 12px; background: var(--kh-soft); display: flex; flex-direction: column; gap: 8px;
  position: relative;
}
.log:focus-visible { box-shadow: inset 0 0 0 3px #0d1b2a; }
.messages, .pending { display: flex; flex-direction: column; gap: 8px; }
.welcome {
  align-self: stretch; padding: 10px 12px; border-radius: 10px; background: #fff; border: 1px dashed #8a949e;
  white-space: pre-wrap;
}
.msg {
  max-width: 86%; padding: 8px 12px; border: 1px solid transparent; border-radius: 14px;
  white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-word;
}
.msg-bot { align-self: flex-start; background: #fff; border-color: var(--kh-line); border-bottom-left-radius: 4px; }
.msg-clerk { align-self: flex-start; background: #e8f4eb; border-color: #8fc39e; border-bottom-left-radius: 4px; }
.msg-citizen { align-self: flex-end; background: var(--kh-accent); color: #fff; border-bottom-right-radius: 4px; }
.msg-system {
  align-self: center; max-width: 96%; padding: 2px 8px; color: var(--kh-muted); font-size: 14px;
  text-align: center;
}
.msg-error { color: #9b1116; font-weight: 600; }
.msg-system button {
  display: block; margin: 8px auto 0; min-height: 44px; padding: 6px 16px; border: 2px solid var(--kh-accent);
  border-radius: 22px; background: #fff; color: var(--kh-accent); font-weight: 600;
}
.author { display: block; font-size: 13px; font-weight: 700; color: #1a5c2d; }
.outgoing {
  align-self: flex-end; max-width: 86%; display: flex; flex-direction: column; align-items: flex-end;
  gap: 2px;
}
.outgoing .msg { max-width: 100%; }
.meta { font-size: 13px; color: var(--kh-muted); }

.typing {
  align-self: flex-start; display: flex; gap: 5px; padding: 14px 14px; background: #fff;
  border: 1px solid var(--kh-line); border-radius: 14px; border-bottom-left-radius: 4px;
}
.dot {
  width: 8px; height: 8px; border-radius: 50%; background: #56606b;
  animation: kh-blink 1.2s infinite ease-in-out;
}
.dot:nth-child(3) { animation-delay: .2s; }
.dot:nth-child(4) { animation-delay: .4s; }
@keyframes kh-blink { 0%, 80%, 100% { opacity: .25; } 40% { opacity: 1; } }

.done { align-self: stretch; padding: 14px 16px; border: 2px solid #1e7b3a; border-radius: 12px; background: #fff; }
.done-title { font-weight: 700; color: #14532d; }
.done-label { margin-top: 6px; font-size: 14px; color: var(--kh-muted); }
.done-code {
  font: 700 22px/1.3 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; letter-spacing: .5px;
  overflow-wrap: anywhere; -webkit-user-select: all; user-select: all;
}
.done-form {
  display: block; width: 100%; min-height: 48px; margin: 10px 0 8px; border: 0; border-radius: 10px;
  background: #1e7b3a; color: #fff; font-weight: 700;
}
.done-hint { font-size: 14px; color: var(--kh-muted); }

.choices {
  flex: none; display: flex; flex-wrap: wrap; gap: 8px; max-height: 38%; overflow-y: auto;
  overscroll-behavior: contain; padding: 10px 12px; border-top: 1px solid #d5dbe1; background: #fff;
}
.choice {
  min-height: 44px; padding: 8px 14px; border: 2px solid var(--kh-accent); border-radius: 22px;
  background: #fff; color: var(--kh-accent); font-weight: 600; line-height: 1.3; text-align: left;
}

.composer {
  flex: none; display: flex; align-items: flex-end; gap: 8px; padding: 10px 12px;
  padding-bottom: max(10px, env(safe-area-inset-bottom, 0px)); border-top: 1px solid #d5dbe1;
  background: #fff;
}
.input {
  flex: 1; min-width: 0; min-height: 44px; max-height: 140px; resize: none; padding: 10px 12px;
  border: 1px solid #6b7580; border-radius: 10px; background: #fff; font-size: 16px; line-height: 1.4;
}
.input::placeholder { color: #646d77; opacity: 1; }
.input:focus-visible { border-color: #0d1b2a; }
.icon-button {
  flex: none; width: 44px; height: 44px; display: grid; place-items: center; padding: 0;
  border: 2px solid var(--kh-accent); border-radius: 50%;
}
.icon-button svg { width: 22px; height: 22px; }
.send { background: var(--kh-accent); color: #fff; }
.attach { background: #fff; color: var(--kh-accent); }

/* Touch screens keep :hover after a tap: a tapped button would stay dark. */
@media (hover: hover) {
  .launcher:hover { background: var(--kh-accent-dark); }
  .header button:hover { background: var(--kh-accent-dark); }
  .done-form:hover { background: #17602d; }
  .choice:hover { background: var(--kh-accent); color: #fff; }
  .send:hover { background: var(--kh-accent-dark); border-color: var(--kh-accent-dark); }
}
@media (max-width: 480px) {
  .panel {
    top: 0; left: 0; right: 0; bottom: auto; width: 100%; height: 100vh; height: 100dvh; max-height: none;
    border: 0; border-radius: 0; box-shadow: none;
  }
  .left .panel { left: 0; }
  .open .launcher { display: none; }
  .launcher { bottom: calc(16px + env(safe-area-inset-bottom, 0px)); right: 16px; }
  .left .launcher { left: 16px; }
  .header { padding-top: max(10px, env(safe-area-inset-top, 0px)); }
  .msg, .outgoing { max-width: 92%; }
}
@media (prefers-reduced-motion: reduce) {
  .dot { animation: none; opacity: .6; }
  .bar-fill { transition: none; }
}
@media print { .root { display: none !important; } }
`;
