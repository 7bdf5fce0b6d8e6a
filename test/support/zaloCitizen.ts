import type { EngineInput } from "../../server/engine/engineIO";
import type { Store } from "../../server/store/store";
import type { FakeZalo } from "../../fakes/zalo/fakeZalo";

export const ZALO_APP = {
  appId: "3608465249409039671",
  oaId: "3886132808788086451",
  oaSecretKey: "oa-secret-key-of-the-tests",
  appSecret: "app-secret-of-the-tests",
  accessToken: "access-token-0001",
  refreshToken: "refresh-token-0001",
};

/** The server settings that point the Zalo channel at the fake. */
export function zaloSettings(fake: FakeZalo, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ZALO_APP_ID: ZALO_APP.appId,
    ZALO_APP_SECRET: ZALO_APP.appSecret,
    ZALO_OA_SECRET_KEY: ZALO_APP.oaSecretKey,
    ZALO_ACCESS_TOKEN: ZALO_APP.accessToken,
    ZALO_REFRESH_TOKEN: ZALO_APP.refreshToken,
    ZALO_OPENAPI_BASE: fake.url,
    ZALO_OAUTH_BASE: fake.url,
    ZALO_DEFAULT_UNIT: "an-thanh",
    ...extra,
  };
}

export async function until(test: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await test())) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * A Zalo user chatting with the OA through the fake, against a server's store: each input is
 * a webhook event, answered once the server has stored its turn and sent every reply to Zalo.
 */
export class ZaloCitizen {
  constructor(
    readonly fake: FakeZalo,
    readonly store: Store,
    readonly userId: string,
  ) {}

  /** What the OA sent this user, in order. */
  get received() {
    return this.fake.sent.filter((message) => message.userId === this.userId);
  }

  async conversationId(): Promise<string> {
    await until(async () => (await this.store.getZaloContact(ZALO_APP.oaId, this.userId)) !== null, "the contact");
    return (await this.store.getZaloContact(ZALO_APP.oaId, this.userId))!.conversationId;
  }

  /** Resolves once the conversation has more messages than `afterSeq` and all of them went out. */
  async settled(afterSeq: number): Promise<number> {
    let last = afterSeq;
    await until(async () => {
      const contact = await this.store.getZaloContact(ZALO_APP.oaId, this.userId);
      const conversation = contact && (await this.store.getConversation(contact.conversationId));
      if (!contact || !conversation) return false;
      last = conversation.lastSeq;
      return conversation.lastSeq > afterSeq && contact.deliveredSeq >= conversation.lastSeq;
    }, `the answer after message ${afterSeq}`);
    return last;
  }

  async lastSeq(): Promise<number> {
    const contact = await this.store.getZaloContact(ZALO_APP.oaId, this.userId);
    return contact ? ((await this.store.getConversation(contact.conversationId))?.lastSeq ?? 0) : 0;
  }

  async follow(): Promise<void> {
    const before = await this.lastSeq();
    expectOk(await this.fake.follow(this.userId));
    await this.settled(before);
  }

  /** Types a text (or taps a button: Zalo sends its payload as the text) and waits for the answer. */
  async say(text: string): Promise<void> {
    const before = await this.lastSeq();
    expectOk(await this.fake.sendText(this.userId, text));
    await this.settled(before);
  }

  /** Replays a walk's inputs: texts typed, choices tapped as buttons, attachments sent as `imageUrl`. */
  async answer(inputs: readonly EngineInput[], imageUrl?: string): Promise<void> {
    for (const input of inputs) {
      if (input.kind === "text") await this.say(input.text);
      else if (input.kind === "choice") await this.say(input.value);
      else if (input.kind === "attachment") {
        const before = await this.lastSeq();
        expectOk(await this.fake.sendImage(this.userId, imageUrl!));
        await this.settled(before);
      } else throw new Error(`a Zalo user cannot send a ${input.kind} input`);
    }
  }
}

function expectOk(answer: { status: number }): void {
  if (answer.status !== 200) throw new Error(`the webhook answered ${answer.status}`);
}
