import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROCEDURE_FACTS } from "../../flows/procedureFacts";
import { SUBMISSION_KEYS } from "../../server/dossier/createDossier";
import type { EngineInput } from "../../server/engine/engineIO";
import { walkFlow, weekdayAhead } from "../support/flowWalker";

const ROOT = path.resolve(__dirname, "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

/** Runs `npm run chat -- ARGS` as a citizen's terminal would, feeding lines on stdin. */
function runChat(args: string[], lines: string[]): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ["server/cli/chat.ts", ...args], { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(lines.map((l) => `${l}\n`).join(""));
  });
}

// A death registration typed without diacritics, as many citizens type.
const DEATH = [
  "dang ky khai tu cho ba toi",
  "an thanh",
  "tran van minh",
  // The name with its diacritics, as offered: "Trần Văn Minh".
  "1",
  "bo qua",
  "bo qua",
  "cccd",
  "087085001234",
  "bo qua",
  "bo qua",
  "con",
  "tran van bay",
  "1",
  "1945",
  "nam",
  "kinh",
  "viet nam",
  "ap binh hoa, xa tan hoi, dong thap",
  // The address with its diacritics, as offered: "Ấp Bình Hòa, xã Tân Hội, Đồng Tháp".
  "1",
  "087045001234",
  "2 gio chieu",
  "20/11/2026",
  "tai nha",
  "benh gia",
  "khong",
  // No death notice: the flow calls a clerk; in the terminal the citizen carries on alone.
  "tiep tuc voi tro ly",
  "khong",
  "0912 345 678",
  "truc tiep",
  // A day to come to the counter: still ahead whenever the test runs.
  weekdayAhead(new Date()),
  "nhan tai mot cua",
  "xac nhan",
];

describe("npm run chat --json", () => {
  it("answers every line with one JSON object and ends with the dossier and its printable form", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "khai-ho-chat-"));
    const formFile = path.join(dir, "to-khai.html");
    const { stdout, code } = await runChat(["--json", "--form", formFile], DEATH);
    expect(code).toBe(0);
    const turns = stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(turns).toHaveLength(DEATH.length);
    expect(turns[0].conversation).toMatchObject({ status: "bot", procedureId: "dang-ky-khai-tu" });
    expect(turns[3].conversation.progress).toEqual({ step: expect.any(Number), total: expect.any(Number) });
    const last = turns[turns.length - 1];
    expect(last.conversation.status).toBe("completed");
    expect(last.dossier).toMatchObject({
      code: expect.stringMatching(/^HN-\d{8}-0001-[23456789BCDFGHJKMNPQRSTVWXZ]{4}$/),
      procedureId: "dang-ky-khai-tu",
      status: "submitted",
      // Typed "tran van bay"; the spelling offered, "Trần Văn Bảy", was chosen.
      fields: {
        deceasedFullName: "Trần Văn Bảy",
        deceasedLastResidence: "Ấp Bình Hòa, xã Tân Hội, Đồng Tháp",
        deathTime: "14:00",
        deathDate: "20/11/2026",
        deceasedGender: "Nam",
      },
    });
    const html = readFileSync(formFile, "utf8");
    expect(html).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(html).toContain(last.dossier.code);
  }, 30_000);

  it("has procedureId null until a procedure starts, and choices with label and value", async () => {
    const { stdout } = await runChat(["--json"], ["xin chao"]);
    const [turn] = stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(turn.conversation.procedureId).toBeNull();
    expect(turn.replies[0].choices).toContainEqual({ label: "Đăng ký khai sinh", value: "dang-ky-khai-sinh" });
  }, 30_000);

  it("speaks English with --lang en", async () => {
    const { stdout } = await runChat(["--json", "--lang", "en"], ["birth certificate for my baby"]);
    const [turn] = stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(turn.conversation.procedureId).toBe("dang-ky-khai-sinh");
    expect(turn.replies[0].text).toContain("Procedure: Birth registration");
  }, 30_000);

  it("stops with a clear message on an unknown option", async () => {
    const { stderr, code } = await runChat(["--lnag", "en"], []);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown option "--lnag"');
  }, 30_000);
});

/** The lines a citizen types for the inputs of a walk: choices by their value, files by /attach. */
function typedLines(inputs: readonly EngineInput[]): string[] {
  return inputs.map((input) => {
    if (input.kind === "text") return input.text;
    if (input.kind === "choice") return input.value;
    if (input.kind === "attachment") return `/attach ${input.attachmentId}`;
    throw new Error(`a citizen cannot type ${input.kind}`);
  });
}

describe.each(PROCEDURE_FACTS.map((p) => p.id))("npm run chat --json, %s", (procedureId) => {
  it.each([
    ["without diacritics", true],
    ["with diacritics", false],
  ])(
    "completes a dossier and writes its form when typed %s",
    async (_, withoutDiacritics) => {
      // The terminal chat runs on the real clock (the date signed is today's), and so does this walk.
      const walk = walkFlow(procedureId, { withoutDiacritics, unitId: "an-thanh", clock: { now: new Date() } });
      expect(walk.draft).not.toBeNull();
      const dir = mkdtempSync(path.join(tmpdir(), "khai-ho-chat-"));
      const formFile = path.join(dir, "to-khai.html");
      const { stdout, code } = await runChat(
        ["--json", "--unit", "an-thanh", "--form", formFile],
        typedLines(walk.inputs),
      );
      expect(code).toBe(0);
      const turns = stdout
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line));
      const last = turns[turns.length - 1];
      expect(last.conversation).toMatchObject({ status: "completed", procedureId });
      // The terminal names a file sent with /attach NAME "local:NAME".
      const formFields = Object.entries(walk.draft!.fields)
        .filter(([key]) => !(SUBMISSION_KEYS as readonly string[]).includes(key))
        .map(([key, value]) => [key, key in walk.draft!.attachments ? `local:${String(value)}` : value]);
      expect(last.dossier.fields).toEqual(Object.fromEntries(formFields));
      expect(readFileSync(formFile, "utf8")).toContain(last.dossier.code);
    },
    30_000,
  );
});
