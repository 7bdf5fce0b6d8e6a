import type { Locale } from "../../server/channels/web/protocol";
import { accessibleAccent, DEFAULT_ACCENT } from "./accentColor";

/** A text given once for every language, or per language (`{ vi: "…", en: "…" }`). */
export type LocalizedText = string | { vi?: string; en?: string };

/**
 * What a city may set in `window.KhaiHoSettings` before the script tag. Every key is optional.
 *
 * @example
 * window.KhaiHoSettings = {
 *   locale: "vi",
 *   unit: "an-thanh",
 *   position: "left",
 *   color: "#9b1c1c",
 *   title: { vi: "Hỏi đáp thủ tục", en: "Procedures help" },
 *   welcome: "Xin chào! Tôi giúp bạn khai hồ sơ trực tuyến.",
 * };
 */
export interface KhaiHoSettings {
  /** Language of the widget and of a new conversation. @default "vi" */
  locale?: Locale;
  /** The ward/commune the page belongs to (its id, e.g. `an-thanh`); otherwise the bot asks. */
  unit?: string;
  /** The unit's name shown in the header. @default the name of `unit` in the server's list (`GET /api/units`) */
  unitName?: string;
  /** Corner of the launcher and the panel. @default "right" */
  position?: "right" | "left";
  /** Accent colour, `#rgb` or `#rrggbb`; darkened if white text on it would be under 4.5:1. @default "#0b5cab" */
  color?: string;
  /** Panel title. @default "Trợ lý thủ tục hành chính" */
  title?: LocalizedText;
  /** A first line shown above the conversation. @default none */
  welcome?: LocalizedText;
  /** Text of the launcher button. @default "Hỏi thủ tục" */
  launcherTitle?: LocalizedText;
}

export interface ResolvedSettings {
  /** Where the Khai Hộ server is: the origin `widget.js` was loaded from. */
  serverOrigin: string;
  locale: Locale;
  unit?: string;
  unitName?: string;
  position: "right" | "left";
  accent: string;
  title?: LocalizedText;
  welcome?: LocalizedText;
  launcherTitle?: LocalizedText;
}

const WARN = "Khai Hộ widget:";

/**
 * Settings in increasing precedence, as Tiledesk reads them: `window.KhaiHoSettings`, then the
 * script tag's `data-*` attributes, then `?khaiho_locale=` / `?khaiho_unit=` in the page URL.
 */
export function readSettings(script: HTMLScriptElement | null, global: KhaiHoSettings | undefined): ResolvedSettings {
  const fromTag = script ? settingsFromDataset(script.dataset) : {};
  const fromUrl = settingsFromUrl(location.search);
  const merged: KhaiHoSettings = { ...(isObject(global) ? global : {}), ...fromTag, ...fromUrl };

  const locale =
    merged.locale === undefined || merged.locale === "vi" || merged.locale === "en"
      ? (merged.locale ?? "vi")
      : warnDefault("locale", merged.locale, "vi");
  const position =
    merged.position === undefined || merged.position === "right" || merged.position === "left"
      ? (merged.position ?? "right")
      : warnDefault("position", merged.position, "right");
  const accent =
    merged.color === undefined
      ? DEFAULT_ACCENT
      : (accessibleAccent(merged.color) ?? warnDefault("color", merged.color, DEFAULT_ACCENT));
  const unit = typeof merged.unit === "string" && merged.unit.trim() !== "" ? merged.unit.trim() : undefined;
  const unitName = typeof merged.unitName === "string" ? merged.unitName : undefined;

  return {
    serverOrigin: serverOrigin(script),
    locale,
    position,
    accent,
    ...(unit ? { unit } : {}),
    ...(unitName ? { unitName } : {}),
    ...(merged.title !== undefined ? { title: merged.title } : {}),
    ...(merged.welcome !== undefined ? { welcome: merged.welcome } : {}),
    ...(merged.launcherTitle !== undefined ? { launcherTitle: merged.launcherTitle } : {}),
  };
}

/** The text for `locale`, falling back to Vietnamese, then to `fallback`. */
export function localized(text: LocalizedText | undefined, locale: Locale, fallback: string): string {
  if (typeof text === "string") return text;
  return text?.[locale] ?? text?.vi ?? fallback;
}

function settingsFromDataset(data: DOMStringMap): KhaiHoSettings {
  const settings: Record<string, string> = {};
  for (const key of ["locale", "unit", "unitName", "position", "color", "title", "welcome", "launcherTitle"] as const) {
    const value = data[key];
    if (value !== undefined) settings[key] = value;
  }
  return settings as KhaiHoSettings;
}

// Only language and unit: a link that set the title or the welcome text could make the city's
// own widget display a stranger's words (phishing for CCCD numbers).
function settingsFromUrl(search: string): KhaiHoSettings {
  const params = new URLSearchParams(search);
  const settings: Record<string, string> = {};
  const locale = params.get("khaiho_locale");
  const unit = params.get("khaiho_unit");
  if (locale !== null) settings.locale = locale;
  if (unit !== null) settings.unit = unit;
  return settings as KhaiHoSettings;
}

function serverOrigin(script: HTMLScriptElement | null): string {
  const src = script?.src ?? document.querySelector<HTMLScriptElement>('script[src*="/widget.js"]')?.src;
  if (!src) return location.origin;
  try {
    return new URL(src, location.href).origin;
  } catch {
    return location.origin;
  }
}

function warnDefault<T>(key: string, value: unknown, fallback: T): T {
  // A webmaster reads this in the console while embedding; citizens never see it.
  console.warn(
    `${WARN} setting "${key}" has the unusable value ${JSON.stringify(value)}; using ${JSON.stringify(fallback)}.`,
  );
  return fallback;
}

function isObject(value: unknown): value is KhaiHoSettings {
  return typeof value === "object" && value !== null;
}
