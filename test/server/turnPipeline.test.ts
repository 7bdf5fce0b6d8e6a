import { Clerk } from "../support/consoleClient";
import { Citizen, startTestServer, type TestServer } from "../support/testServer";
import type { SendAck } from "../../server/channels/web/protocol";

let server: TestServer;
const open: { close(): void }[] = [];

beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  open.splice(0).forEach((c) => c.close());
  await server.stop();
});

async function citizenOf(unit: string): Promise<Citizen> {
  const citizen = new Citizen(server.url, { unit });
  open.push(citizen);
  await citizen.ready();
  return citizen;
}

const versionOf = async (citizen: Citizen) => (await server.store.getConversation(citizen.conversationId!))!.version;

describe("one turn, one commit, then the ack, then the delivery", () => {
  it("acknowledges a citizen's message before its reply reaches the citizen", async () => {
    const citizen = await citizenOf("an-thanh");
    const seen: string[] = [];
    citizen.socket.on("message:new", (m) => seen.push(m.author));
    const ack = await new Promise<SendAck>((resolve) => {
      citizen.socket.emit("message:send", { clientMessageId: "order-1", text: "khai sinh" }, (answer: SendAck) => {
        seen.push("ack");
        resolve(answer);
      });
    });
    expect(ack.ok).toBe(true);
    await citizen.until(() => seen.includes("bot"), "the bot's answer");
    expect(seen[0]).toBe("ack");
  });

  it("stores a request for a clerk and the citizen's place in the queue in one commit", async () => {
    const lan = await Clerk.login(server, "lan", "clerk", ["an-thanh"], "Nguyễn Thị Lan");
    open.push(lan);
    const citizen = await citizenOf("an-thanh");
    await citizen.say("khai sinh");
    const before = await versionOf(citizen);
    const answers = await citizen.say("gặp cán bộ");
    await citizen.until(
      () =>
        citizen.messages.some(
          (m) => m.author === "system" && m.text.startsWith("Bạn đang ở vị trí thứ 1 trong hàng chờ"),
        ),
      "the place in the queue",
    );
    expect(await versionOf(citizen)).toBe(before + 1);
    expect(answers.length).toBeGreaterThan(0);
    expect(citizen.states.at(-1)).toMatchObject({ status: "waiting_clerk" });
  });

  it("stores a request for a clerk and the no-clerk offer in one commit when nobody is signed in", async () => {
    const citizen = await citizenOf("an-thanh");
    await citizen.say("khai sinh");
    const before = await versionOf(citizen);
    const answers = await citizen.say("gặp cán bộ");
    expect(answers.map((m) => m.text).join("\n")).toContain("Hiện chưa có cán bộ của đơn vị trực tuyến");
    expect(await versionOf(citizen)).toBe(before + 1);
  });
});
