import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The minimum versions of ../shared/reference/security-cases.md, table (b), for every copy of those packages
 * the production install holds (package-lock.json, dev-only packages left out): a check that needs no network,
 * beside `npm audit --omit=dev` in .ci/run, which needs the registry's advisory service.
 *
 * Per major line, the first release fixing every advisory of the table for that line; a major line missing
 * here predates the fixes and is refused.
 */
const MINIMUM: Record<string, Record<number, string>> = {
  // CVE-2024-38355, CVE-2020-28481
  "socket.io": { 4: "4.6.2" },
  // CVE-2022-2421, CVE-2023-32695, CVE-2026-33151, CVE-2026-69185
  "socket.io-parser": { 4: "4.2.7" },
  // CVE-2022-21676, CVE-2022-41940, CVE-2023-31125, CVE-2026-59725, GHSA-gr94-w7qr-f4j3
  "engine.io": { 6: "6.6.9" },
  // CVE-2024-37890, CVE-2026-45736, CVE-2021-32640
  ws: { 8: "8.20.1" },
  // CVE-2024-29041, CVE-2024-43796, and qs CVE-2025-15284 through express 4.22
  express: { 4: "4.22.0", 5: "5.0.0" },
  // CVE-2024-45590
  "body-parser": { 1: "1.20.3", 2: "2.0.0" },
  // CVE-2024-45296, CVE-2024-52798
  "path-to-regexp": { 0: "0.1.12", 8: "8.0.0" },
  // CVE-2024-43799, CVE-2024-43800, CVE-2024-47764
  send: { 0: "0.19.0", 1: "1.1.0" },
  "serve-static": { 1: "1.16.0", 2: "2.1.0" },
  cookie: { 0: "0.7.0", 1: "1.0.0" },
  // CVE-2022-24999, CVE-2025-15284
  qs: { 6: "6.14.1" },
  // CVE-2019-19919, CVE-2019-20920, CVE-2021-23369, CVE-2021-23383
  handlebars: { 4: "4.7.8" },
  // CVE-2025-47935, CVE-2025-47944, CVE-2025-7338
  multer: { 2: "2.0.2" },
  // CVE-2024-53900, CVE-2025-23061, GHSA-wpg9-53fq-2r8h
  mongoose: { 8: "8.22.1" },
  // CVE-2022-23529, CVE-2022-23539, CVE-2022-23540, CVE-2022-23541
  jsonwebtoken: { 9: "9.0.0" },
};

interface LockEntry {
  version?: string;
  dev?: boolean;
}

const lock = JSON.parse(readFileSync(path.join(__dirname, "../../package-lock.json"), "utf8")) as {
  packages: Record<string, LockEntry>;
};

function parts(version: string): number[] {
  return version
    .split("-")[0]!
    .split(".")
    .map((n) => Number(n));
}

function atLeast(version: string, minimum: string): boolean {
  const [a, b] = [parts(version), parts(minimum)];
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

/** Every installed copy of a package outside the dev tree, with where it sits. */
function productionCopies(name: string): { where: string; version: string }[] {
  return Object.entries(lock.packages)
    .filter(([where, entry]) => where.endsWith(`node_modules/${name}`) && !entry.dev && entry.version)
    .map(([where, entry]) => ({ where, version: entry.version! }));
}

describe("packages with known advisories", () => {
  it("are at or above the minimum version of their major line, every copy installed for production", () => {
    const tooOld: string[] = [];
    for (const [name, byMajor] of Object.entries(MINIMUM)) {
      for (const copy of productionCopies(name)) {
        const minimum = byMajor[parts(copy.version)[0]!];
        if (minimum === undefined || !atLeast(copy.version, minimum)) {
          tooOld.push(`${copy.where}@${copy.version} (minimum ${minimum ?? "a newer major line"})`);
        }
      }
    }
    expect(tooOld).toEqual([]);
  });

  it("include the transport and template packages the server runs on", () => {
    for (const name of ["socket.io", "socket.io-parser", "engine.io", "ws", "express", "handlebars"]) {
      expect([name, productionCopies(name).length > 0]).toEqual([name, true]);
    }
  });

  it("tells an old copy from a fixed one", () => {
    expect(atLeast("8.17.1", "8.20.1")).toBe(false);
    expect(atLeast("8.20.1", "8.20.1")).toBe(true);
    expect(atLeast("4.10.0", "4.7.8")).toBe(true);
  });
});
