import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { kill9, startChildServer } from "../support/childServer";
import { walkFlow } from "../support/flowWalker";
import { requestHead } from "../support/rawHttp";
import { PLANTED_CCCD } from "../support/serverUnderAttack";
import { sendOverChat } from "../support/submitOverChat";
import { Citizen } from "../support/testServer";

jest.setTimeout(60_000);

const filesUnder = (dir: string): string[] => {
  try {
    return readdirSync(dir, { recursive: true }).map(String);
  } catch {
    return [];
  }
};

describe("case 19: the server killed in the middle of a photo upload", () => {
  it("leaves no file behind, neither stored nor attached, after the restart", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "khai-ho-case19-"));
    try {
      let server = await startChildServer({ DATA_DIR: dataDir, LOG_LEVEL: "trace" });
      const c = await new Citizen(server.url, { unit: "an-thanh" }).ready();
      const walk = walkFlow("dang-ky-khai-sinh", {
        clock: { now: new Date() },
        unitId: "an-thanh",
        stopAt: "birthCertificatePhoto",
      });
      await sendOverChat(c, walk.inputs);
      c.close();
      const port = Number(new URL(server.url).port);
      const socket = net.connect(port, "127.0.0.1");
      socket.on("error", () => undefined);
      await new Promise((r) => socket.once("connect", r));
      socket.write(
        requestHead("POST", "/api/uploads", {
          Authorization: `Bearer ${c.token}`,
          "Content-Type": "multipart/form-data; boundary=XX",
          "Content-Length": 5_000_000,
        }) +
          '--XX\r\nContent-Disposition: form-data; name="file"; filename="cccd.jpg"\r\n' +
          "Content-Type: image/jpeg\r\n\r\n",
      );
      socket.write(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(40_000, PLANTED_CCCD)]));
      await new Promise((r) => setTimeout(r, 300));
      await kill9(server.child);
      const logs = server.logs();
      socket.destroy();
      server = await startChildServer({ DATA_DIR: dataDir });
      const again = await new Citizen(server.url, { token: c.token!, lastSeq: 0 }).ready();
      expect(filesUnder(path.join(dataDir, "uploads"))).toEqual([]);
      expect(again.states.at(-1)?.status).toBe("bot");
      again.close();
      await kill9(server.child);
      expect(logs).not.toContain(PLANTED_CCCD);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
