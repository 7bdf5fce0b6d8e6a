import type { Choice, SendAck, SendMessage } from "../../server/channels/web/protocol";
import { walkFlow } from "../support/flowWalker";
import { Citizen, startTestServer, type TestServer } from "../support/testServer";

let server: TestServer;
const citizens: Citizen[] = [];

// The default settings: RATE_LIMIT_CONVERSATION_PER_MINUTE is 30.
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  citizens.splice(0).forEach((c) => c.close());
  await server.stop();
});

async function newCitizen(): Promise<Citizen> {
  const citizen = new Citizen(server.url, { unit: "an-thanh" });
  citizens.push(citizen);
  await citizen.ready();
  await citizen.socket.emitWithAck("conversation:open", { locale: "vi" });
  await citizen.until(() => citizen.messages.some((m) => m.author === "bot"), "the greeting");
  return citizen;
}

/** The buttons under the bot's last question. */
function buttons(citizen: Citizen): Choice[] {
  return citizen.lastBot.choices ?? [];
}

/** Sends one message and waits for the bot's answer to it (its turn's state comes last). */
async function answered(citizen: Citizen, message: Omit<SendMessage, "clientMessageId">): Promise<SendAck> {
  const states = citizen.states.length;
  const ack = await citizen.send(message);
  if (ack.ok) {
    await citizen.until(
      () => citizen.states.length > states && citizen.messages.some((m) => m.author === "bot" && m.seq > ack.seq),
      `the answer to ${JSON.stringify(message)}`,
    );
  }
  return ack;
}

const refusedCodes = (acks: readonly SendAck[]) => acks.flatMap((a) => (a.ok ? [] : [a.error.code]));

describe("the per-conversation limit of the chat", () => {
  it("answers every tap of a citizen tapping a dozen buttons within three seconds, after typing the form", async () => {
    const citizen = await newCitizen();
    const acks: SendAck[] = [];
    acks.push(await answered(citizen, { choice: "dang-ky-khai-sinh" }));
    // The birth registration up to its review, as a person answers it: the button when one says
    // what they would type, the keyboard otherwise (about twenty typed answers).
    const walk = walkFlow("dang-ky-khai-sinh", {
      clock: { now: new Date() },
      unitId: "an-thanh",
      stopAt: "review",
      answers: { birthCertificatePhoto: { kind: "choice", value: "skip" } },
    });
    let typed = 0;
    for (const input of walk.inputs.slice(1)) {
      if (input.kind === "choice") {
        acks.push(await answered(citizen, { choice: input.value }));
      } else if (input.kind === "text") {
        const same = (label: string) => label.toLocaleLowerCase("vi") === input.text.toLocaleLowerCase("vi");
        const button = buttons(citizen).find((c) => same(c.label));
        if (!button) typed += 1;
        acks.push(await answered(citizen, button ? { choice: button.value } : { text: input.text }));
      } else {
        throw new Error(`not sent in this test: ${input.kind}`);
      }
    }
    expect(refusedCodes(acks)).toEqual([]);
    expect(typed).toBeGreaterThanOrEqual(18);
    expect(buttons(citizen).map((c) => c.value)).toContain("review:confirm");

    // Checking four answers from the review: "Sửa thông tin", the field, "Giữ nguyên" — twelve taps.
    const started = Date.now();
    const taps: SendAck[] = [];
    for (let round = 0; round < 4; round++) {
      taps.push(await answered(citizen, { choice: "review:edit" }));
      const field = buttons(citizen).filter((c) => c.value.startsWith("edit:"))[round]!;
      taps.push(await answered(citizen, { choice: field.value }));
      taps.push(await answered(citizen, { choice: "keep" }));
    }
    expect(Date.now() - started).toBeLessThan(3000);
    expect(taps).toHaveLength(12);
    expect(refusedCodes(taps)).toEqual([]);
    expect(buttons(citizen).map((c) => c.value)).toContain("review:confirm");
  }, 30_000);

  it("still refuses a script typing message after message, from the 31st in a minute", async () => {
    const script = await newCitizen();
    const acks: SendAck[] = [];
    for (let i = 0; i < 40; i++) acks.push(await script.send({ text: `tin nhắn ${i}` }));
    expect(acks.slice(0, 30).every((a) => a.ok)).toBe(true);
    expect(refusedCodes(acks.slice(30))).toEqual(Array(10).fill("CHAT_RATE_LIMITED"));
  }, 30_000);
});
