/**
 * The dashboard's routes over real HTTP on a real SQLite file: the figures of a hand-made month, what
 * a clerk may see and export, the CSV files as Excel will read them, and the admin's audited full export.
 */
import type { DashboardFigures } from "../../server/console/dashboardProtocol";
import { HONG_NGU_UNITS_2022 } from "../../flows/units";
import { addUser } from "../../server/console/userAccounts";
import { addDays, formDate } from "../../server/deadlines/cityDay";
import { localIsoDate } from "../../server/engine/clock";
import { CLERK_PASSWORD } from "../support/consoleClient";
import { storeActivity, vn } from "../support/storedActivity";
import { startTestServer, type TestServer } from "../support/testServer";

// The real clock: the store checks sessions against it. Days are counted back from the city's today.
const TODAY = localIsoDate(new Date());
const DAY1 = addDays(TODAY, -21);
const DAY2 = addDays(TODAY, -20);
const EARLIER = addDays(TODAY, -60);
const BOM = "\uFEFF";
const HOA = {
  requesterFullName: 'Lê Thị "Hoa", khóm 1',
  requesterIdNumber: "087190001234",
  contactPhone: "0912345678",
};
const HOSTILE = { requesterFullName: '=HYPERLINK("http://evil.example","Bấm")', contactPhone: "+84 918 765 432" };

let server: TestServer;

/** A signed-in console user: the session cookie is all the routes read (GETs need no CSRF token). */
interface User {
  id: string;
  cookie: string;
}

beforeAll(async () => {
  server = await startTestServer();
  const store = server.store;
  // An Thạnh, 10 March: one online dossier after a 4-minute wait for a clerk (rated 5), one at the
  // counter after a 20-minute wait (rated 2), and a conversation that submitted nothing.
  await storeActivity(store, {
    unitId: "an-thanh",
    at: vn(`${DAY1}T08:00`),
    events: [
      { kind: "handoff.requested", at: vn(`${DAY1}T08:01`) },
      { kind: "handoff.taken", at: vn(`${DAY1}T08:05`), value: 4 * 60_000 },
      { kind: "rating.given", at: vn(`${DAY1}T08:30`), value: 5 },
    ],
    dossier: { at: vn(`${DAY1}T08:20`), method: "online", code: "HN-0001", fields: HOA },
  });
  await storeActivity(store, {
    unitId: "an-thanh",
    at: vn(`${DAY1}T09:00`),
    events: [
      { kind: "handoff.requested", at: vn(`${DAY1}T09:00`) },
      { kind: "handoff.taken", at: vn(`${DAY1}T09:20`), value: 20 * 60_000 },
      { kind: "rating.given", at: vn(`${DAY1}T09:40`), value: 2 },
    ],
    dossier: { at: vn(`${DAY1}T09:30`), method: "counter", code: "HN-0002", fields: HOSTILE },
  });
  await storeActivity(store, { unitId: "an-thanh", at: vn(`${DAY1}T11:00`) });
  // An Lộc, 11 March: one postal dossier overdue since 20 March, one due on the next working day.
  await storeActivity(store, {
    unitId: "an-loc",
    at: vn(`${DAY2}T14:00`),
    dossier: {
      at: vn(`${DAY2}T14:10`),
      method: "postal",
      code: "HN-0003",
      status: "received",
      dueDate: formDate(addDays(TODAY, -11)),
    },
  });
  await storeActivity(store, {
    unitId: "an-loc",
    at: vn(`${DAY2}T15:00`),
    dossier: {
      at: vn(`${DAY2}T15:05`),
      method: "online",
      code: "HN-0004",
      status: "processing",
      dueDate: formDate(TODAY),
    },
  });
  // Outside the ranges asked below.
  await storeActivity(store, {
    unitId: "an-thanh",
    at: vn(`${EARLIER}T08:00`),
    dossier: { at: vn(`${EARLIER}T08:10`), method: "online", code: "HN-0009" },
  });
}, 30_000);

afterAll(async () => {
  await server.stop();
});

async function signedIn(username: string, role: "clerk" | "supervisor" | "admin", unitIds: string[] = []) {
  const { user } = await addUser(
    server.store,
    HONG_NGU_UNITS_2022,
    { username, role, unitIds, displayName: username, password: CLERK_PASSWORD },
    new Date(),
  );
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password: CLERK_PASSWORD }),
  });
  return { id: user.id, cookie: /khaiho_session=[^;]*/.exec(res.headers.get("set-cookie") ?? "")![0] };
}

let users: { lan: User; boss: User; admin: User } | null = null;
async function people() {
  users ??= {
    lan: await signedIn("lan", "clerk", ["an-thanh"]),
    boss: await signedIn("boss", "supervisor"),
    admin: await signedIn("root", "admin"),
  };
  return users;
}

function get(user: User | null, path: string): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers: user ? { Cookie: user.cookie } : {} });
}

async function figures(user: User, query: string): Promise<DashboardFigures> {
  const res = await get(user, `/api/console/dashboard${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { figures: DashboardFigures }).figures;
}

/** A CSV body as rows of cells (the files here have no line breaks inside cells). */
function cells(text: string): string[][] {
  return text
    .replace(BOM, "")
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!).slice(0, -1));
}

describe("the dashboard's figures", () => {
  it("sum a hand-made fortnight per unit: methods, online share, waits, ratings, overdue and due soon", async () => {
    const { boss } = await people();
    const seen = await figures(boss, `?from=${DAY1}&to=${DAY2}`);
    expect(seen.days).toEqual([DAY1, DAY2]);
    expect(seen.units).toHaveLength(7);
    const anThanh = seen.units.find((u) => u.unitId === "an-thanh")!;
    expect(anThanh.name).toBe("Phường An Thạnh");
    expect(anThanh.totals).toEqual({
      conversations: 3,
      submitted: 2,
      submittedBy: { online: 1, counter: 1, postal: 0 },
      onlineShare: 0.5,
      withClerk: 2,
      handoffs: 2,
      medianWaitMinutes: 12,
      longestWaitMinutes: 20,
      callbacks: 0,
      ratings: 2,
      averageRating: 3.5,
      unanswered: 0,
    });
    expect(anThanh.daily.submitted).toEqual([2, 0]);
    const anLoc = seen.units.find((u) => u.unitId === "an-loc")!;
    expect([anLoc.totals.submitted, anLoc.overdue, anLoc.dueSoon]).toEqual([2, 1, 1]);
    expect(seen.total.totals).toMatchObject({ submitted: 4, onlineShare: 0.5, conversations: 5 });
    expect(seen.today).toBe(TODAY);
    expect(seen.dueSoonBy > TODAY).toBe(true);
    expect(seen.mayExportFull).toBe(false);
  });

  it("default to the 30 days up to the city's today", async () => {
    const { boss } = await people();
    const seen = await figures(boss, "");
    expect([seen.from, seen.to, seen.days.length]).toEqual([addDays(TODAY, -29), TODAY, 30]);
    expect(seen.total.totals.submitted).toBe(4);
  });

  it("show a clerk only their units, and refuse another unit's figures and exports in both languages", async () => {
    const { lan } = await people();
    const own = await figures(lan, `?from=${DAY1}&to=${TODAY}`);
    expect(own.units.map((u) => u.unitId)).toEqual(["an-thanh"]);
    expect(own.choices).toEqual([{ id: "an-thanh", name: "Phường An Thạnh" }]);
    expect([own.total.totals.submitted, own.total.overdue]).toEqual([2, 0]);
    for (const path of [
      "/api/console/dashboard",
      "/api/console/dashboard/figures.csv",
      "/api/console/dashboard/dossiers.csv",
    ]) {
      const res = await get(lan, `${path}?units=an-loc`);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        ok: false,
        error: {
          code: "DASHBOARD_UNIT_FORBIDDEN",
          message:
            'Bạn chỉ xem được số liệu của đơn vị mình; "an-loc" không thuộc đơn vị của bạn. / ' +
            'You can only see your own units\' figures; "an-loc" is not one of them.',
        },
      });
    }
    const csv = await (await get(lan, `/api/console/dashboard/dossiers.csv?from=${DAY1}&to=${TODAY}`)).text();
    expect(cells(csv).map((row) => row[0])).toEqual(["Mã hồ sơ / Receipt code", "HN-0001", "HN-0002"]);
  });

  it("refuse a date that does not exist, a reversed range and more than 366 days, saying how to fix it", async () => {
    const { boss } = await people();
    const cases: [string, string][] = [
      ["?from=2026-02-30", 'Ngày "2026-02-30" (from) không hợp lệ; viết theo dạng YYYY-MM-DD'],
      ["?to=31/03/2026", '"31/03/2026" (to) is not a valid date; write it as YYYY-MM-DD'],
      ["?from=2026-03-20&to=2026-03-01", "Ngày bắt đầu 2026-03-20 sau ngày kết thúc 2026-03-01"],
      [`?from=${addDays(TODAY, -366)}&to=${TODAY}`, "The range is 367 days long; choose at most 366"],
    ];
    for (const path of [
      "/api/console/dashboard",
      "/api/console/dashboard/figures.csv",
      "/api/console/dashboard/dossiers.csv",
    ]) {
      for (const [query, words] of cases) {
        const res = await get(boss, `${path}${query}`);
        expect(res.status).toBe(400);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe("DASHBOARD_RANGE_INVALID");
        expect(body.error.message).toContain(words);
      }
    }
    expect((await get(boss, "/api/console/dashboard?units=phuong-9")).status).toBe(400);
  });

  it("need a signed-in user", async () => {
    for (const path of [
      "/api/console/dashboard",
      "/api/console/dashboard/figures.csv",
      "/api/console/dashboard/dossiers.csv",
    ]) {
      expect((await get(null, path)).status).toBe(401);
    }
  });
});

describe("the CSV exports", () => {
  it("give the figures per day and unit, with a byte-order mark, a bilingual header and a file name", async () => {
    const { boss } = await people();
    const res = await get(boss, `/api/console/dashboard/figures.csv?from=${DAY1}&to=${DAY2}&units=an-thanh,an-loc`);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="so-lieu_${DAY1}_${DAY2}.csv"; filename*=UTF-8''so-lieu_${DAY1}_${DAY2}.csv`,
    );
    const body = Buffer.from(await res.arrayBuffer());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = cells(body.toString("utf8"));
    expect(rows[0]!.slice(0, 5)).toEqual([
      "Ngày / Day",
      "Mã đơn vị / Unit id",
      "Đơn vị / Unit",
      "Cuộc trò chuyện / Conversations",
      "Hồ sơ nộp / Dossiers submitted",
    ]);
    // Two days × two units, each day with every unit: zeros are rows too.
    expect(rows.slice(1).map((r) => r.slice(0, 9))).toEqual([
      [DAY1, "an-thanh", "Phường An Thạnh", "3", "2", "1", "1", "0", "50"],
      [DAY1, "an-loc", "Phường An Lộc", "0", "0", "0", "0", "0", ""],
      [DAY2, "an-thanh", "Phường An Thạnh", "0", "0", "0", "0", "0", ""],
      [DAY2, "an-loc", "Phường An Lộc", "2", "2", "1", "0", "1", "50"],
    ]);
    expect(rows[1]!.slice(9)).toEqual(["2", "2", "12", "20", "0", "2", "3.5", "0"]);
  });

  it("quote commas and quotes, neutralise formulas and mask CCCD and phone in the dossiers", async () => {
    const { boss } = await people();
    const res = await get(boss, `/api/console/dashboard/dossiers.csv?from=${DAY1}&to=${DAY1}`);
    expect(res.headers.get("content-disposition")).toContain(`filename="ho-so_${DAY1}_${DAY1}.csv"`);
    // Read as bytes: fetch's text() drops the byte-order mark Excel needs.
    const text = Buffer.from(await res.arrayBuffer()).toString("utf8");
    expect(text.startsWith(`${BOM}Mã hồ sơ / Receipt code,Thủ tục / Procedure,`)).toBe(true);
    const lines = text.split("\r\n");
    expect(lines[1]).toBe(
      `HN-0001,Đăng ký khai tử,Phường An Thạnh,"đã nộp, chờ tiếp nhận",${DAY1} 08:20,Trực tuyến,` +
        'Tại quầy,,,"Lê Thị ""Hoa"", khóm 1",0871******34,091****678',
    );
    // Excel would run the name as a formula; the quote before it makes it text.
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil.example"",""Bấm"")"`);
    expect(lines[2]!.endsWith(",,849*****432")).toBe(true);
    expect(text).not.toContain("087190001234");
    expect(text).not.toContain("0912345678");
  });

  it("refuse the full export to a supervisor, and give it to an admin, audited without personal data", async () => {
    const { boss, admin } = await people();
    const refused = await get(boss, "/api/console/dashboard/dossiers.csv?full=1");
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("DASHBOARD_EXPORT_FORBIDDEN");

    const res = await get(admin, `/api/console/dashboard/dossiers.csv?from=${DAY1}&to=${TODAY}&full=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(`filename="ho-so-day-du_${DAY1}_${TODAY}.csv"`);
    const text = await res.text();
    expect(text).toContain(",087190001234,0912345678\r\n");
    // As the citizen wrote it, with the quote that keeps Excel from reading "+84…" as a formula.
    expect(text).toContain(",'+84 918 765 432\r\n");
    const audit = await server.store.listAudit({ actorId: admin.id }, 10);
    expect(audit.map((a) => [a.action, a.detail])).toContainEqual([
      "export.dossiers",
      { from: DAY1, to: TODAY, units: "*", full: true },
    ]);
    const logged = JSON.stringify(await server.store.listAudit({}, 100));
    for (const secret of ["087190001234", "0912345678", "918 765 432", "Hoa", "HYPERLINK"]) {
      expect(logged).not.toContain(secret);
    }
  });

  it("page through a large export without repeating or losing a dossier received at the same instant", async () => {
    const { boss } = await people();
    // 1,203 dossiers at three instants: every page boundary falls between dossiers of one instant.
    for (let i = 0; i < 1_203; i += 1) {
      await storeActivity(server.store, {
        unitId: "binh-thanh",
        at: vn("2026-01-05T07:00"),
        dossier: {
          at: vn(`2026-01-05T${String(8 + (i % 3)).padStart(2, "0")}:00`),
          method: "online",
          code: `BT-20260105-${String(i).padStart(4, "0")}`,
        },
      });
    }
    const text = await (
      await get(boss, "/api/console/dashboard/dossiers.csv?from=2026-01-05&to=2026-01-05&units=binh-thanh")
    ).text();
    const codes = cells(text)
      .slice(1)
      .map((row) => row[0]!);
    expect(codes).toHaveLength(1_203);
    expect(new Set(codes).size).toBe(1_203);
    // Oldest first, then by code.
    expect(codes.slice(0, 2)).toEqual(["BT-20260105-0000", "BT-20260105-0003"]);
    expect(codes[1_202]).toBe("BT-20260105-1202");
  }, 60_000);
});
