import { Writable } from "node:stream";
import type { AskStep, Step } from "../../flows/flowTypes";
import { ALL_FLOWS } from "../../flows/catalogue";
import type { EngineInput } from "../../server/engine/engineIO";
import { localIsoDate } from "../../server/engine/clock";
import { foldDiacritics } from "../../server/engine/understanding/foldDiacritics";
import { Clerk } from "../support/consoleClient";
import { jpegPhoto } from "../support/documentFiles";
import { catalogue, type Scripted, walkFlow } from "../support/flowWalker";
import { Citizen, startTestServer, type TestServer } from "../support/testServer";

// Every procedure walked to its submission with personal data no other test uses, then the ways
// things go wrong; everything the server said outside the citizen's own conversation and the
// dossier (log lines at trace level, error answers, health, readiness, the daily report) is then
// searched for each of those values (Nghị định 13/2023: personal data only where its purpose needs it).

jest.setTimeout(240_000);

const PROCEDURES = ALL_FLOWS.map((f) => f.id).filter((id) => id !== "tra-cuu-ho-so");
const output: string[] = [];
const given = {
  cccds: new Set<string>(),
  phones: new Set<string>(),
  addresses: new Set<string>(),
  names: new Set<string>(),
};
let server: TestServer;
let strict: TestServer;
const open: { close(): void }[] = [];

function capture(): Writable {
  return new Writable({ write: (chunk: Buffer, _e, done) => (output.push(chunk.toString()), done()) });
}

beforeAll(async () => {
  server = await startTestServer(
    {
      RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000",
      CHAT_EVENTS_PER_SECOND: "1000",
      CHAT_EVENTS_BURST: "1000",
      REPORT_CRON: "off",
    },
    undefined,
    undefined,
    undefined,
    {
      logSink: capture(),
    },
  );
  strict = await startTestServer({ RATE_LIMIT_CONVERSATION_PER_MINUTE: "3" }, undefined, undefined, undefined, {
    logSink: capture(),
  });
});
afterAll(async () => {
  open.splice(0).forEach((c) => c.close());
  await server?.stop();
  await strict?.stop();
});

const FAMILY = ["Quách", "Lạc", "Diệp", "Thạch", "Khúc", "Ông", "Âu", "Mạc"];
const GIVEN = ["Diệu Hiền", "Ngọc Diễm", "Minh Khôi", "Bảo Trâm", "Hữu Nghĩa", "Thanh Tùng", "Kim Ngân", "Quốc Bảo"];
const STREETS = ["Hoa Sứ Tím", "Bằng Lăng Tím", "Phượng Vĩ Đỏ", "Hoàng Yến Vàng", "Ngọc Lan Trắng"];

/** Values no other test uses, one per question, remembered for the search. */
function personalValue(step: Pick<AskStep, "type">, flowIndex: number, n: number): string | null {
  const serial = String(flowIndex * 40 + n).padStart(3, "0");
  switch (step.type) {
    case "cccd":
    case "idNumber": {
      const value = `087090773${serial}`;
      given.cccds.add(value);
      return value;
    }
    case "phone": {
      const value = `0938 44${serial.slice(0, 1)} ${serial.slice(1)}7`;
      given.phones.add(value);
      return value;
    }
    case "businessPhone": {
      const value = `0277 3851 ${serial}`;
      given.phones.add(value);
      return value;
    }
    case "address": {
      const street = STREETS[(flowIndex + n) % STREETS.length]!;
      given.addresses.add(`${41 + n} đường ${street}`);
      return `${41 + n} đường ${street}, phường An Thạnh, Đồng Tháp`;
    }
    case "addressLine": {
      const street = STREETS[(flowIndex + n) % STREETS.length]!;
      given.addresses.add(`${41 + n}, đường ${street}`);
      return `Số ${41 + n}, đường ${street}, khóm 3`;
    }
    case "name": {
      const value = `${FAMILY[flowIndex % FAMILY.length]} ${GIVEN[(flowIndex + n) % GIVEN.length]}`;
      given.names.add(value);
      return value;
    }
    default:
      return null;
  }
}

function stepOf(procedureId: string, stepId: string): Step | undefined {
  return catalogue()
    .flows.get(procedureId)!
    .flow.steps.find((s) => s.id === stepId);
}

/** The answers of a walk of the procedure, with personal data of its own in every personal question. */
function personalAnswers(procedureId: string, flowIndex: number): Record<string, Scripted> {
  const answers: Record<string, Scripted> = {};
  let n = 0;
  // A first walk on the sample answers tells which questions come (table columns included).
  for (const id of new Set(walkFlow(procedureId, { clock: { now: new Date() }, unitId: "an-thanh" }).asked)) {
    const step = stepOf(procedureId, id);
    const asks: AskStep[] =
      step?.kind === "ask"
        ? [step]
        : step?.kind === "table"
          ? step.columns.filter((c): c is AskStep => c.kind === "ask")
          : [];
    for (const ask of asks) {
      const value = personalValue(ask, flowIndex, (n += 1));
      if (value !== null) answers[ask.id] = value;
    }
  }
  return answers;
}

async function citizenOf(url: string, unit = "an-thanh"): Promise<Citizen> {
  const c = new Citizen(url, { unit });
  open.push(c);
  return c.ready();
}

/** Remembers an answer the server gave that was not a success: it is searched too. */
function answeredWith(what: unknown): void {
  output.push(typeof what === "string" ? what : JSON.stringify(what));
}

async function uploadPhoto(url: string, token: string, bytes: Buffer, name: string, type: string): Promise<Response> {
  const form = new FormData();
  form.append("file", new Blob([bytes], { type }), name);
  const res = await fetch(`${url}/api/uploads`, {
    method: "POST",
    body: form,
    headers: { Authorization: `Bearer ${token}` },
  });
  if (res.status >= 400) answeredWith(await res.clone().text());
  return res;
}

/** Sends a walk over the chat as the widget does, each upload question answered with a real photo. */
async function sendWalk(c: Citizen, inputs: readonly EngineInput[]): Promise<void> {
  for (const input of inputs) {
    let payload: { text: string } | { choice: string } | { attachmentId: string };
    if (input.kind === "attachment") {
      const res = await uploadPhoto(server.url, c.token!, await jpegPhoto(), "anh.jpg", "image/jpeg");
      payload = { attachmentId: ((await res.json()) as { attachmentId: string }).attachmentId };
    } else if (input.kind === "text") payload = { text: input.text };
    else if (input.kind === "choice") payload = { choice: input.value };
    else throw new Error(`not a citizen input: ${input.kind}`);
    const ack = await c.send(payload);
    if (!ack.ok) throw new Error(`refused: ${ack.error.code}`);
  }
}

const submitted: { code: string; phone: string | null }[] = [];

describe("personal data in what the server says", () => {
  it.each(PROCEDURES.map((id, i) => [id, i] as const))("files %s over the chat", async (procedureId, index) => {
    const answers = personalAnswers(procedureId, index);
    const walk = walkFlow(procedureId, { clock: { now: new Date() }, unitId: "an-thanh", answers });
    expect(walk.draft).not.toBeNull();
    const c = await citizenOf(server.url);
    await sendWalk(c, walk.inputs);
    await c.until(() => c.states.some((s) => s.dossierCode), "the receipt code", 10_000);
    const phone = Object.entries(answers).find(([id]) => stepOf(procedureId, id)?.kind === "ask" && /phone/i.test(id));
    submitted.push({ code: c.states.find((s) => s.dossierCode)!.dossierCode!, phone: (phone?.[1] as string) ?? null });
  });

  it("goes wrong in every way a citizen, a clerk or the report can make it", async () => {
    expect(submitted).toHaveLength(PROCEDURES.length);

    // A CCCD and a phone a citizen gets wrong in the chat, and a question the assistant does not understand.
    const wrong = await citizenOf(server.url);
    const toIdNumber = walkFlow("dang-ky-khai-tu", {
      clock: { now: new Date() },
      unitId: "an-thanh",
      stopAt: "deceasedIdNumber",
    });
    await sendWalk(wrong, toIdNumber.inputs);
    for (const bad of ["999190773801", "08709077380", "087 090 773 80X"]) {
      given.cccds.add(bad);
      await wrong.say(bad);
    }
    const asker = await citizenOf(server.url);
    const question = "số tôi 0938 447 801 nhà 88 đường Hoa Sứ Tím, CCCD 087090773802 cho hỏi con mèo";
    given.phones.add("0938 447 801");
    given.addresses.add("88 đường Hoa Sứ Tím");
    given.cccds.add("087090773802");
    await asker.say(question);
    await asker.say(question);

    // The status lookup: a wrong phone, a landline, a receipt code that does not exist.
    for (const [code, phone] of [
      [submitted[0]!.code, "0938 447 802"],
      [submitted[1]!.code, "0277 3851 803"],
      ["HN-20261127-9999-K7QM", "0938 447 804"],
    ] as const) {
      given.phones.add(phone);
      const res = await fetch(`${server.url}/api/status`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ code, phone }),
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      answeredWith(await res.text());
    }
    const lookup = await citizenOf(server.url);
    await lookup.say("tra cứu hồ sơ");
    await lookup.say(submitted[2]!.code);
    given.phones.add("0938 447 805");
    answeredWith((await lookup.say("0938 447 805")).map((m) => m.text));

    // An upload that is not what it says, named after a CCCD, at the question asking for a photo.
    given.cccds.add("087090773806");
    const uploader = await citizenOf(server.url);
    await sendWalk(
      uploader,
      walkFlow("dang-ky-khai-sinh", { clock: { now: new Date() }, unitId: "an-thanh", stopAt: "birthCertificatePhoto" })
        .inputs,
    );
    const refused = await uploadPhoto(
      server.url,
      uploader.token!,
      Buffer.from("<script>alert(1)</script> 087090773806 0938447807"),
      "cccd 087090773806 sdt 0938447807.jpg",
      "image/jpeg",
    );
    expect(refused.status).toBeGreaterThanOrEqual(400);

    // A citizen sending too fast.
    const hasty = await citizenOf(strict.url);
    let limited = false;
    for (let i = 0; i < 8; i += 1) {
      const phone = `0938 447 8${10 + i}`;
      given.phones.add(phone);
      const ack = await hasty.send({ text: `gọi tôi số ${phone}, CCCD 0870907738${10 + i}` });
      given.cccds.add(`0870907738${10 + i}`);
      if (!ack.ok) {
        limited ||= ack.error.code === "CHAT_RATE_LIMITED";
        answeredWith(ack);
      }
    }
    expect(limited).toBe(true);

    // Clerks: a list, a dossier opened, the exports, another unit's refused.
    const admin = await Clerk.login(server, "quan.tri", "admin", ["an-thanh"], "Quản trị");
    const clerk = await Clerk.login(server, "can.bo", "clerk", ["an-loc"], "Cán bộ An Lộc");
    open.push(admin, clerk);
    const asUser = (user: Clerk, route: string) => fetch(`${server.url}${route}`, { headers: { Cookie: user.cookie } });
    const today = localIsoDate(new Date());
    for (const route of [
      "/api/console/dossiers",
      `/api/console/dossiers/${submitted[0]!.code}`,
      `/api/console/dashboard/dossiers.csv?from=${today}&to=${today}`,
      `/api/console/dashboard/dossiers.csv?from=${today}&to=${today}&full=1`,
      "/api/console/postal.csv",
    ]) {
      expect((await asUser(admin, route)).status).toBe(200);
    }
    for (const route of [
      `/api/console/dossiers/${submitted[0]!.code}`,
      `/api/console/dashboard/dossiers.csv?from=${today}&to=${today}&units=an-thanh`,
      `/api/console/dashboard/dossiers.csv?from=${today}&to=${today}&full=1`,
    ]) {
      const res = await asUser(clerk, route);
      expect(res.status).toBeGreaterThanOrEqual(400);
      answeredWith(await res.text());
    }

    // The day's report, as the leaders read it.
    await server.server.reports.make(today, { late: false, cut: "16:00" });
    const report = await asUser(admin, `/api/console/reports/${today}`);
    expect(report.status).toBe(200);
    answeredWith(await report.text());

    for (const url of [server.url, strict.url])
      for (const route of ["/health", "/ready", "/metrics"]) answeredWith(await (await fetch(`${url}${route}`)).text());
  });

  it("never repeats a CCCD, a phone, an address or a name given, in any form", () => {
    const said = output.join("\n");
    const folded = foldDiacritics(said).toLowerCase();
    expect(output.length).toBeGreaterThan(20);
    for (const event of ["dossier.submitted", "upload.refused", "export.dossiers", "report.made"])
      expect(said).toContain(`"event":"${event}"`);
    expect(given.cccds.size).toBeGreaterThanOrEqual(PROCEDURES.length);
    expect(given.phones.size).toBeGreaterThanOrEqual(PROCEDURES.length);
    expect(given.addresses.size).toBeGreaterThanOrEqual(PROCEDURES.length);
    expect(given.names.size).toBeGreaterThanOrEqual(PROCEDURES.length);
    const found: string[] = [];
    for (const cccd of given.cccds) {
      const digits = cccd.replace(/\D/g, "");
      if (said.includes(cccd) || said.includes(digits)) found.push(cccd);
    }
    for (const phone of given.phones) {
      const digits = phone.replace(/\D/g, "");
      // As typed, as stored (0…), and as the part after +84.
      if ([phone, digits, digits.slice(1)].some((form) => said.includes(form))) found.push(phone);
    }
    for (const value of [...given.addresses, ...given.names]) {
      if (said.includes(value) || folded.includes(foldDiacritics(value).toLowerCase())) found.push(value);
    }
    expect(found).toEqual([]);
    for (const street of STREETS) expect(folded).not.toContain(foldDiacritics(street).toLowerCase());
  });
});
