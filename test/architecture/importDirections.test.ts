import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

interface Import {
  /** Repository-relative path of the importing file. */
  readonly file: string;
  /** Repository-relative path of what is imported, without extension; undefined for a package. */
  readonly target: string | undefined;
  readonly typeOnly: boolean;
}

function typeScriptFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(relative);
    return entry.name.endsWith(".ts") ? [relative] : [];
  });
}

// Static imports and re-exports (over several lines too), dynamic `import()` and `require()`.
const STATIC = /^\s*(?:import|export)\s+(type\s+)?(?:[^;"'`]*?\s+from\s+)?["']([^"']+)["']/gm;
const DYNAMIC = /\b(?:import|require)\(\s*["']([^"']+)["']\s*\)/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  const resolve = (specifier: string): string | undefined =>
    specifier.startsWith(".") ? path.posix.join(path.posix.dirname(file), specifier) : undefined;
  return [
    ...[...text.matchAll(STATIC)].map((m) => ({ file, target: resolve(m[2]!), typeOnly: m[1] !== undefined })),
    ...[...text.matchAll(DYNAMIC)].map((m) => ({ file, target: resolve(m[1]!), typeOnly: false })),
  ];
}

function importsUnder(...dirs: string[]): Import[] {
  return dirs.flatMap(typeScriptFiles).flatMap(importsOf);
}

const within = (target: string | undefined, dir: string): boolean =>
  target !== undefined && (target === dir || target.startsWith(`${dir}/`));

const describeImport = ({ file, target }: Import): string => `${file} → ${target}`;

/** The browser code: the widget, the console and the DOM helpers both use (`widget/shared`). */
const BROWSER_DIRS = ["widget/src", "console/src", "widget/shared"];

describe("import directions", () => {
  it("finds the imports it checks", () => {
    // A regex that stopped matching would pass every rule below without reading anything.
    const engine = importsUnder("server/engine");
    expect(engine.some((i) => within(i.target, "flows"))).toBe(true);
    expect(importsUnder("console/src").some((i) => i.typeOnly && within(i.target, "server"))).toBe(true);
  });

  it("keeps the engine pure: it imports from nothing in the server but itself", () => {
    // The engine is (flow, state, input, clock) → result. Dossiers, stores, channels, the HTTP
    // layer and the console build on it; the only way back is through its inputs.
    const allowed = ["server/engine", "flows", "server/projectRoot"];
    const outside = importsUnder("server/engine").filter(
      (i) => i.target !== undefined && !allowed.some((dir) => within(i.target, dir)),
    );
    expect(outside.map(describeImport)).toEqual([]);
  });

  it.each([
    // The dossier side gets stored data through its own port (DossierRecords), which the store provides.
    ["server/dossier", ["server/store", "server/http", "server/channels", "server/console", "server/conversation"]],
    // A channel translates; rate limits and the like come from their own modules, not the HTTP app.
    ["server/channels", ["server/http", "server/console"]],
    // The turn pipeline speaks its own types; each channel translates to and from them.
    ["server/conversation", ["server/channels", "server/http", "server/console"]],
    // The HTTP app is given the console's routers by the server that puts the parts together.
    ["server/http", ["server/console"]],
  ])("keeps %s from importing %j", (from, forbidden) => {
    const crossing = importsUnder(from).filter((i) => forbidden.some((dir) => within(i.target, dir)));
    expect(crossing.map(describeImport)).toEqual([]);
  });

  it("keeps the console's browser code and the widget apart", () => {
    const crossing = [
      ...importsUnder("console/src").filter((i) => within(i.target, "widget/src")),
      ...importsUnder("widget/src").filter((i) => within(i.target, "console")),
      ...importsUnder("widget/shared").filter((i) => within(i.target, "widget/src") || within(i.target, "console")),
    ];
    expect(crossing.map(describeImport)).toEqual([]);
  });

  it("lets browser code take only types from the server, so no server code reaches a bundle", () => {
    const runtime = importsUnder(...BROWSER_DIRS).filter((i) => within(i.target, "server") && !i.typeOnly);
    expect(runtime.map(describeImport)).toEqual([]);
  });

  it("lets browser code take types only from the server's protocol files", () => {
    const protocols = [
      "server/channels/web/protocol",
      "server/console/clerkProtocol",
      "server/console/consoleRestProtocol",
      "server/console/dashboardProtocol",
      "server/console/postalProtocol",
    ];
    const elsewhere = importsUnder(...BROWSER_DIRS).filter(
      (i) => within(i.target, "server") && !protocols.includes(i.target!),
    );
    expect(elsewhere.map(describeImport)).toEqual([]);
  });

  it("declares each type the layers share once", () => {
    const shared = ["Locale", "ConversationStatus", "HandoffReason", "DossierStatus", "FieldSource", "MessageAuthor"];
    const declaration = new RegExp(`\\b(?:type|interface)\\s+(${shared.join("|")})\\b\\s*(?:<[^>]*>)?\\s*[={]`, "g");
    const files = ["server", "flows", ...BROWSER_DIRS].flatMap(typeScriptFiles);
    const declared = files.flatMap((file) =>
      [...readFileSync(path.join(ROOT, file), "utf8").matchAll(declaration)].map((m) => `${m[1]} in ${file}`),
    );
    expect(declared.sort()).toEqual([
      "ConversationStatus in server/engine/conversationState.ts",
      "DossierStatus in server/dossier/dossier.ts",
      "FieldSource in server/engine/conversationState.ts",
      "HandoffReason in server/engine/conversationState.ts",
      "Locale in server/engine/localized.ts",
      "MessageAuthor in server/engine/messageAuthor.ts",
    ]);
    // A locale spelled out as a union is a second declaration under another name.
    const spelledOut = files.filter((file) =>
      /["']vi["']\s*\|\s*["']en["']/.test(readFileSync(path.join(ROOT, file), "utf8")),
    );
    expect(spelledOut).toEqual(["server/engine/localized.ts"]);
  });
});
