import { jpegPhoto } from "../support/documentFiles";
import { PLANTED_CCCD, uploadFile, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile({ UPLOAD_MAX_BYTES: String(64 * 1024) });

jest.setTimeout(60_000);

const diskFull = () => Object.assign(new Error(`ENOSPC: no space left on device ${PLANTED_CCCD}`), { code: "ENOSPC" });

describe("case 26: the disk full", () => {
  it("answers an upload with a bilingual retryable error, logs it, and keeps what was stored", async () => {
    const c = await watched.citizenAtUpload();
    const store = watched.server.store;
    const before = await store.listMessages(c.conversationId!, 0, 100);
    const save = store.saveUpload.bind(store);
    store.saveUpload = async () => {
      throw diskFull();
    };
    try {
      const res = await uploadFile(watched.url, c.token, await jpegPhoto(), "a.jpg", "image/jpeg");
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: unknown }).error).toMatchObject({
        code: "UPLOAD_UNAVAILABLE",
        message: expect.stringMatching(/ \/ |./),
      });
    } finally {
      store.saveUpload = save;
    }
    expect(watched.logs()).toContain("upload.failed");
    expect(await store.listMessages(c.conversationId!, 0, 100)).toEqual(before);
    expect((await uploadFile(watched.url, c.token, await jpegPhoto(), "a.jpg", "image/jpeg")).status).toBe(201);
  });

  it("answers a chat message with a retryable ack when the turn cannot be written", async () => {
    const c = await watched.citizen();
    const store = watched.server.store;
    const commit = store.commitTurn.bind(store);
    store.commitTurn = async () => {
      throw diskFull();
    };
    try {
      expect(await c.send({ text: "khai sinh" })).toMatchObject({ ok: false, error: { code: "CHAT_UNAVAILABLE" } });
    } finally {
      store.commitTurn = commit;
    }
    expect((await c.send({ text: "khai sinh" })).ok).toBe(true);
  });
});
