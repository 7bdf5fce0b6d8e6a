import type { Step } from "../../flows/flowTypes";
import { PROCEDURE_FACTS } from "../../flows/procedureFacts";
import { createDossier } from "../../server/dossier/createDossier";
import { renderForm } from "../../server/dossier/renderForm";
import { Conversation } from "../support/conversation";
import { catalogue, walkFlow, type WalkOptions } from "../support/flowWalker";

const ID = "dang-ky-ho-kinh-doanh";
const FAMILY = { kind: "choice", value: "Các thành viên hộ gia đình" } as const;

/** The household business registration at the question `stepId`, the earlier ones answered. */
function askedAt(stepId: string, options: WalkOptions = {}): Conversation {
  const chat = new Conversation(options.locale ?? "vi");
  chat.state = walkFlow(ID, { ...options, stopAt: stepId }).state;
  expect(chat.state.stepId).toBe(stepId);
  return chat;
}

describe("the household business registration's places", () => {
  it("refuses a ward the configured province does not have, saying so in Vietnamese and English", () => {
    const vi = askedAt("ownerPermanentAddressWard").send("phường Bến Thành");
    expect(vi.said).toContain(
      'Tỉnh Đồng Tháp không có xã, phường "phường Bến Thành" (theo danh sách từ ngày 01/7/2025).',
    );
    expect(vi.state.answers.ownerPermanentAddressWard).toBeUndefined();
    expect(vi.state.stepId).toBe("ownerPermanentAddressWard");

    const en = askedAt("ownerPermanentAddressWard", { locale: "en" }).send("phường Bến Thành");
    expect(en.said).toContain(
      'Đồng Tháp province has no commune or ward "phường Bến Thành" (as listed since 1 July 2025).',
    );
  });

  it("refuses a ward merged in 2025, naming the ward it belongs to now", () => {
    const chat = askedAt("ownerPermanentAddressWard").send("phường An Thạnh");
    expect(chat.said).toContain(
      "Phường An Thạnh đã nhập vào phường Hồng Ngự từ ngày 01/7/2025. Trên mẫu này, xin ghi: Phường Hồng Ngự.",
    );
    chat.send("Hồng Ngự");
    expect(chat.state.answers.ownerPermanentAddressWard).toBe("Phường Hồng Ngự");
  });

  it("offers a ward typed without diacritics as its province lists it", () => {
    const chat = askedAt("ownerPermanentAddressWard").send("an binh");
    expect(chat.lastReply.choices?.map((c) => c.label)).toEqual(["Phường An Bình", "Giữ như tôi gõ: an binh"]);
    chat.send("đúng");
    expect(chat.state.answers.ownerPermanentAddressWard).toBe("Phường An Bình");
  });

  it("refuses a province merged in 2025, and takes another province's wards as typed", () => {
    const merged = askedAt("ownerPermanentAddressProvince").send("Tiền Giang");
    expect(merged.said).toContain("Tỉnh Tiền Giang đã nhập vào tỉnh Đồng Tháp từ ngày 01/7/2025.");
    expect(merged.state.answers.ownerPermanentAddressProvince).toBeUndefined();

    const elsewhere = askedAt("ownerPermanentAddressWard", {
      answers: { ownerPermanentAddressProvince: "Thành phố Hồ Chí Minh" },
    }).send("Phường Bến Thành");
    expect(elsewhere.state.answers.ownerPermanentAddressProvince).toBe("Thành phố Hồ Chí Minh");
    expect(elsewhere.state.answers.ownerPermanentAddressWard).toBe("Phường Bến Thành");
  });

  it("checks a business location's ward against the province given in the same row", () => {
    const chat = askedAt("businessLocations", { answers: { hasOtherLocations: "có" } });
    chat.say("Điểm bán số 2", "Đồng Tháp", "Bến Thành");
    expect(chat.said).toContain('Tỉnh Đồng Tháp không có xã, phường "Bến Thành"');
    chat.send("Thường Lạc");
    expect(chat.state.table?.row).toMatchObject({
      locationProvince: "Tỉnh Đồng Tháp",
      locationWard: "Phường Thường Lạc",
    });
  });
});

describe("the household business registration's form", () => {
  const facts = PROCEDURE_FACTS.find((p) => p.id === ID)!;

  it("asks or derives every field and column of the form, except the members' signatures, signed on paper", () => {
    const steps = catalogue().flows.get(ID)!.flow.steps;
    const asked = new Set(
      steps.flatMap((s: Step) => [s.id, ...(s.kind === "table" ? s.columns.map((c) => c.id) : [])]),
    );
    const fields = facts.form.fields.flatMap((f) => [f, ...(f.columns ?? [])]);
    const missing = fields.filter((f) => !asked.has(f.key)).map((f) => `${f.key} (${f.type})`);
    expect(missing).toEqual(["memberSignature (signature)"]);
  });

  it("leaves each household member a blank space to sign, never a typed value", () => {
    const walk = walkFlow(ID, { answers: { establishmentEntity: FAMILY }, extraRows: 1 });
    expect(walk.asked).not.toContain("memberSignature");
    const members = walk.draft!.fields.familyMembers as Record<string, unknown>[];
    expect(members).toHaveLength(2);
    for (const member of members) expect(member).not.toHaveProperty("memberSignature");

    const html = renderForm(createDossier(walk.draft!, "HN-20261127-0001-K7QM", new Date("2026-11-27T03:00:00Z")));
    const rows = html.match(/<tr><td class="num">\d+<\/td><td class="v">[^<]*<\/td>.*?<\/tr>/g) ?? [];
    const memberRows = rows.filter((row) => members.some((m) => row.includes(String(m.memberFullName))));
    expect(memberRows).toHaveLength(2);
    for (const row of memberRows) expect(row).toMatch(/<td class="signcell"[^>]*><\/td><\/tr>$/);
  });
});
