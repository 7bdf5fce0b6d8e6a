import { createHash } from "node:crypto";
import { startFakeZalo, type FakeZalo } from "../../fakes/zalo/fakeZalo";
import { ZALO_APP, zaloSettings } from "../support/zaloCitizen";
import { type WatchedServer, watchedServerForThisFile } from "./securityHarness";

export interface ZaloUnderTest {
  fake: FakeZalo;
  watched: WatchedServer;
  /** Posts these exact bytes to the webhook, signed over `signedBytes` (the same bytes by default). */
  post(body: string, signedBytes?: string): Promise<Response>;
}

/** A server with the Zalo channel pointed at a fake Zalo for the file's tests. */
export function zaloServerForThisFile(extra: Record<string, string> = {}): ZaloUnderTest {
  const fake = { current: null as FakeZalo | null };
  // The fake must exist before the server reads its address: started first, the server after it.
  beforeAll(async () => {
    fake.current = await startFakeZalo({ ...ZALO_APP });
  });
  const watched = watchedServerForThisFile(() =>
    zaloSettings(fake.current!, { RATE_LIMIT_CONVERSATION_PER_MINUTE: "1000", ...extra }),
  );
  beforeAll(() => {
    fake.current!.webhookUrl = `${watched.url}/webhooks/zalo`;
  });
  afterAll(async () => {
    await fake.current?.close();
  });
  return {
    get fake() {
      return fake.current!;
    },
    watched,
    post(body, signedBytes = body) {
      const timestamp = String(JSON.parse(signedBytes).timestamp);
      const mac = createHash("sha256")
        .update(ZALO_APP.appId + signedBytes + timestamp + ZALO_APP.oaSecretKey)
        .digest("hex");
      return fetch(`${watched.url}/webhooks/zalo`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-ZEvent-Signature": `mac=${mac}` },
        body,
      });
    },
  };
}
