import { h } from "../shared/dom";
import { startCamera, stopCamera } from "../shared/cameraStart";
import type { CardScannerOptions, OpenCardScanner } from "./cardScannerContract";
import { CARD_SCANNER_STYLES } from "./cardScannerStyles";
import { CARD_SCANNER_TEXT } from "./cardScannerTexts";
import { icon } from "./icon";
import { createQrDetector, type QrDetector } from "./qrDetector";

/** Between two reads of the camera's picture: four a second find a card held still, and spare a phone's battery. */
const READ_EVERY_MS = 250;

/**
 * The scanner over the chat panel: the back camera's picture, read for a QR code until one is found,
 * and "Chọn ảnh" to send a photo of the card instead — the only choice where there is no camera or
 * the citizen refuses it. A dialog of its own: the focus goes into it and stays there until it closes.
 */
export function openCardScannerPanel(options: CardScannerOptions): OpenCardScanner {
  const text = CARD_SCANNER_TEXT[options.locale];
  addStyles(options.host);
  let stream: MediaStream | null = null;
  let finished = false;

  const closeButton = h("button", { type: "button", class: "scanner-close", "aria-label": text.close }, [
    icon("close"),
  ]);
  const video = h("video", { muted: true, playsinline: true, autoplay: true, "aria-label": text.cameraLabel });
  video.muted = true;
  const status = h("p", { class: "scanner-status", role: "status" }, [text.startingCamera]);
  const photoButton = h("button", { type: "button", class: "scanner-photo" }, [text.choosePhoto]);
  const hint = h("p", { class: "scanner-hint", id: "kh-scanner-hint" }, [text.photoHint]);
  photoButton.setAttribute("aria-describedby", "kh-scanner-hint");
  // `capture` opens the back camera's own app on a phone, which focuses better than a live picture.
  const fileInput = h("input", {
    type: "file",
    accept: "image/*",
    capture: "environment",
    hidden: true,
    tabindex: "-1",
    "aria-label": text.choosePhoto,
  });
  const panel = h(
    "section",
    { class: "scanner", role: "dialog", "aria-modal": "true", "aria-labelledby": "kh-scanner-title" },
    [
      h("div", { class: "scanner-header" }, [
        h("h3", { class: "scanner-title", id: "kh-scanner-title" }, [text.title]),
        closeButton,
      ]),
      h("div", { class: "scanner-view" }, [video, h("div", { class: "scanner-frame", "aria-hidden": "true" })]),
      status,
      hint,
      photoButton,
      fileInput,
    ],
  );

  const finish = (): void => {
    finished = true;
    stopCamera(stream);
    stream = null;
    video.srcObject = null;
    panel.remove();
  };
  const showNoCamera = (message: string): void => {
    stopCamera(stream);
    stream = null;
    panel.classList.add("no-camera");
    status.textContent = message;
  };

  closeButton.addEventListener("click", () => {
    finish();
    options.closed();
  });
  photoButton.addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (!file) return;
    finish();
    options.photoChosen(file);
  });
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !event.isComposing) {
      // The widget's panel closes on Escape too: here it closes the scanner only.
      event.stopPropagation();
      finish();
      options.closed();
    } else if (event.key === "Tab") {
      keepTabInside(event, [closeButton, photoButton]);
    }
  });

  options.host.append(panel);
  photoButton.focus();

  void (async () => {
    const camera = await startCamera();
    if (finished) {
      if (camera.ok) stopCamera(camera.stream);
      return;
    }
    if (!camera.ok) {
      showNoCamera(camera.reason === "denied" ? text.cameraDenied : text.cameraAbsent);
      return;
    }
    stream = camera.stream;
    video.srcObject = stream;
    await video.play().catch(() => {});
    let detect: QrDetector;
    try {
      detect = await createQrDetector(options.serverOrigin);
    } catch {
      if (!finished) showNoCamera(text.readerUnavailable);
      return;
    }
    if (finished) return;
    status.textContent = text.aim;
    const readFrame = async (): Promise<void> => {
      if (finished) return;
      const found = await detect(video).catch(() => null);
      if (finished) return;
      if (found) {
        finish();
        options.qrRead(found);
        return;
      }
      setTimeout(() => void readFrame(), READ_EVERY_MS);
    };
    void readFrame();
  })();

  return { close: finish };
}

/** Tab and Shift+Tab go round the scanner's buttons, never behind it into the hidden chat. */
function keepTabInside(event: KeyboardEvent, buttons: HTMLElement[]): void {
  const root = buttons[0]!.getRootNode() as ShadowRoot | Document;
  const index = buttons.indexOf(root.activeElement as HTMLElement);
  const next = event.shiftKey ? (index <= 0 ? buttons.length - 1 : index - 1) : (index + 1) % buttons.length;
  event.preventDefault();
  buttons[next]!.focus();
}

const added = new WeakSet<Node>();

/** Into the widget's shadow root, once: a constructed sheet where the browser has them, like the widget's own. */
function addStyles(host: HTMLElement): void {
  const root = host.getRootNode();
  if (!(root instanceof ShadowRoot) || added.has(root)) return;
  added.add(root);
  if ("adoptedStyleSheets" in root && "replaceSync" in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CARD_SCANNER_STYLES);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  root.append(h("style", {}, [CARD_SCANNER_STYLES]));
}
