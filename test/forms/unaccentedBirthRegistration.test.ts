import { submitOverChat } from "../support/submitOverChat";
import { type Citizen, startTestServer, type TestServer } from "../support/testServer";

jest.setTimeout(30_000);

/**
 * What the citizen means, in correct Vietnamese. The walk types every answer without diacritics
 * (as a phone without a Vietnamese keyboard does) and confirms each spelling the assistant offers.
 */
const MEANT = {
  requesterFullName: "Lê Thị Lan",
  requesterResidence: "Số 12 đường Nguyễn Huệ, khóm 3, phường An Thạnh, thành phố Hồng Ngự, tỉnh Đồng Tháp",
  requesterIdIssuer: "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
  childFullName: "Nguyễn Minh Khôi",
  childPlaceOfBirth: "Bệnh viện Đa khoa khu vực Hồng Ngự, Đồng Tháp",
  childHometown: "Xã Tân Hội, tỉnh Đồng Tháp",
  motherFullName: "Trần Thị Hồng Nhung",
  motherResidence: "Ấp Tân Bình, xã Tân Hội, thành phố Hồng Ngự, tỉnh Đồng Tháp",
  fatherFullName: "Phạm Văn Dũng",
  fatherResidence: "Số 45 đường Trần Hưng Đạo, khóm 1, phường An Lộc, thành phố Hồng Ngự",
} as const;

let server: TestServer;
let citizen: Citizen | null = null;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000", CHAT_EVENTS_PER_SECOND: "1000" });
});

afterAll(async () => {
  citizen?.close();
  await server.stop();
});

describe("a birth registration typed entirely without diacritics", () => {
  it("reaches the printed form with its names and addresses in correct Vietnamese", async () => {
    const filed = await submitOverChat(server.url, "dang-ky-khai-sinh", {
      unitId: "an-thanh",
      withoutDiacritics: true,
      answers: {
        ...MEANT,
        requesterRelationship: { kind: "choice", value: "Bà" },
        birthCertificatePhoto: "bỏ qua",
        parentsMarriageCertNumber: "15",
        parentsMarriageCertBook: "01",
      },
    });
    citizen = filed.citizen;

    // Each spelling was offered over the chat, and the one the citizen took is what they meant.
    const offered = citizen.messages.filter((m) => m.choices?.some((c) => c.value === "spell:keep"));
    const taken = offered.map((m) => m.choices!.find((c) => c.value === "spell:0")!.label);
    expect(taken).toEqual(expect.arrayContaining(Object.values(MEANT)));

    const auth = { Authorization: `Bearer ${citizen.token!}` };
    const dossier = (await (await fetch(`${server.url}/api/dossiers/${filed.code}`, { headers: auth })).json()) as {
      fields: Record<string, unknown>;
    };
    expect(dossier.fields).toMatchObject(MEANT);

    const page = await (await fetch(`${server.url}/api/dossiers/${filed.code}/form`, { headers: auth })).text();
    const printed = page
      .replace(/<[^>]+>/g, " ")
      .replace(/&#x27;/g, "'")
      .replace(/\s+/g, " ");
    for (const meant of Object.values(MEANT)) {
      const upper = meant.toLocaleUpperCase("vi");
      expect([meant, printed.includes(meant) || printed.includes(upper)]).toEqual([meant, true]);
    }
  });
});
