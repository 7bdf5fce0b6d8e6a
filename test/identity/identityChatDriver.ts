import type { Step } from "../../flows/flowTypes";
import type { ChatMessage, SendMessage } from "../../server/channels/web/protocol";
import { stepOf } from "../../server/engine/catalogue";
import type { Store } from "../../server/store/store";
import { Writable } from "node:stream";
import { catalogue, walkFlow, weekdayAhead } from "../support/flowWalker";
import { sendOverChat } from "../support/submitOverChat";
import { Citizen, startTestServer, type TestServer } from "../support/testServer";

/** What a citizen types for each kind of question the birth registration asks after its parents. */
const TYPED: Record<string, string> = {
  text: "Nội dung mẫu",
  address: "12 Nguyễn Huệ, phường An Thạnh, Đồng Tháp",
  name: "Nguyễn Văn An",
  yearOrDate: "1990",
  idNumber: "087090012345",
  cccd: "087090012345",
  pastDate: "05/03/2020",
  integer: "2",
  phone: "0912 345 678",
  ethnicity: "Kinh",
  nationality: "Việt Nam",
  issuingAuthority: "Bộ Công an",
};

/** Sends one message and resolves with the messages that answered it, once the bot has spoken. */
export async function sendAndHear(
  citizen: Citizen,
  message: Omit<SendMessage, "clientMessageId">,
): Promise<ChatMessage[]> {
  const ack = await citizen.send(message);
  if (!ack.ok) throw new Error(`the chat refused ${JSON.stringify(message)}: ${ack.error.code}`);
  await citizen.until(() => citizen.messages.some((m) => m.seq > ack.seq && m.author === "bot"), "the answer");
  return citizen.messages.filter((m) => m.seq > ack.seq);
}

function answerTo(step: Step): Answer {
  switch (step.kind) {
    case "confirm":
      return { choice: "yes" };
    case "choose":
      return { choice: step.options[0]!.value };
    case "upload":
      return { text: "bỏ qua" };
    case "review":
      return { choice: "review:confirm" };
    case "ask":
      if (step.type === "futureDate") return { text: weekdayAhead(new Date()) };
      return { text: TYPED[step.type] ?? "Nội dung mẫu" };
    default:
      throw new Error(`no answer for step ${step.id} (${step.kind})`);
  }
}

type Answer = Omit<SendMessage, "clientMessageId">;

/**
 * Answers the questions the server asks, as read from its store, with `send` (one message, resolved once
 * answered), until it asks `stopAt` (the step id, or "done" for the receipt code). Returns the steps answered.
 */
export async function answerFromStore(
  store: Store,
  conversationId: string,
  stopAt: string,
  send: (answer: Answer) => Promise<unknown>,
): Promise<string[]> {
  const answered: string[] = [];
  for (let turn = 0; turn < 200; turn++) {
    const { state } = (await store.getConversation(conversationId))!;
    if (state.dossierCode !== null && stopAt === "done") return answered;
    if (state.pending?.kind === "confirmWarning") {
      await send({ choice: "yes" });
      continue;
    }
    if (state.pending?.kind === "chooseSpelling") {
      await send({ choice: "spell:0" });
      continue;
    }
    if (state.stepId === stopAt) return answered;
    const step = stepOf(catalogue().flows.get(state.flowId!)!, state.stepId!);
    answered.push(step.id);
    await send(answerTo(step));
  }
  throw new Error(`never reached ${stopAt}`);
}

/** {@link answerFromStore} over the web chat. */
export function answerUntil(citizen: Citizen, store: Store, stopAt: string): Promise<string[]> {
  return answerFromStore(store, citizen.conversationId!, stopAt, (answer) => sendAndHear(citizen, answer));
}

/**
 * A grandmother of An Thạnh filing a birth registration over the chat, walked to `stopAt` (the
 * mother's first question unless told), so that neither parent's questions are copied from hers.
 */
export async function grandmotherAt(url: string, stopAt = "motherFullName"): Promise<Citizen> {
  const citizen = new Citizen(url, { unit: "an-thanh" });
  await citizen.ready();
  const walk = walkFlow("dang-ky-khai-sinh", {
    clock: { now: new Date() },
    unitId: "an-thanh",
    answers: { requesterRelationship: "Bà", birthCertificatePhoto: "bỏ qua" },
    stopAt,
  });
  await sendOverChat(citizen, walk.inputs);
  return citizen;
}

/** A test server whose every log line is kept, to check that no card's content reaches one. */
export async function serverWithLog(): Promise<{ server: TestServer; log: () => string }> {
  let log = "";
  const logSink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      log += chunk.toString("utf8");
      done();
    },
  });
  const server = await startTestServer(
    { RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000", RATE_LIMIT_IP_PER_MINUTE: "10000" },
    undefined,
    undefined,
    undefined,
    { logSink },
  );
  return { server, log: () => log };
}
