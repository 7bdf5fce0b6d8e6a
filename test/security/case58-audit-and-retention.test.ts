import { submitOverChat } from "../support/submitOverChat";
import { consoleGet, PLANTED_CCCD, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile({ RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000" });

jest.setTimeout(60_000);

describe("case 58: the processing log of clerks' reads", () => {
  it("records who read which dossier and when, without the dossier's content", async () => {
    const clerk = await watched.clerk("lan");
    const { citizen, code } = await submitOverChat(watched.url, "dang-ky-khai-tu", {
      unitId: "an-thanh",
      answers: { hasDeathNotice: "không" },
    });
    citizen.close();
    expect((await consoleGet(watched, clerk, `/api/console/dossiers/${code}`)).status).toBe(200);
    const entries = await watched.server.store.listAudit({ actorId: clerk.id, dossierCode: code }, 10);
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: "dossier.read", actorId: clerk.id, dossierCode: code }),
      ]),
    );
    const text = JSON.stringify(entries);
    expect(text).not.toContain("Nguyễn Văn An");
    expect(text).not.toContain(PLANTED_CCCD);
    for (const entry of entries) expect(new Date(entry.at).toISOString()).toBe(entry.at);
  });
});
