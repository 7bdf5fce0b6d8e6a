/** Same breakpoint as the full-screen panel in `styles.ts`. */
const PHONE = "(max-width: 480px)";

/**
 * Keeps the full-screen panel inside the visual viewport on phones. iOS Safari does not shrink
 * the layout viewport (nor `100dvh`) when the on-screen keyboard opens, so the composer would
 * sit under the keyboard; the visual viewport is what remains visible. Returns the undo.
 */
export function fitToVisualViewport(panel: HTMLElement): () => void {
  const viewport = window.visualViewport;
  if (!viewport) return () => {};
  const phone = matchMedia(PHONE);
  const update = (): void => {
    if (phone.matches) {
      panel.style.height = `${viewport.height}px`;
      panel.style.top = `${viewport.offsetTop}px`;
    } else {
      panel.style.removeProperty("height");
      panel.style.removeProperty("top");
    }
  };
  update();
  viewport.addEventListener("resize", update);
  viewport.addEventListener("scroll", update);
  return () => {
    viewport.removeEventListener("resize", update);
    viewport.removeEventListener("scroll", update);
    panel.style.removeProperty("height");
    panel.style.removeProperty("top");
  };
}
