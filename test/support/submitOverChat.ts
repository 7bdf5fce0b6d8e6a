import type { EngineInput } from "../../server/engine/engineIO";
import type { Clerk } from "./consoleClient";
import { type WalkOptions, walkFlow } from "./flowWalker";
import { Citizen } from "./testServer";

export interface SubmitOverChatOptions extends WalkOptions {
  unitId: string;
  /**
   * At the review the citizen asks for a clerk, who takes the conversation, fills `field` by
   * typing `text`, and hands back where the flow stood (the review) once the citizen has
   * confirmed it.
   */
  clerkFills?: {
    clerk: Clerk;
    field: string;
    text: string;
    /** Runs once the clerk holds the conversation, before the field is filled. */
    whileHeld?: () => Promise<void>;
  };
}

function payloadOf(input: EngineInput): { text: string } | { choice: string } | { attachmentId: string } {
  if (input.kind === "text") return { text: input.text };
  if (input.kind === "choice") return { choice: input.value };
  if (input.kind === "attachment") return { attachmentId: input.attachmentId };
  throw new Error(`a citizen cannot send a ${input.kind} input over the chat`);
}

/** Sends a walk's inputs over the chat, one acknowledged message after another. */
export async function sendOverChat(citizen: Citizen, inputs: readonly EngineInput[]): Promise<void> {
  for (const input of inputs) {
    const ack = await citizen.send(payloadOf(input));
    if (!ack.ok) throw new Error(`the chat refused an answer: ${ack.error.code}`);
  }
}

/**
 * A citizen who walks a procedure to its end over the real `/chat` socket, answering as
 * `walkFlow` does. Resolves with the citizen, still connected (to hear what the office tells
 * them; the caller closes it), and the receipt code the chat gave them.
 */
export async function submitOverChat(
  url: string,
  procedureId: string,
  options: SubmitOverChatOptions,
): Promise<{ citizen: Citizen; code: string }> {
  const { clerkFills, ...walkOptions } = options;
  // The server runs on the real clock: so does the walk whose answers are replayed to it.
  const walk = walkFlow(procedureId, {
    clock: { now: new Date() },
    ...walkOptions,
    ...(clerkFills ? { stopAt: "review" } : {}),
  });
  const citizen = new Citizen(url, { unit: options.unitId });
  await citizen.ready();
  await sendOverChat(citizen, walk.inputs);
  if (clerkFills) await fillByClerk(citizen, clerkFills);
  await citizen.until(() => citizen.states.some((s) => s.dossierCode), "the receipt code");
  return { citizen, code: citizen.states.find((s) => s.dossierCode)!.dossierCode! };
}

async function fillByClerk(
  citizen: Citizen,
  { clerk, field, text, whileHeld }: NonNullable<SubmitOverChatOptions["clerkFills"]>,
): Promise<void> {
  const conversationId = citizen.conversationId!;
  const refused = (what: string, ack: { ok: boolean }) => {
    if (!ack.ok) throw new Error(`the clerk could not ${what}: ${JSON.stringify(ack)}`);
  };
  await citizen.say("gặp cán bộ");
  await clerk.until(
    () => clerk.queue.some((item) => item.conversationId === conversationId),
    "the request in the clerk's queue",
  );
  refused("take it", await clerk.emit("conversation:take", { conversationId }));
  await whileHeld?.();
  refused("fill the field", await clerk.emit("dossier:patch", { conversationId, field, text }));
  await citizen.until(
    () => citizen.lastBot?.text.includes("đã điền giúp") === true,
    "the question to confirm the clerk's value",
  );
  await citizen.say("có");
  refused("hand back", await clerk.emit("conversation:release", { conversationId, at: "current" }));
  await citizen.until(() => citizen.states[citizen.states.length - 1]?.status === "bot", "the bot back at the review");
  const ack = await citizen.send({ text: "xác nhận" });
  if (!ack.ok) throw new Error(`the chat refused the confirmation: ${ack.error.code}`);
}
