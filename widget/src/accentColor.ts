/** White on it is 6.7:1. */
export const DEFAULT_ACCENT = "#0b5cab";

/** WCAG 2.2 AA for normal text (1.4.3). */
const MIN_CONTRAST = 4.5;

/**
 * The city's colour as `#rrggbb`, darkened in small steps until white text on it (and it as text
 * on white) reaches 4.5:1, so no theme can make the citizen bubbles or the header unreadable.
 * `undefined` when `color` is not a hex colour.
 */
export function accessibleAccent(color: string): string | undefined {
  const rgb = parseHex(color);
  if (!rgb) return undefined;
  let [r, g, b] = rgb;
  for (let i = 0; i < 40 && contrastWithWhite([r, g, b]) < MIN_CONTRAST; i++) {
    r = Math.floor(r * 0.94);
    g = Math.floor(g * 0.94);
    b = Math.floor(b * 0.94);
  }
  return toHex([r, g, b]);
}

/** A darker shade of an accent, for hover and pressed states. */
export function darken(hex: string, factor = 0.82): string {
  const rgb = parseHex(hex) ?? [0, 0, 0];
  return toHex(rgb.map((c) => Math.floor(c * factor)) as [number, number, number]);
}

function parseHex(color: string): [number, number, number] | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return undefined;
  const hex = m[1]!.length === 3 ? m[1]!.replace(/./g, (c) => c + c) : m[1]!;
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function contrastWithWhite(rgb: [number, number, number]): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}

function toHex(rgb: [number, number, number]): string {
  return `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}
