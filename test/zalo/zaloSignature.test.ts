import { createHash } from "node:crypto";
import { verifyZaloSignature, ZALO_MAX_EVENT_AGE_MS } from "../../server/channels/zalo/zaloSignature";

const KEYS = { appId: "4312768909817021535", oaSecretKey: "oa-secret-from-the-webhook-page" };
const NOW = new Date("2026-12-04T03:00:00.000Z");
const SENT_AT = String(NOW.getTime() - 1_500);

/** A body as Zalo sends it: ids kept as strings, the timestamp as a string of milliseconds. */
function eventBody(timestamp: string | number = SENT_AT): Buffer {
  const text = `{"app_id":"${KEYS.appId}","user_id_by_app":"552177279717587730","event_name":"user_send_text",`;
  const rest = `"sender":{"id":"2512523625412515"},"recipient":{"id":"579745863508352884"},`;
  const stamp = typeof timestamp === "number" ? String(timestamp) : `"${timestamp}"`;
  return Buffer.from(
    `${text}${rest}"message":{"msg_id":"96d3cdf3af150460909","text":"tôi muốn làm khai sinh"},"timestamp":${stamp}}`,
  );
}

/** What Zalo puts in X-ZEvent-Signature for that body (the fake Zalo of the reference signs the same way). */
function signatureOf(body: Buffer, keys = KEYS): string {
  const timestamp = String(JSON.parse(body.toString("utf8")).timestamp);
  return createHash("sha256")
    .update(keys.appId + body.toString("utf8") + timestamp + keys.oaSecretKey)
    .digest("hex");
}

describe("the Zalo webhook signature", () => {
  it("accepts Zalo's signature with a mac= prefix, bare, in either case and with spaces", () => {
    const body = eventBody();
    const hex = signatureOf(body);
    for (const header of [`mac=${hex}`, hex, `MAC=${hex.toUpperCase()}`, `  mac = ${hex} `])
      expect(verifyZaloSignature(body, header, KEYS, NOW)).toEqual({ ok: true, timestamp: SENT_AT });
  });

  it("accepts a timestamp sent as a number, signed over the same digits", () => {
    const body = eventBody(Number(SENT_AT));
    expect(verifyZaloSignature(body, `mac=${signatureOf(body)}`, KEYS, NOW)).toEqual({ ok: true, timestamp: SENT_AT });
  });

  it("refuses a call without a signature", () => {
    expect(verifyZaloSignature(eventBody(), undefined, KEYS, NOW)).toEqual({
      ok: false,
      code: "ZALO_SIGNATURE_MISSING",
    });
    expect(verifyZaloSignature(eventBody(), "  ", KEYS, NOW)).toEqual({ ok: false, code: "ZALO_SIGNATURE_MISSING" });
  });

  it("refuses a body changed by one byte, another secret, the app secret's place taken by the OA id", () => {
    const body = eventBody();
    const changed = Buffer.from(body);
    changed[changed.indexOf("khai")] = "K".charCodeAt(0);
    const refused = { ok: false, code: "ZALO_SIGNATURE_INVALID" };
    expect(verifyZaloSignature(changed, `mac=${signatureOf(body)}`, KEYS, NOW)).toEqual(refused);
    const otherSecret = signatureOf(body, { ...KEYS, oaSecretKey: "another" });
    expect(verifyZaloSignature(body, `mac=${otherSecret}`, KEYS, NOW)).toEqual(refused);
    const oaIdFirst = signatureOf(body, { ...KEYS, appId: "579745863508352884" });
    expect(verifyZaloSignature(body, oaIdFirst, KEYS, NOW)).toEqual(refused);
  });

  it("refuses signatures that are not 64 hex digits, without comparing them", () => {
    const hex = signatureOf(eventBody());
    for (const header of [hex.slice(0, 63), `${hex}0`, `sha256=${hex}`, "mac=", "z".repeat(64), `mac=${hex}\u0000`])
      expect(verifyZaloSignature(eventBody(), header, KEYS, NOW)).toEqual({
        ok: false,
        code: "ZALO_SIGNATURE_INVALID",
      });
  });

  it("refuses a body that is not a JSON object with a timestamp of digits", () => {
    for (const text of [
      "",
      "not json",
      "[]",
      "null",
      '{"event_name":"follow"}',
      '{"timestamp":"12ab"}',
      '{"timestamp":1.5}',
    ]) {
      const body = Buffer.from(text);
      const header = createHash("sha256")
        .update(KEYS.appId + text + KEYS.oaSecretKey)
        .digest("hex");
      expect(verifyZaloSignature(body, header, KEYS, NOW)).toEqual({ ok: false, code: "ZALO_BODY_INVALID" });
    }
  });

  it("refuses a correctly signed event replayed after the freshness window, or dated in the future", () => {
    for (const offset of [ZALO_MAX_EVENT_AGE_MS + 1, -(ZALO_MAX_EVENT_AGE_MS + 1)]) {
      const body = eventBody(String(NOW.getTime() - offset));
      expect(verifyZaloSignature(body, signatureOf(body), KEYS, NOW)).toEqual({ ok: false, code: "ZALO_EVENT_STALE" });
    }
    const atTheEdge = eventBody(String(NOW.getTime() - ZALO_MAX_EVENT_AGE_MS));
    expect(verifyZaloSignature(atTheEdge, signatureOf(atTheEdge), KEYS, NOW).ok).toBe(true);
  });
});
