import { mkdtempSync, rmSync, statSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadBrowserAssets } from "../../server/loadBrowserAssets";

describe("the widget and console bundles a start serves", () => {
  let distDir: string;
  beforeAll(() => {
    distDir = mkdtempSync(path.join(tmpdir(), "khai-ho-dist-"));
  });
  afterAll(() => rmSync(distDir, { recursive: true, force: true }));

  it(
    "are bundled when missing, read as built on the next " + "start, and bundled again once older than a source",
    async () => {
      const first = await loadBrowserAssets(distDir);
      expect(first.built).toBe(true);
      expect(first.widget).toContain("khai-ho");
      expect(first.console.js.length).toBeGreaterThan(1000);
      expect(first.console.css.length).toBeGreaterThan(100);

      const widgetFile = path.join(distDir, "widget.js");
      const builtAt = statSync(widgetFile).mtimeMs;
      const second = await loadBrowserAssets(distDir);
      expect(second.built).toBe(false);
      expect(second.widget).toBe(first.widget);
      expect(statSync(widgetFile).mtimeMs).toBe(builtAt);

      // A bundle dated before its sources were last saved, as after editing the widget.
      utimesSync(widgetFile, new Date(2000, 0, 1), new Date(2000, 0, 1));
      const third = await loadBrowserAssets(distDir);
      expect(third.built).toBe(true);
      expect(statSync(widgetFile).mtimeMs).toBeGreaterThan(new Date(2000, 0, 1).getTime());
    },
    60_000,
  );
});
