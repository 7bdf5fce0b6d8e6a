import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildConsole, type ConsoleBuild } from "../../console/build";
import { HTML_SINKS } from "../support/browserSource";

/** Chart.js 4 with the six charts' parts weighs ~71 KB gzipped; this catches all of Chart.js (or more) slipping in. */
const DASHBOARD_GZIP_CEILING_BYTES = 90 * 1024;

describe("the dashboard's bundle", () => {
  let dir: string;
  let build: ConsoleBuild;
  let consoleCode: string;
  let dashboardCode: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "khai-ho-dashboard-"));
    build = await buildConsole({ outFile: path.join(dir, "console.js") });
    consoleCode = readFileSync(build.outFile, "utf8");
    dashboardCode = readFileSync(build.dashboard.outFile, "utf8");
  }, 60_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("is a second script beside console.js, and console.js carries none of Chart.js", () => {
    expect(build.dashboard.outFile).toBe(path.join(dir, "dashboard.js"));
    expect(dashboardCode).toContain("Chart.js v4");
    expect(["Chart.js", "doughnut", "LinearScale", "chartjs"].filter((name) => consoleCode.includes(name))).toEqual([]);
    // The console only knows where the dashboard is and the name it registers under.
    expect(consoleCode).toContain("/console-dashboard.js");
    expect(consoleCode).toContain("khaiHoDashboard");
    expect(build.dashboard.gzipBytes).toBeLessThanOrEqual(DASHBOARD_GZIP_CEILING_BYTES);
  });

  it("is one classic script, ASCII only, with no HTML sink, eval or dynamic import", () => {
    expect(/^("use strict";)?\(\(\)=>\{/.test(dashboardCode)).toBe(true);
    expect(/^[\x00-\x7f]*$/.test(dashboardCode)).toBe(true);
    const banned = [...HTML_SINKS, "eval(", "new Function", "import(", "sourceMappingURL"];
    expect(banned.filter((name) => dashboardCode.includes(name))).toEqual([]);
  });

  it("is listed among the console's inputs, so a changed dashboard file rebuilds the bundles at start", () => {
    const relative = build.inputs.map((file) => path.relative(path.resolve(__dirname, "../.."), file));
    expect(relative).toContain("console/src/dashboardView.ts");
    expect(relative.some((file) => file.startsWith("node_modules/chart.js/"))).toBe(true);
  });
});
