import { localIsoDate } from "../../server/engine/clock";
import { Clerk, consoleRequest } from "../support/consoleClient";
import { submitOverChat } from "../support/submitOverChat";
import { Citizen, startTestServer, type TestServer } from "../support/testServer";

// Outside the dossier a clerk opens (audited), a CCCD or a phone is never shown in full (Nghị định
// 13/2023). Already proved elsewhere: the dossiers CSV masks both (test/console/dashboardRoutes.test.ts),
// the postal list and its CSV mask the CCCD (test/console/postalList.test.ts; the postman calls the
// phone, so it is shown), the Botpress relay and the report's unanswered questions mask what the
// citizen typed (test/botpress, test/reports/serviceEventsOfTurn.test.ts). Here: the places left.

jest.setTimeout(60_000);

const CCCD = "079203005521";
const PHONE = "0938 552 104";
const TYPED_CCCD = "079203005522";
const TYPED_PHONE = "0938 552 105";
const FULL = [CCCD, "0938552104", TYPED_CCCD, "0938552105", "938552104", "938552105"];

let server: TestServer;
const open: { close(): void }[] = [];
let code: string;
let waiting: Citizen;

beforeAll(async () => {
  server = await startTestServer({
    RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000",
    CHAT_EVENTS_PER_SECOND: "1000",
    CHAT_EVENTS_BURST: "1000",
    REPORT_CRON: "off",
  });
  const filed = await submitOverChat(server.url, "dang-ky-khai-tu", {
    unitId: "an-thanh",
    answers: { hasDeathNotice: "không", requesterIdNumber: CCCD, contactPhone: PHONE },
  });
  open.push(filed.citizen);
  code = filed.code;
  waiting = new Citizen(server.url, { unit: "an-thanh" });
  open.push(waiting);
  await waiting.ready();
  await waiting.say("khai sinh");
  await waiting.say(`số tôi ${TYPED_PHONE}, CCCD ${TYPED_CCCD}`);
  await waiting.say("gặp cán bộ");
});
afterAll(async () => {
  open.splice(0).forEach((c) => c.close());
  await server?.stop();
});

/** The full numbers found in what a place shows, in any spacing. */
function fullNumbersIn(shown: string): string[] {
  const digits = shown.replace(/[\s.-]/g, "");
  return FULL.filter((n) => digits.includes(n));
}

async function signedIn(role: "clerk" | "supervisor" | "admin"): Promise<Clerk> {
  const user = await Clerk.login(server, `${role}-mask`, role, ["an-thanh"], `Người dùng ${role}`);
  open.push(user);
  return user;
}

const get = async (user: Clerk, path: string) => {
  const res = await consoleRequest(server.url, user, path);
  expect(res.status).toBe(200);
  return res.text();
};

describe("CCCD and phone outside the dossier itself", () => {
  it("never reach the clerk's queue, even when the waiting citizen typed them", async () => {
    const clerk = await signedIn("clerk");
    await clerk.until(() => clerk.queue.some((q) => q.conversationId === waiting.conversationId), "the queue entry");
    expect(fullNumbersIn(JSON.stringify(clerk.queues))).toEqual([]);
  });

  it("never reach the dossier list, even when the search is by that phone", async () => {
    const supervisor = await signedIn("supervisor");
    const newest = await get(supervisor, "/api/console/dossiers");
    expect(newest).toContain(code);
    const byPhone = await get(supervisor, `/api/console/dossiers?query=${encodeURIComponent(PHONE)}`);
    expect(byPhone).toContain(code);
    expect(fullNumbersIn(newest + byPhone)).toEqual([]);
    // The dossier opened shows them (that is its purpose), and the read is in the audit log.
    expect(fullNumbersIn(await get(supervisor, `/api/console/dossiers/${code}`))).toContain(CCCD);
    const audit = await server.store.listAudit({ actorId: supervisor.id }, 10);
    expect(audit.map((a) => a.dossierCode)).toContain(code);
  });

  it("never reach the dashboard, its figures' export, the daily report or the leaders' Zalo messages", async () => {
    const admin = await signedIn("admin");
    const today = localIsoDate(new Date());
    const dashboard = await get(admin, `/api/console/dashboard?from=${today}&to=${today}`);
    const figures = await get(admin, `/api/console/dashboard/figures.csv?from=${today}&to=${today}`);
    await server.server.reports.make(today, { late: false, cut: "16:00" });
    const report = await get(admin, `/api/console/reports/${today}`);
    // What is posted to the leaders' Zalo group, message by message.
    const posted = (await server.store.getDailyReport(today))!.parts.join("\n");
    expect(report).toContain("An Thạnh");
    expect(fullNumbersIn(dashboard + figures + report + posted)).toEqual([]);
  });
});
