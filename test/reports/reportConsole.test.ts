import type { DailyReportSummary, DailyReportView, DossierSummary } from "../../server/console/consoleRestProtocol";
import { addDays } from "../../server/deadlines/cityDay";
import { localIsoDate } from "../../server/engine/clock";
import { Clerk } from "../support/consoleClient";
import { storeActivity } from "../support/storedActivity";
import { startTestServer, type TestServer } from "../support/testServer";

let server: TestServer;
const open: { close(): void }[] = [];
const vn = (local: string) => new Date(`${local}+07:00`);
// The server runs on the real clock (sessions expire by it): the days are counted from today.
const today = localIsoDate(new Date());
const formDay = (day: string) => day.split("-").reverse().join("/");

beforeEach(async () => {
  // No schedule: the test says when a report is made.
  server = await startTestServer({ REPORT_CRON: "off" });
});
afterEach(async () => {
  open.splice(0).forEach((c) => c.close());
  await server.stop();
});

async function signedIn(username: string, role: "clerk" | "supervisor", unitIds: string[]): Promise<Clerk> {
  const user = await Clerk.login(server, username, role, unitIds, username);
  open.push(user);
  return user;
}

async function get<T>(user: Clerk, path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, { headers: { Cookie: user.cookie } });
  return { status: response.status, body: (await response.json()) as T };
}

describe("the console and the legal deadlines", () => {
  it("lists overdue dossiers first, then those due by the next working day, then the newest", async () => {
    const due = (dueDate: string, at: string, status: "submitted" | "processing" | "done" = "processing") =>
      storeActivity(server.store, {
        unitId: "an-thanh",
        at: vn(at),
        dossier: { at: vn(at), method: "online", dueDate, status },
      });
    const overdue = await due(formDay(addDays(today, -3)), `${addDays(today, -9)}T09:00:00`);
    const soon = await due(formDay(today), `${addDays(today, -7)}T09:00:00`);
    const later = await due(formDay(addDays(today, 12)), `${addDays(today, -1)}T08:00:00`, "submitted");
    const answered = await due(formDay(addDays(today, -4)), `${addDays(today, -8)}T09:00:00`, "done");
    const lan = await signedIn("lan", "clerk", ["an-thanh"]);
    const listed = await get<{ dossiers: DossierSummary[] }>(lan, "/api/console/dossiers");
    expect(listed.body.dossiers.map((d) => [d.code, d.due])).toEqual([
      [overdue, "overdue"],
      [soon, "soon"],
      [later, null],
      [answered, null],
    ]);
    expect(listed.body.dossiers[0]!.dueDate).toBe(formDay(addDays(today, -3)));
    // Another unit's clerk sees none of them.
    const binh = await signedIn("binh", "clerk", ["an-loc"]);
    expect((await get<{ dossiers: DossierSummary[] }>(binh, "/api/console/dossiers")).body.dossiers).toEqual([]);
  });
});

describe("the daily reports in the console", () => {
  it("shows supervisors the history, a report's text and chart, and refuses clerks in both languages", async () => {
    const day = addDays(today, -1);
    await storeActivity(server.store, {
      unitId: "an-thanh",
      at: vn(`${day}T09:00:00`),
      dossier: { at: vn(`${day}T09:10:00`), method: "online" },
    });
    const made = await server.server.reports.make(day, { late: true, cut: "12:00" });
    expect(made.made).toBe(true);
    const chief = await signedIn("chief", "supervisor", []);
    const history = await get<{ reports: DailyReportSummary[] }>(chief, "/api/console/reports");
    expect(history.body.reports).toEqual([
      expect.objectContaining({ day, late: true, posting: "not_configured", sentMessages: 0 }),
    ]);
    const one = await get<{ report: DailyReportView }>(chief, `/api/console/reports/${day}`);
    expect(one.body.report.text).toContain(`BÁO CÁO NGÀY ${formDay(day)}`);
    expect(one.body.report.text).toContain("Phường An Thạnh");
    const chart = await fetch(`${server.url}/api/console/reports/${day}/chart.png`, {
      headers: { Cookie: chief.cookie },
    });
    expect(chart.headers.get("content-type")).toBe("image/png");
    expect(
      Buffer.from(await chart.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
    expect((await get(chief, `/api/console/reports/${addDays(day, -1)}`)).status).toBe(404);
    expect((await get(chief, "/api/console/reports/not-a-day")).status).toBe(404);
    const lan = await signedIn("lan", "clerk", ["an-thanh"]);
    const refused = await get<{ error: { code: string; message: string; en?: string } }>(lan, "/api/console/reports");
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toMatch(/lãnh đạo/);
    expect(JSON.stringify(refused.body)).toMatch(/supervisors/);
  });
});
