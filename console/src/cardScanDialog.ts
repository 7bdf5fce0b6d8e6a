import { startCamera, stopCamera } from "../../widget/shared/cameraStart";
import { h } from "../../widget/shared/dom";
import { nativeQrDetector } from "../../widget/shared/nativeQrDetector";
import { shrinkCardPhoto } from "./cardPhotoShrink";
import { TEXTS } from "./texts";

/** What was read of the card: the QR's text (the browser read it live) or a photo for the server to read. */
export type ScannedCard = { qrText: string } | { photo: string };

export interface CardScanSpec {
  /** Whose card ("người mẹ"). */
  person: string;
  /** Sends the card; `null` when the citizen has it to confirm, else the refusal to show. */
  send(card: ScannedCard): Promise<string | null>;
  /** The card went to the citizen: the dialog has closed. */
  sent(): void;
}

/** Between two reads of the webcam's picture, where the browser reads QR codes itself. */
const READ_EVERY_MS = 250;

/**
 * "Quét CCCD" at the counter: the office's webcam, read live for the card's QR code where the browser has a
 * `BarcodeDetector` (the console's policy loads no WebAssembly reader), with "Chụp" to send a still of it to
 * the server otherwise, and "Chọn ảnh" for a photo file. A modal `<dialog>`; the camera stops when it closes.
 */
export function openCardScanDialog(spec: CardScanSpec): void {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  let stream: MediaStream | null = null;
  let finished = false;
  let busy = false;
  /** A code the server refused is not sent again while it stays in front of the camera. */
  let refusedText: string | null = null;

  const video = h("video", {
    muted: true,
    playsinline: true,
    autoplay: true,
    width: "480",
    "aria-label": TEXTS.scanCamera,
  });
  video.muted = true;
  const status = h("p", { class: "intro", role: "status" }, [TEXTS.scanStarting]);
  const error = h("p", { class: "form-error", role: "alert" });
  const capture = h("button", { type: "button", class: "primary", disabled: true }, [TEXTS.scanCapture]);
  const choose = h("button", { type: "button" }, [TEXTS.scanChoosePhoto]);
  const close = h("button", { type: "button" }, [TEXTS.cancel]);
  const fileInput = h("input", {
    type: "file",
    accept: "image/*",
    hidden: true,
    tabindex: "-1",
    "aria-label": TEXTS.scanChoosePhoto,
  });
  const dialog = h("dialog", { class: "card-scan", "aria-labelledby": "card-scan-title" }, [
    h("h2", { id: "card-scan-title" }, [TEXTS.scanTitle(spec.person)]),
    h("div", { class: "card-scan-view", hidden: true }, [video]),
    status,
    error,
    fileInput,
    h("div", { class: "form-actions" }, [capture, choose, close]),
  ]);
  const view = dialog.querySelector<HTMLElement>(".card-scan-view")!;

  const finish = (): void => {
    finished = true;
    stopCamera(stream);
    stream = null;
    video.srcObject = null;
    dialog.close();
    dialog.remove();
    if (opener?.isConnected && !(opener as HTMLButtonElement).disabled) opener.focus();
  };

  /** Sends what was read; closes on success, shows the refusal otherwise. */
  const send = async (card: ScannedCard | null): Promise<boolean> => {
    if (finished) return false;
    if (!card) {
      error.textContent = TEXTS.scanCardNotImage;
      return false;
    }
    busy = true;
    capture.disabled = choose.disabled = true;
    error.textContent = "";
    const problem = await spec.send(card).finally(() => {
      busy = false;
      capture.disabled = stream === null;
      choose.disabled = false;
    });
    if (finished) return false;
    if (problem) {
      error.textContent = problem;
      return false;
    }
    finish();
    spec.sent();
    return true;
  };

  close.addEventListener("click", finish);
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    finish();
  });
  choose.addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (file) void shrinkCardPhoto(file).then((photo) => send(photo ? { photo } : null));
  });
  capture.addEventListener("click", () => {
    void stillOf(video)
      .then((still) => (still ? shrinkCardPhoto(still) : null))
      .then((photo) => send(photo ? { photo } : null));
  });

  document.body.append(dialog);
  dialog.showModal();
  choose.focus();

  void (async () => {
    const camera = await startCamera();
    if (finished) {
      if (camera.ok) stopCamera(camera.stream);
      return;
    }
    if (!camera.ok) {
      status.textContent = camera.reason === "denied" ? TEXTS.scanCameraDenied : TEXTS.scanCameraAbsent;
      return;
    }
    stream = camera.stream;
    video.srcObject = stream;
    view.hidden = false;
    await video.play().catch(() => {});
    capture.disabled = busy;
    const detect = await nativeQrDetector();
    if (finished) return;
    status.textContent = detect ? TEXTS.scanAim : TEXTS.scanAimCapture;
    if (!detect) return;
    const readFrame = async (): Promise<void> => {
      if (finished) return;
      const found = busy ? null : await detect(video).catch(() => null);
      if (found && found !== refusedText && !(await send({ qrText: found }))) refusedText = found;
      if (!finished) setTimeout(() => void readFrame(), READ_EVERY_MS);
    };
    void readFrame();
  })();
}

/** The webcam's current picture as a PNG, or null before it shows one. */
function stillOf(video: HTMLVideoElement): Promise<Blob | null> {
  const { videoWidth: width, videoHeight: height } = video;
  if (width === 0 || height === 0) return Promise.resolve(null);
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  canvas.getContext("2d")?.drawImage(video, 0, 0, width, height);
  return new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
}
