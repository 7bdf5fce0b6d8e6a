import type { DossierDetail, DossierSummary } from "../../server/console/consoleRestProtocol";
import { Clerk, consoleRequest } from "../support/consoleClient";
import { type SubmitOverChatOptions, submitOverChat } from "../support/submitOverChat";
import { type Citizen, startTestServer, type TestServer } from "../support/testServer";

let server: TestServer;
const open: { close(): void }[] = [];

beforeEach(async () => {
  // A whole procedure is answered in well under a minute, faster than any citizen types.
  server = await startTestServer({ RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000" });
});
afterEach(async () => {
  open.splice(0).forEach((c) => c.close());
  await server.stop();
});

/** A citizen of An Thạnh who has submitted a death registration. */
async function submittedDossier(
  options: Partial<SubmitOverChatOptions> = {},
): Promise<{ citizen: Citizen; code: string }> {
  const submitted = await submitOverChat(server.url, "dang-ky-khai-tu", {
    answers: { hasDeathNotice: "không" },
    unitId: "an-thanh",
    ...options,
  });
  open.push(submitted.citizen);
  return submitted;
}

async function signedIn(username: string, unitIds: string[]): Promise<Clerk> {
  const clerk = await Clerk.login(server, username, "clerk", unitIds, username);
  open.push(clerk);
  return clerk;
}

function call(clerk: Clerk, path: string, body?: unknown): Promise<Response> {
  return consoleRequest(server.url, clerk, path, body);
}

describe("the console's dossiers", () => {
  it("are found by code, phone or name by the clerks of their unit only", async () => {
    const { code } = await submittedDossier();
    const lan = await signedIn("lan", ["an-thanh"]);
    const binh = await signedIn("binh", ["an-loc"]);
    for (const query of [code.toLowerCase(), "+84 912 345 678", "nguyen van an"]) {
      const found = (await (await call(lan, `/api/console/dossiers?query=${encodeURIComponent(query)}`)).json()) as {
        dossiers: { code: string }[];
      };
      expect(found.dossiers.map((d) => d.code)).toEqual([code]);
    }
    expect(
      ((await (await call(binh, `/api/console/dossiers?query=${code}`)).json()) as { dossiers: unknown[] }).dossiers,
    ).toEqual([]);
    expect((await call(binh, `/api/console/dossiers/${code}`)).status).toBe(404);
    expect((await call(binh, `/api/console/dossiers/${code}/form`)).status).toBe(404);
    const dossier = (await (await call(lan, `/api/console/dossiers/${code}`)).json()) as {
      dossier: { provenance: Record<string, unknown> };
    };
    expect(dossier.dossier.provenance.deceasedFullName).toEqual({ by: "citizen" });
  });

  it("name their procedure and unit in the list", async () => {
    const { code } = await submittedDossier();
    const lan = await signedIn("lan", ["an-thanh"]);
    const found = (await (await call(lan, "/api/console/dossiers")).json()) as { dossiers: DossierSummary[] };
    expect(found.dossiers).toEqual([
      expect.objectContaining({
        code,
        procedureName: "Đăng ký khai tử",
        unitName: "Phường An Thạnh",
        status: "submitted",
        statusText: "đã nộp, chờ tiếp nhận",
        next: ["received", "rejected"],
      }),
    ]);
  });

  it("come with their fields grouped like the paper form, each with who gave it, a clerk by name", async () => {
    const lan = await signedIn("lan", ["an-thanh"]);
    const { code } = await submittedDossier({
      clerkFills: { clerk: lan, field: "causeOfDeath", text: "Tai nạn giao thông" },
    });
    const res = await call(lan, `/api/console/dossiers/${code}`);
    expect(res.status).toBe(200);
    const { dossier } = (await res.json()) as { dossier: DossierDetail };
    expect(dossier).toMatchObject({
      code,
      procedureName: "Đăng ký khai tử",
      unitName: "Phường An Thạnh",
      rejectionReason: null,
      clerks: { [lan.id]: "lan" },
    });
    const field = (key: string) => dossier.draft.find((f) => f.key === key);
    expect(field("causeOfDeath")).toMatchObject({
      display: "Tai nạn giao thông",
      source: { by: "clerk", clerkId: lan.id },
    });
    expect(field("deceasedFullName")).toMatchObject({
      label: expect.stringMatching(/\S/),
      group: expect.stringMatching(/\S/),
      display: "Nguyễn Văn An",
      source: { by: "citizen" },
    });
    expect(field("kinhGui")).toMatchObject({ source: { by: "bot" } });
    // The submission choices are fields of the form too, answered on the path they opened.
    expect(field("submitMethod")).toMatchObject({ source: { by: "citizen" } });
    expect(dossier.draft.every((f) => !f.editable)).toBe(true);
    // In the paper form's order: the groups come in runs, never interleaved.
    const runs = dossier.draft.map((f) => f.group).filter((group, i, all) => group !== all[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
  });

  it("are hidden from a clerk of another unit, draft and all", async () => {
    const { code } = await submittedDossier();
    const binh = await signedIn("binh", ["an-loc"]);
    const res = await call(binh, `/api/console/dossiers/${code}`);
    expect(res.status).toBe(404);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({ ok: false, error: { code: "CONSOLE_NOT_FOUND", message: expect.any(String) } });
    expect((await call(binh, `/api/console/dossiers/${code}/status`, { status: "received" })).status).toBe(404);
  });

  it("move on through their statuses, each move told to the citizen and seen by status lookup", async () => {
    const { citizen, code } = await submittedDossier();
    const lan = await signedIn("lan", ["an-thanh"]);
    const received = await call(lan, `/api/console/dossiers/${code}/status`, { status: "received" });
    expect(received.status).toBe(200);
    await citizen.until(
      () => citizen.messages.some((m) => m.author === "system" && m.text.startsWith(`Hồ sơ ${code}: đã tiếp nhận`)),
      "the citizen told",
    );
    const looked = await fetch(`${server.url}/api/status`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ code, phone: "0912345678" }),
    });
    const lookup = (await looked.json()) as { status: string };
    expect(lookup.status).toBe("received");
    const jump = await call(lan, `/api/console/dossiers/${code}/status`, { status: "returned" });
    expect(jump.status).toBe(409);
    expect((await call(lan, `/api/console/dossiers/${code}/status`, { status: "rejected" })).status).toBe(400);
    expect(
      (await call(lan, `/api/console/dossiers/${code}/status`, { status: "rejected", reason: "Thiếu giấy báo tử" }))
        .status,
    ).toBe(200);
    await citizen.until(() => citizen.messages.some((m) => m.text.includes("Thiếu giấy báo tử")), "the reason told");
    const { dossier } = (await (await call(lan, `/api/console/dossiers/${code}`)).json()) as { dossier: DossierDetail };
    expect(dossier).toMatchObject({
      status: "rejected",
      statusText: "bị từ chối",
      next: [],
      rejectionReason: "Thiếu giấy báo tử",
    });
    const entries = await server.store.listAudit({ dossierCode: code }, 10);
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(["dossier.status"]));
  });

  it("refuse a status change without the CSRF token", async () => {
    const { code } = await submittedDossier();
    const lan = await signedIn("lan", ["an-thanh"]);
    const res = await fetch(`${server.url}/api/console/dossiers/${code}/status`, {
      method: "POST",
      headers: { Cookie: lan.cookie, "Content-Type": "application/json" },
      body: JSON.stringify({ status: "received" }),
    });
    expect(res.status).toBe(403);
  });
});
