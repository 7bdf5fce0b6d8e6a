/**
 * The dashboard in a real browser: four weeks of a city's activity (made the same every run) in a real
 * SQLite file; a supervisor opens "Thống kê", which loads the second script with Chart.js only then,
 * picks the four weeks, reads the tiles, the charts' tables and the units side by side, and downloads a
 * CSV; a clerk of An Thạnh sees An Thạnh only. The screenshot goes to `docs/dashboard.png`.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { HONG_NGU_UNITS_2022 } from "../../flows/units";
import { addUser } from "../../server/console/userAccounts";
import { formDate } from "../../server/deadlines/cityDay";
import { localIsoDate } from "../../server/engine/clock";
import type { Store } from "../../server/store/store";
import {
  type ConsoleBrowser,
  describeInChromium,
  DOCS,
  eventually,
  OFFICE_SCREEN,
  startConsoleBrowser,
} from "../support/consoleBrowser";
import { addClerk, CLERK_PASSWORD } from "../support/consoleClient";
import { storeActivity, vn } from "../support/storedActivity";

const FROM = "2026-11-02";
const DAYS = 28;
const TO = "2026-11-29";
const SUPERVISOR = { username: "thu", displayName: "Võ Thị Thu" };
const CLERK = { username: "lan", displayName: "Nguyễn Thị Lan" };

/** How each unit does: its share of dossiers filed online, its usual wait for a clerk, its ratings. */
const UNIT_HABITS: Record<string, { online: number; waitMinutes: number; rating: number }> = {
  "an-thanh": { online: 0.97, waitMinutes: 3, rating: 4.7 },
  "an-loc": { online: 0.82, waitMinutes: 14, rating: 3.9 },
  "an-lac": { online: 0.93, waitMinutes: 6, rating: 4.5 },
  "an-binh-a": { online: 0.9, waitMinutes: 8, rating: 4.3 },
  "an-binh-b": { online: 0.88, waitMinutes: 5, rating: 4.4 },
  "tan-hoi": { online: 0.7, waitMinutes: 11, rating: 4.1 },
  "binh-thanh": { online: 0.76, waitMinutes: 9, rating: 4.2 },
};

/** A fixed sequence of "random" numbers (a linear congruential generator): the same city every run. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Four weeks of the seven units: fewer dossiers at weekends, each unit with its online share, waits and
 * ratings; then dossiers overdue since mid-November in three units and two due today in An Thạnh.
 */
async function fourWeeks(store: Store): Promise<void> {
  const next = sequence(2022);
  let serial = 0;
  for (let d = 0; d < DAYS; d += 1) {
    const day = `2026-11-${pad(2 + d)}`;
    const weekend = d % 7 >= 5;
    for (const unit of HONG_NGU_UNITS_2022) {
      const habits = UNIT_HABITS[unit.id]!;
      const dossiers = weekend ? 1 + Math.floor(next() * 2) : 4 + Math.floor(next() * 6);
      for (let i = 0; i < dossiers; i += 1) {
        serial += 1;
        const minute = 7 * 60 + 30 + Math.floor(next() * 540);
        const at = (plus: number) => vn(`${day}T${pad(Math.floor((minute + plus) / 60))}:${pad((minute + plus) % 60)}`);
        const events: Parameters<typeof storeActivity>[1]["events"] = [];
        if (next() < 0.3) {
          const wait = Math.max(1, Math.round(habits.waitMinutes * (0.4 + next() * 1.4)));
          events.push(
            { kind: "handoff.requested", at: at(1) },
            { kind: "handoff.taken", at: at(1), value: wait * 60_000 },
          );
        }
        if (next() < 0.45) {
          const score = Math.min(5, Math.max(1, Math.round(habits.rating + (next() - 0.5) * 2)));
          events.push({ kind: "rating.given", at: at(3), value: score });
        }
        await storeActivity(store, {
          unitId: unit.id,
          at: at(0),
          events,
          dossier: {
            at: at(2),
            method: next() < habits.online ? "online" : next() < 0.7 ? "counter" : "postal",
            code: `HN-${day.replace(/-/g, "")}-${String(serial).padStart(4, "0")}`,
          },
        });
      }
      // Conversations that asked and filed nothing, some with a question the assistant did not understand.
      for (let i = Math.floor(next() * 3); i > 0; i -= 1) {
        const at = vn(`${day}T10:00`);
        const events = next() < 0.5 ? [{ kind: "question.unanswered" as const, at, text: "ly hôn thì làm sao" }] : [];
        await storeActivity(store, { unitId: unit.id, at, events });
      }
    }
  }
  const late: [string, number][] = [
    ["an-loc", 4],
    ["tan-hoi", 2],
    ["binh-thanh", 1],
  ];
  for (const [unitId, n] of late) {
    for (let i = 0; i < n; i += 1) {
      await storeActivity(store, {
        unitId,
        at: vn("2026-11-03T09:00"),
        dossier: { at: vn("2026-11-03T09:10"), method: "counter", status: "received", dueDate: "13/11/2026" },
      });
    }
  }
  // Due today, whenever the test runs: due soon, never overdue.
  for (let i = 0; i < 2; i += 1) {
    await storeActivity(store, {
      unitId: "an-thanh",
      at: vn("2026-11-20T09:00"),
      dossier: {
        at: vn("2026-11-20T09:10"),
        method: "online",
        status: "processing",
        dueDate: formDate(localIsoDate(new Date())),
      },
    });
  }
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(CLERK_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByRole("tab", { name: "Thống kê" }).waitFor();
}

async function tableRows(page: Page, name: string): Promise<string[][]> {
  const rows = page.getByRole("table", { name, exact: true }).locator("tbody tr");
  return Promise.all((await rows.all()).map((row) => row.locator("th, td").allInnerTexts()));
}

describeInChromium("the dashboard, in Chromium", () => {
  let chromium: ConsoleBrowser | null = null;

  beforeAll(async () => {
    chromium = await startConsoleBrowser();
    const store = chromium.server.store;
    await addUser(
      store,
      HONG_NGU_UNITS_2022,
      { ...SUPERVISOR, role: "supervisor", unitIds: [], password: CLERK_PASSWORD },
      new Date(),
    );
    await addClerk(store, CLERK);
    await fourWeeks(store);
  }, 60_000);

  afterAll(async () => {
    await chromium?.stop();
  }, 15_000);

  it("loads Chart.js only when the tab opens, and shows four weeks of seven units as charts and tables", async () => {
    const scripts: string[] = [];
    const cspViolations: string[] = [];
    const page = await chromium!.openPage(OFFICE_SCREEN, "/console", (p) => {
      p.on("request", (request) => {
        if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
      });
      p.on("console", (message) => {
        if (message.text().includes("Content Security Policy")) cspViolations.push(message.text());
      });
    });
    await signIn(page, SUPERVISOR.username);
    // The console's first load: its own script, no Chart.js.
    expect(scripts).toEqual(["/console.js"]);

    await page.getByRole("tab", { name: "Thống kê" }).click();
    const panel = page.getByRole("tabpanel", { name: "Thống kê" });
    await panel.getByText(/^Số liệu từ/).waitFor();
    expect(scripts).toEqual(["/console.js", "/console-dashboard.js"]);

    await panel.getByLabel("Từ ngày").fill(FROM);
    await panel.getByLabel("Đến ngày").fill(TO);
    await panel.getByRole("button", { name: "Xem số liệu" }).click();
    await panel.getByText(`Số liệu từ 02/11/2026 đến 29/11/2026 (${DAYS} ngày).`).waitFor();

    // The tiles: the sums of the units' table below them.
    const summary = await tableRows(page, "Tổng hợp theo đơn vị");
    expect(summary.map((row) => row[0])).toEqual([...HONG_NGU_UNITS_2022.map((u) => u.nameVi), "Tổng"]);
    const total = summary[summary.length - 1]!;
    const submitted = summary.slice(0, -1).reduce((sum, row) => sum + Number(row[2]!.replace(/\./g, "")), 0);
    expect(Number(total[2]!.replace(/\./g, ""))).toBe(submitted);
    const tiles = panel.locator("dl.tiles");
    expect(await tiles.locator(".tile-value").nth(1).innerText()).toBe(total[2]);
    expect(await tiles.locator(".tile-value").nth(0).innerText()).toBe(total[3]);
    expect(total[3]).toMatch(/^\d{2}(,\d{1,2})?%$/);
    // Overdue as of today: 4 in An Lộc, 2 in Tân Hội, 1 in Bình Thạnh; due soon: An Thạnh's 2.
    expect(await tableRows(page, "Hồ sơ quá hạn và sắp đến hạn theo đơn vị")).toEqual([
      ["Phường An Thạnh", "0", "2"],
      ["Phường An Lộc", "4", "0"],
      ["Phường An Lạc", "0", "0"],
      ["Phường An Bình A", "0", "0"],
      ["Phường An Bình B", "0", "0"],
      ["Xã Tân Hội", "2", "0"],
      ["Xã Bình Thạnh", "1", "0"],
      ["Tổng", "7", "2"],
    ]);
    // Every chart is a canvas drawn by Chart.js, described for screen readers, with its data table.
    const canvases = panel.locator("canvas[role=img]");
    expect(await canvases.count()).toBe(6);
    await eventually(
      // Run in the page; the project's type library has no DOM, so the canvas is typed by what is read.
      () => canvases.evaluateAll((all) => all.map((c) => (c as unknown as { width: number }).width > 0)),
      (drawn) => drawn.every(Boolean),
      "every canvas drawn",
    );
    expect(await canvases.first().getAttribute("aria-label")).toMatch(
      /^Hồ sơ nộp mỗi ngày theo đơn vị\. Cột chồng theo đơn vị: [\d.]+ hồ sơ trong 28 ngày\.$/,
    );
    const volumes = await tableRows(page, "Hồ sơ nộp mỗi ngày theo đơn vị");
    expect(volumes).toHaveLength(DAYS);
    expect(volumes[0]![0]).toBe("02/11/2026");

    // The downloads are of what is shown, masked for a supervisor, and there is no full export to click.
    const link = panel.getByRole("link", { name: "Danh sách hồ sơ (CCCD, số điện thoại đã che)" });
    expect(await link.getAttribute("href")).toBe(`/api/console/dashboard/dossiers.csv?from=${FROM}&to=${TO}`);
    expect(await panel.getByRole("link", { name: "Danh sách hồ sơ đầy đủ" }).count()).toBe(0);
    const csv = await page.evaluate(async (href) => (await fetch(href)).text(), (await link.getAttribute("href"))!);
    expect(csv.split("\r\n").filter((line) => line !== "")).toHaveLength(submitted + 1);

    await screenshot(page);
    expect(cspViolations).toEqual([]);
    expect(chromium!.pageErrors).toEqual([]);
  }, 60_000);

  it("shows a clerk their own unit only", async () => {
    const page = await chromium!.openPage(OFFICE_SCREEN, "/console");
    await signIn(page, CLERK.username);
    await page.getByRole("tab", { name: "Thống kê" }).click();
    const panel = page.getByRole("tabpanel", { name: "Thống kê" });
    await panel.getByLabel("Từ ngày").fill(FROM);
    await panel.getByLabel("Đến ngày").fill(TO);
    await panel.getByRole("button", { name: "Xem số liệu" }).click();
    await panel.getByText(`Số liệu từ 02/11/2026 đến 29/11/2026 (${DAYS} ngày).`).waitFor();
    expect(await panel.getByLabel("Đơn vị").locator("option").allInnerTexts()).toEqual(["Phường An Thạnh"]);
    expect((await tableRows(page, "Tổng hợp theo đơn vị")).map((row) => row[0])).toEqual(["Phường An Thạnh", "Tổng"]);
    expect(chromium!.pageErrors).toEqual([]);
  }, 30_000);
});

/** The whole page, as tall as the dashboard: the charts two by two at the office's 1366 px. */
async function screenshot(page: Page): Promise<void> {
  const height = await page.locator(".dashboard").evaluate((element) => {
    const panel = element as unknown as { scrollHeight: number; getBoundingClientRect(): { top: number } };
    return panel.getBoundingClientRect().top + panel.scrollHeight + 8;
  });
  await page.setViewportSize({ width: OFFICE_SCREEN.width, height: Math.ceil(height) });
  // Chart.js redraws on the resize it observes; one frame later the canvases are settled.
  await page.evaluate("new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))");
  await page.screenshot({ path: path.join(DOCS, "dashboard.png"), animations: "disabled", caret: "hide" });
}
