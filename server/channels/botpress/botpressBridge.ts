import { Client, isApiError } from "@botpress/client";
import type { QuestionBridge } from "../../conversation/questionBridge";
import { maskPersonalText } from "../../privacy/maskPersonalText";

/** What the bridge logs through: pino's `warn`, or anything with its shape. */
export interface BridgeLogger {
  warn(fields: object, message: string): void;
}

export interface BotpressBridgeOptions {
  /** Base URL of the Botpress runtime API. @example "https://api.botpress.cloud" */
  apiUrl: string;
  /** A bot-scoped token or a personal access token (sent as `Authorization: Bearer`). */
  token: string;
  /** The city bot's id (sent as `x-bot-id`). */
  botId: string;
  /** The longest a citizen waits for the bot, for the whole question: at most 5000 ms. */
  timeoutMs: number;
  /** Where time-outs and failures are reported (their code and type only). @default no logging */
  logger?: BridgeLogger;
  /** How often the Botpress conversation is read for the answer. @default 200 */
  pollIntervalMs?: number;
  /** How many Khai Hộ conversations keep their Botpress ids in memory. @default 10000 */
  rememberedConversations?: number;
}

interface BotpressIds {
  userId: string;
  conversationId: string;
}

type BotMessage = Awaited<ReturnType<Client["listMessages"]>>["messages"][number];

// A citizen waits for the assistant's turn meanwhile: past 5 s the answer is worth less than the wait.
const MAX_TIMEOUT_MS = 5_000;
// The tag that finds a Khai Hộ conversation's Botpress user and conversation again. Botpress
// accepts only tags the bot declares: the city's bot declares it on users and conversations.
const CONVERSATION_TAG = "khaiHoConversationId";
// The channel the bot sees the questions arrive on.
const CHANNEL = "khai-ho";
// Pages of messages read per poll: the answer is among the few written since the question.
const MAX_PAGES_PER_POLL = 5;

class TimedOut extends Error {}

/**
 * Asks the city's Botpress bot through its runtime API (`@botpress/client`, a bot token and
 * `x-bot-id`). Each Khai Hộ conversation has one Botpress user and one conversation, tagged with
 * its id; the question, masked ({@link maskPersonalText}), is posted as the user's text message, and
 * the conversation is read every `pollIntervalMs` until the bot's next outgoing message appears.
 * Everything, calls and waiting alike, fits in `timeoutMs`; past it, or on any error, the answer
 * is null and the assistant's own reply stands.
 *
 * The bot must declare the `khaiHoConversationId` tag on users and conversations.
 *
 * @example
 * const bridge = new BotpressBridge({ apiUrl, token, botId, timeoutMs: 4000, logger });
 * await bridge.ask({ conversationId, text: "mấy giờ phường mở cửa?", locale: "vi" }); // "Bộ phận một cửa mở cửa …"
 */
export class BotpressBridge implements QuestionBridge {
  private readonly client: Client;
  private readonly timeoutMs: number;
  private readonly pollIntervalMs: number;
  private readonly capacity: number;
  /** Botpress ids by Khai Hộ conversation, least recently asked first. */
  private readonly remembered = new Map<string, BotpressIds>();

  constructor(private readonly options: BotpressBridgeOptions) {
    if (!(options.timeoutMs > 0 && options.timeoutMs <= MAX_TIMEOUT_MS)) {
      throw new RangeError(
        `BOTPRESS_TIMEOUT_INVALID: timeoutMs=${options.timeoutMs} — between 1 and ${MAX_TIMEOUT_MS} ms.`,
      );
    }
    this.timeoutMs = options.timeoutMs;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.capacity = options.rememberedConversations ?? 10_000;
    // The client's own timeout ends a request the race below has given up on. No `retry`: within
    // a few seconds, a second attempt would only make the citizen wait longer for the same answer.
    this.client = new Client({
      apiUrl: options.apiUrl,
      token: options.token,
      botId: options.botId,
      timeout: options.timeoutMs,
    });
  }

  async ask(question: Parameters<QuestionBridge["ask"]>[0]): Promise<string | null> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    const timedOut = new Promise<never>((_, reject) => {
      controller.signal.addEventListener("abort", () => reject(new TimedOut()));
    });
    timedOut.catch(() => undefined);
    const within = <T>(work: Promise<T>): Promise<T> => Promise.race([work, timedOut]);
    try {
      return await this.relay(question.conversationId, maskPersonalText(question.text), within);
    } catch (error) {
      if (error instanceof TimedOut) {
        this.options.logger?.warn(
          { code: "BOTPRESS_TIMEOUT", timeoutMs: this.timeoutMs },
          "BOTPRESS_TIMEOUT: the Botpress bot did not answer in time; the assistant's own reply stands.",
        );
      } else {
        // The ids may be what failed (a conversation deleted on Botpress): the next question finds them again.
        this.remembered.delete(question.conversationId);
        this.options.logger?.warn(
          { code: "BOTPRESS_ASK_FAILED", ...errorKind(error) },
          "BOTPRESS_ASK_FAILED: the Botpress bot could not be asked; the assistant's own reply stands.",
        );
      }
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  private async relay(
    khaiHoId: string,
    text: string,
    within: <T>(work: Promise<T>) => Promise<T>,
  ): Promise<string | null> {
    const { ids, message } = await this.post(khaiHoId, text, within);
    for (;;) {
      await within(sleep(this.pollIntervalMs));
      const replies = await within(this.repliesAfter(ids.conversationId, message));
      if (replies.length === 0) continue;
      // The first reply that reads as text; a bot answering only with, say, an image has no answer for us.
      for (const reply of replies) {
        const answer = textOf(reply);
        if (answer) return answer;
      }
      return null;
    }
  }

  /** Posts the question in the conversation's Botpress conversation, found or created. */
  private async post(
    khaiHoId: string,
    text: string,
    within: <T>(work: Promise<T>) => Promise<T>,
  ): Promise<{ ids: BotpressIds; message: BotMessage }> {
    const create = (ids: BotpressIds) =>
      // No direction field: Botpress records the direction itself. No tags of its own either (the
      // API requires the field): the conversation's tag says whose question it is.
      within(
        this.client.createMessage({
          conversationId: ids.conversationId,
          userId: ids.userId,
          type: "text",
          payload: { text },
          tags: {},
        }),
      );
    const known = this.recall(khaiHoId);
    if (known) {
      try {
        return { ids: known, message: (await create(known)).message };
      } catch (error) {
        if (!(isApiError(error) && error.type === "ResourceNotFound")) throw error;
        this.remembered.delete(khaiHoId);
      }
    }
    const ids = await this.findOrCreate(khaiHoId, within);
    const { message } = await create(ids);
    this.remember(khaiHoId, ids);
    return { ids, message };
  }

  private async findOrCreate(khaiHoId: string, within: <T>(work: Promise<T>) => Promise<T>): Promise<BotpressIds> {
    // Tags alone, matched on our tag only (`discriminateByTags`). No `integrationName`: the API
    // marks it deprecated (an integration's action creates users and conversations instead), and a
    // bot token with the bot's declared tags is what the runtime API needs (botpress.md, B.2).
    const tags = { [CONVERSATION_TAG]: khaiHoId };
    const discriminateByTags = [CONVERSATION_TAG];
    const { user } = await within(this.client.getOrCreateUser({ tags, discriminateByTags }));
    const { conversation } = await within(
      this.client.getOrCreateConversation({ channel: CHANNEL, tags, discriminateByTags }),
    );
    return { userId: user.id, conversationId: conversation.id };
  }

  /**
   * The bot's messages written since the question, oldest first. `afterDate` keeps each read to
   * the newest messages; the list's order is not guaranteed, so it is sorted here.
   */
  private async repliesAfter(conversationId: string, question: BotMessage): Promise<BotMessage[]> {
    const found: BotMessage[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES_PER_POLL; page += 1) {
      const { messages, meta } = await this.client.listMessages({
        conversationId,
        afterDate: question.createdAt,
        ...(nextToken ? { nextToken } : {}),
      });
      found.push(
        ...messages.filter(
          (m) => m.direction === "outgoing" && m.id !== question.id && m.createdAt >= question.createdAt,
        ),
      );
      nextToken = meta.nextToken;
      if (!nextToken) break;
    }
    return found.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  }

  private recall(khaiHoId: string): BotpressIds | undefined {
    const ids = this.remembered.get(khaiHoId);
    if (ids) this.remember(khaiHoId, ids);
    return ids;
  }

  private remember(khaiHoId: string, ids: BotpressIds): void {
    this.remembered.delete(khaiHoId);
    this.remembered.set(khaiHoId, ids);
    if (this.remembered.size > this.capacity) this.remembered.delete(this.remembered.keys().next().value!);
  }
}

/**
 * A bot message as text: text and markdown as written; a choice (or dropdown) as its text and
 * its options numbered, which every channel shows and the citizen answers by number.
 */
function textOf(message: BotMessage): string | null {
  const payload = message.payload as { text?: unknown; markdown?: unknown; options?: unknown };
  const type = message.type;
  const text = typeof payload.text === "string" ? payload.text.trim() : "";
  if (type === "markdown" && typeof payload.markdown === "string") return payload.markdown.trim() || null;
  if ((type === "choice" || type === "dropdown") && Array.isArray(payload.options)) {
    const labels = payload.options
      .map((option: { label?: unknown }) => (typeof option?.label === "string" ? option.label.trim() : ""))
      .filter((label) => label !== "");
    return [text, ...labels.map((label, i) => `${i + 1}. ${label}`)].filter((line) => line !== "").join("\n") || null;
  }
  return text || null;
}

/** What is logged of a failure: its status code and type, never its message (it may quote the question). */
function errorKind(error: unknown): { status?: number; type: string; cause?: string } {
  if (isApiError(error)) {
    // A failure below HTTP (refused, reset, timed out) arrives as an `Unknown` error around axios's.
    const cause = (error.error as { code?: unknown } | undefined)?.code;
    return typeof cause === "string" ? { type: error.type, cause } : { status: error.code, type: error.type };
  }
  return { type: error instanceof Error ? error.name : typeof error };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
