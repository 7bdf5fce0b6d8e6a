import { clerkConnectOutcome } from "./clerkConnect";
import { PLANTED_CCCD, watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile();

// The console has no JWT: its session is an opaque random secret looked up in the store, so a
// token crafted with alg:none or signed with a public key is just an unknown secret.
const FORGED_JWT = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(
  '{"sub":"admin","role":"admin"}',
).toString("base64url")}.`;

describe("case 32: connecting to /clerk without a valid console session", () => {
  it.each([
    ["no cookie", {}],
    ["an empty session", { Cookie: "khaiho_session=" }],
    ["a forged alg:none token", { Cookie: `khaiho_session=${FORGED_JWT}` }],
    ["a random secret", { Cookie: `khaiho_session=${"A".repeat(43)}` }],
    ["a CCCD", { Cookie: `khaiho_session=${PLANTED_CCCD}` }],
  ])("refuses %s with AUTH_REQUIRED", async (_name, headers) => {
    expect(await clerkConnectOutcome(watched.url, headers)).toBe("AUTH_REQUIRED");
  });

  it("refuses a citizen's widget token, in the cookie or in auth", async () => {
    const c = await watched.citizen();
    expect(await clerkConnectOutcome(watched.url, { Cookie: `khaiho_session=${c.token}` })).toBe("AUTH_REQUIRED");
    expect(await clerkConnectOutcome(watched.url, {}, { token: c.token })).toBe("AUTH_REQUIRED");
    expect(
      (await fetch(`${watched.url}/api/console/dossiers`, { headers: { Authorization: `Bearer ${c.token}` } })).status,
    ).toBe(401);
  });
});
