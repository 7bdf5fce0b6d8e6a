/** The back camera's stream, or why there is none: refused (by the citizen or the browser), or no camera. */
export type CameraStart = { ok: true; stream: MediaStream } | { ok: false; reason: "denied" | "absent" };

/**
 * Asks for the back camera (the one that faces the card; a desk's webcam where there is only one), at a
 * size where a card held at arm's length still gives its QR code's modules a few pixels each. Shared by the
 * widget's scanner and the console's, where a clerk reads the citizen's card at the counter.
 */
export async function startCamera(): Promise<CameraStart> {
  // No `mediaDevices` at all on a page served over plain HTTP, and on old browsers.
  if (!navigator.mediaDevices?.getUserMedia) return { ok: false, reason: "absent" };
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: { ideal: "environment" }, width: { ideal: 1280 }, height: { ideal: 720 } },
    });
    return { ok: true, stream };
  } catch (error) {
    const name = error instanceof DOMException ? error.name : "";
    return { ok: false, reason: name === "NotAllowedError" || name === "SecurityError" ? "denied" : "absent" };
  }
}

/** Turns the camera off: its light goes out, and no frame is taken after the scanner closes. */
export function stopCamera(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
