import { readFileSync } from "node:fs";
import path from "node:path";
import { type CodedText, type CodedTexts, codeOf, wordingOf } from "../../server/codedTexts";
import { CHAT_ERROR_MESSAGES, CHAT_HANDSHAKE_MESSAGES } from "../../server/channels/web/chatErrorMessages";
import { CONSOLE_REST_TEXTS, CONSOLE_SOCKET_TEXTS } from "../../server/console/consoleTexts";
import { HANDOFF_REFUSAL_TEXTS } from "../../server/handoff/handoffTexts";
import { HTTP_ERROR_TEXTS } from "../../server/http/httpErrorTexts";

const TABLES: Record<string, CodedTexts> = {
  HTTP_ERROR_TEXTS,
  CONSOLE_REST_TEXTS,
  CONSOLE_SOCKET_TEXTS,
  HANDOFF_REFUSAL_TEXTS,
  CHAT_ERROR_MESSAGES,
  CHAT_HANDSHAKE_MESSAGES,
};

const entries = Object.entries(TABLES).flatMap(([table, texts]) =>
  Object.entries(texts).map(([key, entry]) => [`${table} ${key}`, key, entry] as const),
);

// Letters only Vietnamese writes: a text without one is not Vietnamese (or lost its diacritics).
const VIETNAMESE = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;

/** Params that name themselves, so that a text taking values shows where it puts them. */
const namedParams = new Proxy({}, { get: (_target, name) => `«${String(name)}»`, has: () => true });

const isParameterised = (entry: CodedText) => typeof entry.vi === "function" || typeof entry.en === "function";

describe("refusal texts", () => {
  it("finds the tables' codes", () => {
    expect(entries.map(([, key]) => codeOf(key))).toEqual(
      expect.arrayContaining(["UPLOAD_TOO_LARGE", "AUTH_REQUIRED", "CONSOLE_REFUSED", "CHAT_UNAVAILABLE"]),
    );
  });

  it.each(entries)("words %s in Vietnamese and in English", (_name, _key, entry) => {
    const { vi, en } = wordingOf(entry, namedParams as never);
    expect(vi).toMatch(VIETNAMESE);
    expect(en.trim()).not.toBe("");
    expect(en).not.toMatch(VIETNAMESE);
    if (isParameterised(entry)) {
      expect(vi).toContain("«");
      expect(en).toContain("«");
    }
  });

  it("documents every code of the tables in docs/protocol.md", () => {
    const protocol = readFileSync(path.resolve(__dirname, "../../docs/protocol.md"), "utf8");
    const codes = [...new Set(entries.map(([, key]) => codeOf(key)))];
    const undocumented = codes.filter((code) => !new RegExp(`(?<![A-Z0-9_])${code}(?![A-Z0-9_])`).test(protocol));
    expect(undocumented).toEqual([]);
  });
});
