import type { Locale } from "../engine/localized";

export interface ChatOptions {
  locale: Locale;
  json: boolean;
  formFile: string | null;
  unitId: string | null;
}

export const CHAT_USAGE = `Usage: npm run chat -- [--lang vi|en] [--json] [--form FILE] [--unit UNIT_ID]
  --lang vi|en   language of the conversation (default vi)
  --json         one citizen message per line on stdin, one JSON object per turn on stdout
  --form FILE    write the printable form (HTML) to FILE when a dossier is completed
  --unit ID      the ward/commune, e.g. an-thanh (otherwise the bot asks)`;

/** Reads the terminal chat's command line; a wrong option is an error naming it. */
export function parseChatArgs(argv: readonly string[]): ChatOptions | { error: string } {
  const options: ChatOptions = { locale: "vi", json: false, formFile: null, unitId: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => argv[++i];
    if (arg === "--json") options.json = true;
    else if (arg === "--lang") {
      const lang = value();
      if (lang !== "vi" && lang !== "en") return { error: `--lang must be "vi" or "en", not "${lang ?? ""}"` };
      options.locale = lang;
    } else if (arg === "--form") {
      const file = value();
      if (!file) return { error: "--form needs a file name" };
      options.formFile = file;
    } else if (arg === "--unit") {
      const unit = value();
      if (!unit) return { error: "--unit needs a unit id, e.g. an-thanh" };
      options.unitId = unit;
    } else if (arg === "--help" || arg === "-h") return { error: "" };
    else return { error: `unknown option "${arg}"` };
  }
  return options;
}
