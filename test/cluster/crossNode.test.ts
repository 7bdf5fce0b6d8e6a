/**
 * Two Khai Hộ nodes on one store, a real Redis between them and the shipped nginx configuration in front
 * (test/support/cluster.ts): what one node does reaches the sockets of the other.
 */
import { io as connect } from "socket.io-client";
import { Clerk } from "../support/consoleClient";
import { type Cluster, startCluster } from "../support/cluster";
import { Citizen } from "../support/testServer";
import { runUserCli } from "../support/userCli";
import path from "node:path";

jest.setTimeout(60_000);

let cluster: Cluster;
const open: { close(): void }[] = [];

const LIMITS = {
  RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000",
  RATE_LIMIT_IP_PER_MINUTE: "10000",
  CHAT_EVENTS_PER_SECOND: "1000",
  WORKING_HOURS: "mon-sun 00:00-24:00",
};

beforeAll(async () => {
  cluster = await startCluster({ nodes: 2, env: LIMITS });
  const added = await runUserCli(
    path.join(cluster.dataDir, "store"),
    ...["add", "--username", "lan", "--role", "clerk", "--unit", "an-thanh", "--name", "Nguyễn Thị Lan"],
    ...["--password", "mật khẩu của cán bộ phường"],
  );
  expect(added.code).toBe(0);
});
afterAll(async () => {
  open.splice(0).forEach((c) => c.close());
  await cluster?.stop();
});
afterEach(() => open.splice(0).forEach((c) => c.close()));

function citizenAt(url: string, auth: ConstructorParameters<typeof Citizen>[1] = { unit: "an-thanh" }): Citizen {
  const citizen = new Citizen(url, auth);
  open.push(citizen);
  return citizen;
}

async function clerkAt(url: string, username = "lan"): Promise<Clerk> {
  const clerk = await Clerk.signIn(url, username);
  open.push(clerk);
  await clerk.until(() => clerk.queues.length > 0, "the first queue");
  return clerk;
}

describe("several nodes behind nginx with Redis", () => {
  it("lets a clerk on one node take over a citizen on the other, each hearing the other live", async () => {
    const [a, b] = cluster.nodes;
    const lan = await clerkAt(b!.url);
    const citizen = await citizenAt(a!.url).ready();
    await citizen.say("khai sinh");
    // The clerk is signed in on the other node only: the citizen is still told a clerk is coming, not "nobody".
    const asked = await citizen.say("gặp cán bộ");
    expect(asked.map((m) => m.text).join("\n")).not.toMatch(/chưa có cán bộ|không có cán bộ/i);
    const conversationId = citizen.conversationId!;
    await lan.until(() => lan.queue.some((item) => item.conversationId === conversationId), "the queue on node B");
    expect(await lan.emit("conversation:take", { conversationId })).toMatchObject({ ok: true });
    const sent = await lan.emit("conversation:message", {
      conversationId,
      clientMessageId: "lan-1",
      text: "Chào anh, tôi là Lan, cán bộ hộ tịch.",
    });
    expect(sent).toMatchObject({ ok: true });
    await citizen.until(() => citizen.messages.some((m) => m.text.includes("tôi là Lan")), "the clerk's message");
    const reply = await citizen.send({ text: "Dạ chào chị" });
    expect(reply).toMatchObject({ ok: true });
    await lan.until(() => lan.messages.some((m) => m.text === "Dạ chào chị"), "the citizen's answer on node B");
    // Nothing arrived twice on either side.
    const seqs = citizen.messages.map((m) => m.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    const clerkSeqs = lan.messages.filter((m) => m.text === "Dạ chào chị");
    expect(clerkSeqs).toHaveLength(1);
  });

  it("resumes a citizen on the other node exactly from the last message they saw", async () => {
    const [a, b] = cluster.nodes;
    const first = await citizenAt(a!.url).ready();
    await first.say("khai sinh");
    await first.say("Trần Văn Hùng");
    const seen = first.messages.at(-1)!.seq;
    const missed = await first.say("12/04/1992");
    first.close();
    const again = await citizenAt(b!.url, { token: first.token!, lastSeq: seen }).ready();
    await again.until(() => again.messages.some((m) => m.seq === first.messages.at(-1)!.seq), "the replay");
    const replayed = again.messages.map((m) => m.seq);
    // Exactly what came after lastSeq, once each and in order: the citizen's own answer (a sender is not sent its
    // own message back, so the first connection never had it) and the bot's next question.
    const last = first.messages.at(-1)!.seq;
    expect(replayed).toEqual(Array.from({ length: last - seen }, (_, i) => seen + 1 + i));
    expect(again.messages.find((m) => m.seq === seen + 1)).toMatchObject({ author: "citizen", text: "12/04/1992" });
    expect(missed.at(-1)!.seq).toBe(last);
    const next = await again.say("thường trú tại 12 Nguyễn Huệ, phường An Thạnh");
    expect(next.some((m) => m.author === "bot")).toBe(true);
  });

  it("keeps a long-polling citizen on the node that opened the session, through the proxy", async () => {
    const socket = connect(`${cluster.url}/chat`, {
      auth: { unit: "an-thanh" },
      transports: ["polling"],
      reconnection: false,
      forceNew: true,
    });
    open.push(socket);
    const messages: { seq: number; author: string }[] = [];
    socket.on("message:new", (m: { seq: number; author: string }) => messages.push(m));
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("connect_error", reject);
    });
    // Each message is several polling requests; any of them sent to the other node would end the session.
    for (const text of ["khai sinh", "Trần Văn Hùng", "12/04/1992"]) {
      const ack = (await socket.timeout(5_000).emitWithAck("message:send", { clientMessageId: text, text })) as {
        ok: boolean;
        seq: number;
      };
      expect(ack.ok).toBe(true);
      const deadline = Date.now() + 5_000;
      while (!messages.some((m) => m.seq > ack.seq && m.author === "bot") && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 10));
      expect(messages.some((m) => m.seq > ack.seq && m.author === "bot")).toBe(true);
    }
    expect(socket.connected).toBe(true);
    expect(socket.io.engine.id).toMatch(/^n[12]-/);
  });
  it("counts wrong phones for a receipt number across nodes: locked on one, refused on the other", async () => {
    const [a, b] = cluster.nodes;
    const lookUp = (url: string) =>
      fetch(`${url}/api/status`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ code: "HN-20261205-0042-K7QM", phone: "0912345678" }),
      }).then(async (res) => ({
        status: res.status,
        code: ((await res.json()) as { error?: { code: string } }).error?.code,
      }));
    // Five wrong tries (STATUS_WRONG_PHONES_BEFORE_LOCK), spread over both nodes: three on A, two on B.
    for (const url of [a!.url, b!.url, a!.url, b!.url, a!.url])
      expect(await lookUp(url)).toEqual({ status: 404, code: "STATUS_NOT_FOUND" });
    // Counted per node, B would have seen two and let the sixth try through.
    expect(await lookUp(b!.url)).toEqual({ status: 429, code: "STATUS_LOCKED" });
    expect(await lookUp(cluster.url)).toEqual({ status: 429, code: "STATUS_LOCKED" });
  });
  it("serves each node's own citizens while Redis is down, tells the clerks, and joins up again", async () => {
    const [a, b] = cluster.nodes;
    const lan = await clerkAt(b!.url);
    const told: boolean[] = [];
    lan.socket.on("cluster:status", (status: { shared: boolean }) => told.push(status.shared));
    await cluster.stopRedis();
    await lan.until(() => told.at(-1) === false, "the clerk told the nodes are apart", 5_000);
    // A citizen of the other node still walks with the bot.
    const citizen = await citizenAt(a!.url).ready();
    const answer = await citizen.say("khai sinh");
    expect(answer.some((m) => m.author === "bot")).toBe(true);
    await cluster.startRedis();
    await lan.until(() => told.at(-1) === true, "the clerk told the nodes are together again", 10_000);
    // Fan-out again: the citizen on A asks for a clerk, and the queue on B shows it.
    await citizen.say("gặp cán bộ");
    const conversationId = citizen.conversationId!;
    await lan.until(() => lan.queue.some((item) => item.conversationId === conversationId), "the queue on node B");
  });
  it("cuts a disabled clerk's console and requeues what they held once, the citizen told once", async () => {
    const [a, b] = cluster.nodes;
    const storeDir = path.join(cluster.dataDir, "store");
    const added = await runUserCli(
      storeDir,
      ...["add", "--username", "mai", "--role", "clerk", "--unit", "an-thanh", "--name", "Lê Thị Mai"],
      ...["--password", "mật khẩu của cán bộ phường"],
    );
    expect(added.code).toBe(0);
    const mai = await clerkAt(b!.url, "mai");
    const citizen = await citizenAt(a!.url).ready();
    await citizen.say("khai sinh");
    await citizen.say("gặp cán bộ");
    const conversationId = citizen.conversationId!;
    await mai.until(() => mai.queue.some((item) => item.conversationId === conversationId), "the queue on node B");
    expect(await mai.emit("conversation:take", { conversationId })).toMatchObject({ ok: true });
    expect((await runUserCli(storeDir, "disable", "--username", "mai")).code).toBe(0);
    await mai.until(() => !mai.socket.connected, "the console cut", 5_000);
    const told = () => citizen.messages.filter((m) => m.text.startsWith("Cán bộ Lê Thị Mai không còn hỗ trợ"));
    await citizen.until(() => told().length > 0, "the citizen told", 5_000);
    // Every node reads the account change; the conversation moves once, and the citizen hears of it once.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(told()).toHaveLength(1);
  });
});
