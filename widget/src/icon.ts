const SVG = "http://www.w3.org/2000/svg";

/** The icons, as path data on a 24×24 grid. */
export const ICONS = {
  chat: "M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.9A8 8 0 1 1 21 12Z M8.5 11h7 M8.5 14.5h4.5",
  close: "M6 6l12 12 M18 6 6 18",
  send: "M4 12 20 4l-4 16-4-7-8-1Z M12 13l8-9",
  attach: "M20 11.5 12.2 19.3a5 5 0 0 1-7.1-7.1l8-8a3.4 3.4 0 0 1 4.8 4.8l-8 8a1.7 1.7 0 0 1-2.4-2.4l7.3-7.3",
} as const;

/** A decorative icon: hidden from screen readers, the button around it carries the label. */
export function icon(name: keyof typeof ICONS): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", ICONS[name]);
  svg.append(path);
  return svg;
}
