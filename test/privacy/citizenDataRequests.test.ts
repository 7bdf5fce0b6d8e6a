import { Clerk, consoleRequest } from "../support/consoleClient";
import { submitOverChat } from "../support/submitOverChat";
import { Citizen, startTestServer, type TestServer } from "../support/testServer";

jest.setTimeout(30_000);

// The answers, read as the JSON they are.
type Json = any;

let server: TestServer;
const open: { close(): void }[] = [];

beforeEach(async () => {
  server = await startTestServer({ RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000" });
});

afterEach(async () => {
  open.splice(0).forEach((c) => c.close());
  await server.stop();
});

async function signedIn(username: string, role: "clerk" | "supervisor" | "admin"): Promise<Clerk> {
  const user = await Clerk.login(server, username, role, ["an-thanh"], username);
  open.push(user);
  return user;
}

function call(user: Clerk, path: string, body?: unknown): Promise<Response> {
  return consoleRequest(server.url, user, path, body);
}

/** A death registration filed over the chat, the deceased's name and the filer's CCCD in it. */
async function filed(): Promise<{ code: string; conversationId: string }> {
  const done = await submitOverChat(server.url, "dang-ky-khai-tu", {
    unitId: "an-thanh",
    answers: { hasDeathNotice: "không", deceasedFullName: "Trần Văn Bảy", requesterIdNumber: "079203001234" },
  });
  open.push(done.citizen);
  return { code: done.code, conversationId: done.citizen.conversationId! };
}

describe("a citizen's request about their personal data", () => {
  it("is for administrators only: clerks and supervisors are refused, in Vietnamese and English", async () => {
    const { code } = await filed();
    for (const role of ["clerk", "supervisor"] as const) {
      const user = await signedIn(`nv-${role}`, role);
      const answer = await call(user, `/api/console/privacy/${code}/export`);
      expect(answer.status).toBe(403);
      const refusal = (await answer.json()) as { error: { message: string } };
      expect(refusal).toMatchObject({ ok: false, error: { code: "PRIVACY_FORBIDDEN" } });
      expect(refusal.error.message).toMatch(/quản trị viên[\s\S]*administrator/);
      expect((await call(user, `/api/console/privacy/${code}/erase`, { confirm: code })).status).toBe(403);
    }
    expect(await server.store.getDossier(code)).not.toBeNull();
  });

  it("gives the citizen's data as one JSON file, and the audit log says who took it, without content", async () => {
    const { code, conversationId } = await filed();
    const admin = await signedIn("quan-tri", "admin");

    const summary = (await (await call(admin, `/api/console/privacy/${code.toLowerCase()}`)).json()) as Json;
    expect(summary.subject).toMatchObject({ conversationId, dossiers: [{ code, status: "submitted" }] });

    const answer = await call(admin, `/api/console/privacy/${code}/export`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-disposition")).toContain("attachment");
    const data = (await answer.json()) as Json;
    expect(data.dossiers[0]).toMatchObject({ code, fields: { deceasedFullName: "Trần Văn Bảy" } });
    expect(data.messages.some((m: { text: string }) => m.text === "079203001234")).toBe(true);
    expect(data.conversation.answers.requesterIdNumber).toBe("079203001234");

    const audit = await server.store.listAudit({ conversationId }, 10);
    expect(audit.map((a) => a.action)).toEqual(["privacy.export", "privacy.lookup"]);
    expect(audit[0]).toMatchObject({ actorId: admin.id, detail: { dossiers: 1 } });
    expect(JSON.stringify(audit)).not.toMatch(/079203001234|Bảy/);
  });

  it("erases nothing while the dossier is being processed, then everything once it is answered", async () => {
    const { code, conversationId } = await filed();
    const admin = await signedIn("quan-tri", "admin");
    const clerk = await signedIn("lan", "clerk");

    const mistyped = await call(admin, `/api/console/privacy/${code}/erase`, { confirm: "HN-sai-ma" });
    expect(mistyped.status).toBe(400);
    const whileOpen = await call(admin, `/api/console/privacy/${code}/erase`, { confirm: code });
    expect(whileOpen.status).toBe(409);
    expect(((await whileOpen.json()) as Json).error.message).toContain(code);
    expect(await server.store.getDossier(code)).not.toBeNull();

    const rejected = await call(clerk, `/api/console/dossiers/${code}/status`, {
      status: "rejected",
      reason: "Người yêu cầu rút hồ sơ",
    });
    expect(rejected.status).toBe(200);
    const erased = await call(admin, `/api/console/privacy/${code}/erase`, { confirm: code });
    expect(erased.status).toBe(200);
    expect(await erased.json()).toMatchObject({ ok: true, erased: { dossiers: 1 } });

    expect(await server.store.getDossier(code)).toBeNull();
    expect(await server.store.getConversation(conversationId)).toBeNull();
    expect((await call(admin, `/api/console/privacy/${code}`)).status).toBe(404);
    const audit = await server.store.listAudit({ conversationId }, 10);
    expect(audit[0]).toMatchObject({ action: "privacy.erase", actorId: admin.id });
  });

  it("reaches a draft that filed nothing by its conversation id", async () => {
    const citizen = new Citizen(server.url, { unit: "an-thanh" });
    open.push(citizen);
    await citizen.ready();
    await citizen.say("đăng ký khai sinh");
    const admin = await signedIn("quan-tri", "admin");
    const id = citizen.conversationId!;
    expect((await call(admin, `/api/console/privacy/${id}/erase`, { confirm: id })).status).toBe(200);
    expect(await server.store.getConversation(id)).toBeNull();
  });
});
