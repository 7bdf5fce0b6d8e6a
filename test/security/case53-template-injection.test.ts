import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { HTTP_ROUTES } from "../support/httpRoutes";
import { watchedServerForThisFile } from "./securityHarness";

const ROOT = path.resolve(__dirname, "../..");
const watched = watchedServerForThisFile();

const serverSources = () =>
  readdirSync(path.join(ROOT, "server"), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => ({ file: f, text: readFileSync(path.join(ROOT, "server", f), "utf8") }));

describe("case 53: template injection through Handlebars", () => {
  it("does not apply: no route writes templates; every route that takes a body is listed, none about templates", () => {
    expect(HTTP_ROUTES.filter((r) => /template|hbs/i.test(r.pattern))).toEqual([]);
    for (const source of serverSources())
      expect([source.file, /writeFile[^(]*\([^)]*templates/.test(source.text)]).toEqual([source.file, false]);
  });

  it("compiles only files read from disk, with the prototype-access defaults, on handlebars ≥ 4.7.8", () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, "node_modules/handlebars/package.json"), "utf8"));
    const [major, minor, patch] = version.split(".").map(Number);
    expect(major * 1e6 + minor * 1e3 + patch).toBeGreaterThanOrEqual(4_007_008);
    for (const { file, text } of serverSources()) {
      expect([file, /allowProto(Properties|Methods)ByDefault\s*:\s*true/.test(text)]).toEqual([file, false]);
      const code = text
        .split("\n")
        .filter((line) => !/^\s*(\*|\/\/)/.test(line))
        .join("\n");
      for (const call of code.match(/\.compile\([^)]*\)?/g) ?? [])
        expect([file, call]).toEqual([file, expect.stringMatching(/readFileSync|source/)]);
    }
  });

  it("keeps the CVE payloads a citizen types as inert text", async () => {
    const c = await watched.citizen();
    const payload =
      '{{#with "s" as |string|}}{{#with "e"}}{{this.constructor.constructor "return process"}}{{/with}}{{/with}}';
    expect((await c.send({ text: payload })).ok).toBe(true);
    const stored = await watched.server.store.listMessages(c.conversationId!, 0, 100);
    expect(stored.find((m) => m.author === "citizen")?.text).toBe(payload);
  });
});
