import { Clerk } from "../support/consoleClient";
import { walkFlow } from "../support/flowWalker";
import { Citizen, startTestServer, type TestServer } from "../support/testServer";

let server: TestServer;
const open: { close(): void }[] = [];

beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  open.splice(0).forEach((c) => c.close());
  await server.stop();
});

/** A citizen of An Thạnh who has submitted a death registration. */
async function submittedDossier(): Promise<{ citizen: Citizen; code: string }> {
  const walk = walkFlow("dang-ky-khai-tu", { answers: { hasDeathNotice: "không" }, unitId: "an-thanh" });
  const citizen = new Citizen(server.url, { unit: "an-thanh" });
  open.push(citizen);
  await citizen.ready();
  for (const input of walk.inputs) await citizen.send(input.kind === "text" ? { text: input.text } : { choice: (input as { value: string }).value });
  await citizen.until(() => citizen.states.some((s) => s.dossierCode), "the dossier");
  return { citizen, code: citizen.states.find((s) => s.dossierCode)!.dossierCode! };
}

async function signedIn(username: string, unitIds: string[]): Promise<Clerk> {
  const clerk = await Clerk.login(server, username, "clerk", unitIds, username);
  open.push(clerk);
  return clerk;
}

function call(clerk: Clerk, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { Cookie: clerk.cookie, "X-CSRF-Token": clerk.csrfToken, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe("the console's dossiers", () => {
  it("are found by code, phone or name by the clerks of their unit only", async () => {
    const { code } = await submittedDossier();
    const lan = await signedIn("lan", ["an-thanh"]);
    const binh = await signedIn("binh", ["an-loc"]);
    for (const query of [code.toLowerCase(), "+84 912 345 678", "nguyen van an"]) {
      const found = (await (await call(lan, `/api/console/dossiers?query=${encodeURIComponent(query)}`)).json()) as { dossiers: { code: string }[] };
      expect(found.dossiers.map((d) => d.code)).toEqual([code]);
    }
    expect(((await (await call(binh, `/api/console/dossiers?query=${code}`)).json()) as { dossiers: unknown[] }).dossiers).toEqual([]);
    expect((await call(binh, `/api/console/dossiers/${code}`)).status).toBe(404);
    expect((await call(binh, `/api/console/dossiers/${code}/form`)).status).toBe(404);
    const dossier = (await (await call(lan, `/api/console/dossiers/${code}`)).json()) as { dossier: { provenance: Record<string, unknown> } };
    expect(dossier.dossier.provenance.deceasedFullName).toEqual({ by: "citizen" });
  });

  it("move on through their statuses, each move told to the citizen and seen by status lookup", async () => {
    const { citizen, code } = await submittedDossier();
    const lan = await signedIn("lan", ["an-thanh"]);
    const received = await call(lan, `/api/console/dossiers/${code}/status`, { status: "received" });
    expect(received.status).toBe(200);
    await citizen.until(() => citizen.messages.some((m) => m.author === "system" && m.text.startsWith(`Hồ sơ ${code}: đã tiếp nhận`)), "the citizen told");
    const lookup = (await (await fetch(`${server.url}/api/status/${code}?phone=0912345678`)).json()) as { status: string };
    expect(lookup.status).toBe("received");
    const jump = await call(lan, `/api/console/dossiers/${code}/status`, { status: "returned" });
    expect(jump.status).toBe(409);
    expect((await call(lan, `/api/console/dossiers/${code}/status`, { status: "rejected" })).status).toBe(400);
    expect((await call(lan, `/api/console/dossiers/${code}/status`, { status: "rejected", reason: "Thiếu giấy báo tử" })).status).toBe(200);
    await citizen.until(() => citizen.messages.some((m) => m.text.includes("Thiếu giấy báo tử")), "the reason told");
    const entries = await server.store.listAudit({ dossierCode: code }, 10);
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(["dossier.status"]));
  });

  it("refuse a status change without the CSRF token", async () => {
    const { code } = await submittedDossier();
    const lan = await signedIn("lan", ["an-thanh"]);
    const res = await fetch(`${server.url}/api/console/dossiers/${code}/status`, { method: "POST", headers: { Cookie: lan.cookie, "Content-Type": "application/json" }, body: JSON.stringify({ status: "received" }) });
    expect(res.status).toBe(403);
  });
});
