import { jpegPhoto } from "../support/documentFiles";
import { uploadFile, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile({ UPLOAD_MAX_BYTES: String(64 * 1024) });

describe("case 47: uploading without a session or into someone else's dossier", () => {
  it("refuses no token and a made-up token with 401, and another conversation's upload at attach time", async () => {
    const photo = await jpegPhoto();
    expect((await uploadFile(watched.url, null, photo, "a.jpg", "image/jpeg")).status).toBe(401);
    expect((await uploadFile(watched.url, "x".repeat(43), photo, "a.jpg", "image/jpeg")).status).toBe(401);
    const owner = await watched.citizenAtUpload();
    const other = await watched.citizenAtUpload();
    const { attachmentId } = (await (
      await uploadFile(watched.url, owner.token, photo, "a.jpg", "image/jpeg")
    ).json()) as { attachmentId: string };
    expect(await other.send({ attachmentId })).toMatchObject({ ok: false, error: { code: "CHAT_ATTACHMENT_UNKNOWN" } });
  });

  it("serves an attachment only to a clerk of the dossier's unit", async () => {
    const binh = await watched.clerk("binh", ["an-loc"]);
    const res = await fetch(
      `${watched.url}/api/console/dossiers/HN-20261127-0001/attachments/00000000-0000-4000-8000-000000000000`,
      { headers: { Cookie: binh.cookie } },
    );
    expect(res.status).toBe(404);
  });
});
