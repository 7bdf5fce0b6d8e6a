import { defaultLegalDeadlines } from "../../server/deadlines/legalDeadlines";
import { Clerk } from "../support/consoleClient";
import { submitOverChat } from "../support/submitOverChat";
import { Citizen, startTestServer, type TestServer } from "../support/testServer";

let server: TestServer;
const open: { close(): void }[] = [];
const deadlines = defaultLegalDeadlines();

beforeEach(async () => {
  server = await startTestServer({ RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000" });
});
afterEach(async () => {
  open.splice(0).forEach((c) => c.close());
  await server.stop();
});

describe("the legal due date, as the citizen sees it", () => {
  it("is on the receipt, in the status lookup, and told again from the day the office receives it", async () => {
    // A certificate of marital status: 3 working days (a same-day procedure could cross 15:00 in the test).
    const before = deadlines.dueDate("cap-giay-xac-nhan-tinh-trang-hon-nhan", new Date())!;
    const { citizen, code } = await submitOverChat(server.url, "cap-giay-xac-nhan-tinh-trang-hon-nhan", {
      unitId: "an-thanh",
    });
    open.push(citizen);
    const after = deadlines.dueDate("cap-giay-xac-nhan-tinh-trang-hon-nhan", new Date())!;
    const receipt = citizen.messages.find((m) => m.text.includes(code))!.text;
    const due = /Hạn giải quyết theo quy định: (\d{2}\/\d{2}\/\d{4}) \(tính theo ngày làm việc\)/.exec(receipt)?.[1];
    expect([before, after]).toContain(due);

    const stored = (await server.store.getDossier(code))!;
    expect(stored.dueDate).toBe(due);
    const phone = (stored.fields.contactPhone ?? stored.fields.phone) as string;
    const lookup = (await (
      await fetch(`${server.url}/api/status`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ code, phone }),
      })
    ).json()) as { dueDate?: string };
    expect(lookup.dueDate).toBe(due);
    const asker = await new Citizen(server.url, { unit: "an-thanh" }).ready();
    open.push(asker);
    await asker.say(`tra cứu ${code}`);
    const answer = (await asker.say(phone)).map((m) => m.text).join("\n");
    expect(answer).toContain(`Hạn giải quyết theo quy định: ${due}`);

    // The clerk receives it: the clock starts from today, and the citizen is told the day.
    const clerk = await Clerk.login(server, "lan", "clerk", ["an-thanh"], "Lan");
    open.push(clerk);
    const moved = await fetch(`${server.url}/api/console/dossiers/${code}/status`, {
      method: "POST",
      headers: { Cookie: clerk.cookie, "X-CSRF-Token": clerk.csrfToken, "Content-Type": "application/json" },
      body: JSON.stringify({ status: "received" }),
    });
    expect(moved.status).toBe(200);
    await citizen.until(() => citizen.messages.at(-1)!.text.includes("đã tiếp nhận"), "the told move");
    const received = (await server.store.getDossier(code))!;
    expect(citizen.messages.at(-1)!.text).toContain(`Hạn giải quyết theo quy định: ${received.dueDate}.`);
    expect([before, after, deadlines.dueDate("cap-giay-xac-nhan-tinh-trang-hon-nhan", new Date())]).toContain(
      received.dueDate,
    );
  }, 30_000);
});
