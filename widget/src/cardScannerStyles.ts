/**
 * The scanner panel's styles, added to the widget's shadow root when the scanner loads. It covers the
 * chat panel whole (on a phone, the whole screen), so that the camera's picture is as large as it can be.
 */
export const CARD_SCANNER_STYLES = `
.scanner {
  position: absolute; inset: 0; z-index: 1; display: flex; flex-direction: column; background: #0d1b2a;
  color: #fff;
}
.scanner-header {
  display: flex; align-items: center; gap: 4px; padding: 10px 6px 10px 16px;
  padding-top: max(10px, env(safe-area-inset-top, 0px));
}
.scanner-title { flex: 1; margin: 0; font-size: 18px; font-weight: 700; line-height: 1.3; }
.scanner-close {
  flex: none; min-width: 44px; min-height: 44px; display: grid; place-items: center; border: 0;
  border-radius: 8px; background: transparent; color: #fff;
}
.scanner-close svg { width: 24px; height: 24px; }
.scanner-view { position: relative; flex: 1; min-height: 0; overflow: hidden; background: #000; }
.scanner-view video { width: 100%; height: 100%; object-fit: cover; display: block; }
.scanner-frame {
  position: absolute; left: 50%; top: 50%; width: min(70%, 260px); aspect-ratio: 1; transform: translate(-50%, -50%);
  border: 3px solid #fff; border-radius: 16px; box-shadow: 0 0 0 9999px rgba(0, 0, 0, .35);
}
.scanner-status { margin: 0; padding: 12px 16px 4px; font-size: 16px; line-height: 1.45; }
.scanner-hint { margin: 0; padding: 0 16px 8px; font-size: 14px; color: #d5dde6; }
.scanner-photo {
  flex: none; min-height: 48px; margin: 8px 16px; margin-bottom: max(16px, env(safe-area-inset-bottom, 0px));
  border: 0; border-radius: 10px; background: #fff; color: #0d1b2a; font-weight: 700;
}
.scanner-photo:focus-visible, .scanner-close:focus-visible {
  outline: 3px solid #fff; outline-offset: 2px; box-shadow: none;
}
.scanner.no-camera .scanner-view { display: none; }
.scanner.no-camera .scanner-status { flex: 1; padding-top: 24px; }
@media (hover: hover) {
  .scanner-close:hover { background: rgba(255, 255, 255, .15); }
  .scanner-photo:hover { background: #e3e8ee; }
}
`;
