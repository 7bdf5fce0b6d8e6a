/** The two languages every citizen-facing text is written in. */
export type Locale = "vi" | "en";

export const LOCALES: readonly Locale[] = ["vi", "en"];

/** A text in Vietnamese (the default) and English. */
export interface Localized {
  vi: string;
  en: string;
}

/** Builds a {@link Localized} text. @example t("Họ tên?", "Full name?") */
export function t(vi: string, en: string): Localized {
  return { vi, en };
}
