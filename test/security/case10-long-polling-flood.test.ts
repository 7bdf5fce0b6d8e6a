import { readFileSync } from "node:fs";
import path from "node:path";
import { rawRequest, requestHead } from "../support/rawHttp";
import { PLANTED_CCCD, stillServes, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile({ RATE_LIMIT_IP_PER_MINUTE: "100000" });

jest.setTimeout(60_000);

const version = (name: string) =>
  JSON.parse(readFileSync(path.resolve(__dirname, `../../node_modules/${name}/package.json`), "utf8"))
    .version.split(".")
    .map(Number)
    .reduce((sum: number, n: number, i: number) => sum + n * 1000 ** (2 - i), 0);

/** Opens a long-polling session and returns its sid. */
async function pollingSid(): Promise<string> {
  const res = await fetch(`${watched.url}/socket.io/?EIO=4&transport=polling`);
  return JSON.parse((await res.text()).slice(1)).sid as string;
}

describe("case 10: a long-polling flood", () => {
  it("runs engine.io 6.6.9 or later", () => {
    expect(version("engine.io")).toBeGreaterThanOrEqual(6_006_009);
  });

  it("survives 100 polling sessions opened at once, each polled and sent garbage", async () => {
    const sids = await Promise.all(Array.from({ length: 100 }, pollingSid));
    expect(new Set(sids).size).toBe(100);
    const answers = await Promise.all(
      sids.flatMap((sid) => [
        fetch(`${watched.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
          method: "POST",
          headers: { "Content-Type": "application/octet-stream" },
          body: Buffer.from([0xff, 0x00, 0xfe, 0x34, 0x35, 0x31]),
        }).then((r) => r.status),
        fetch(`${watched.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
          method: "POST",
          body: `451-/chat,["message:send",{"_placeholder":true,"num":9}]\u001e40/chat,{"token":"${PLANTED_CCCD}"}`,
        }).then((r) => r.status),
      ]),
    );
    expect(answers.every((s) => s < 500)).toBe(true);
    await stillServes(watched);
  });

  it("refuses a second concurrent poll of one session and an unknown sid", async () => {
    const sid = await pollingSid();
    const first = fetch(`${watched.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`);
    const second = await fetch(`${watched.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`);
    expect((await first).status).toBe(200);
    expect(second.status).toBeGreaterThanOrEqual(200);
    expect((await fetch(`${watched.url}/socket.io/?EIO=4&transport=polling&sid=nope`)).status).toBe(400);
  });

  it("refuses a polling POST past the packet limit", async () => {
    const sid = await pollingSid();
    const answer = await rawRequest(
      watched.port,
      Buffer.concat([
        Buffer.from(
          requestHead("POST", `/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
            "Content-Type": "text/plain",
            "Content-Length": 200 * 1024,
          }),
        ),
        Buffer.alloc(200 * 1024, "4"),
      ]),
    );
    expect(answer.status === "closed" || answer.status >= 400).toBe(true);
    await stillServes(watched);
  });
});
