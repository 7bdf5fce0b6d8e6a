import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { buildConsole, CONSOLE_PAGE } from "../../console/build";
import { buildWidget } from "../../widget/build";
import { startTestServer, type TestServer } from "./testServer";

export const CHROMIUM = "/usr/bin/chromium";
const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
/** Where the screenshots of the browser tests go. */
export const DOCS = path.resolve(__dirname, "../../docs");
/** The office screen the console is made for (1366×768). */
export const OFFICE_SCREEN = { width: 1366, height: 768 };
export const APP_TITLE = "Khai Hộ – Bàn làm việc";

/**
 * Polls `read` until `test` holds (at most `timeoutMs`); the timeout error says what was awaited
 * and what was seen last. For what a locator cannot wait on by itself (counts, titles).
 */
export async function eventually<T>(
  read: () => Promise<T>,
  test: (value: T) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (test(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; saw ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * `describe` when Debian's Chromium is installed. Without it the suite is skipped with a note,
 * except on CI, where a missing browser is a failing test.
 */
export function describeInChromium(title: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(title, body);
    return;
  }
  if (process.env.CI === "true") {
    describe(`${title}: Chromium on CI`, () => {
      it("finds Chromium at /usr/bin/chromium", () => {
        throw new Error(
          `${CHROMIUM} is missing: install the Debian package with "apt-get install -y chromium" (.ci/run does ` +
            `it). On CI the browser tests must run.`,
        );
      });
    });
    return;
  }
  process.stderr.write(`browser test "${title}" skipped: ${CHROMIUM} is missing\n`);
  describe.skip(title, body);
}

/** A real server serving the built widget and console, and Chromium to open them in. */
export interface ConsoleBrowser {
  server: TestServer;
  /** Errors thrown in any page opened, prefixed with its address: a test ends expecting none. */
  pageErrors: string[];
  /** A fresh context (its own cookies and storage: another person) on `url`; `before` runs before the page loads. */
  openPage(viewport: { width: number; height: number }, url: string, before?: (page: Page) => void): Promise<Page>;
  stop(): Promise<void>;
}

/**
 * The browser of a test file: started before its tests (with `env`), stopped after them. Call it in
 * a `describe` body; the tests reach the browser through the returned function.
 */
export function chromiumForThisFile(env: Record<string, string> = {}): () => ConsoleBrowser {
  let browser: ConsoleBrowser | null = null;
  beforeAll(async () => {
    browser = await startConsoleBrowser(env);
  }, 60_000);
  afterAll(async () => {
    await browser?.stop();
  }, 15_000);
  return () => {
    if (!browser) throw new Error("the browser is not started");
    return browser;
  };
}

/**
 * Builds the widget and the console, starts the server on them (with `env` on top of the
 * tests' settings) and launches Chromium.
 */
export async function startConsoleBrowser(env: Record<string, string> = {}): Promise<ConsoleBrowser> {
  const buildDir = mkdtempSync(path.join(tmpdir(), "khai-ho-e2e-console-"));
  const [widget, consoleBuild] = await Promise.all([
    buildWidget({ outFile: path.join(buildDir, "widget.js") }),
    buildConsole({ outFile: path.join(buildDir, "console.js") }),
  ]);
  const server = await startTestServer(
    // Open every hour of every day: the test must not depend on when it runs.
    {
      ALLOWED_ORIGINS: "*",
      RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000",
      WORKING_HOURS: "sun-sat 00:00-24:00",
      HOLIDAYS: "",
      ...env,
    },
    undefined,
    readFileSync(widget.outFile, "utf8"),
    {
      html: readFileSync(CONSOLE_PAGE, "utf8"),
      js: readFileSync(consoleBuild.outFile, "utf8"),
      css: readFileSync(consoleBuild.cssFile, "utf8"),
      dashboardJs: readFileSync(consoleBuild.dashboard.outFile, "utf8"),
    },
  );
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, timeout: 20_000 });
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  return {
    server,
    pageErrors,
    async openPage(viewport, url, before) {
      const context = await browser.newContext({ viewport });
      contexts.push(context);
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      page.on("pageerror", (error) => pageErrors.push(`${url}: ${error.message}`));
      before?.(page);
      await page.goto(`${server.url}${url}`);
      return page;
    },
    async stop() {
      await Promise.all(contexts.map((context) => context.close().catch(() => {})));
      await browser.close().catch(() => {});
      await server.stop().catch(() => {});
      rmSync(buildDir, { recursive: true, force: true });
    },
  };
}
