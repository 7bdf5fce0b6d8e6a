import fc from "fast-check";
import { hostileValue, nearlyValid } from "../support/hostileValues";
import { HTTP_ROUTES, routeName, samplePath } from "../support/httpRoutes";
import { type RequestEnding, rawRequest, requestHead } from "../support/rawHttp";
import { attackRoutesInThisFile, credentialsFor, PLANTED_CCCD, PLANTED_PHONE } from "../support/serverUnderAttack";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

/** The fields each JSON route reads, so that some payloads get past the parser to the checks. */
const FIELDS: Record<string, string[]> = {
  "POST /api/auth/login": ["username", "password"],
  "POST /api/auth/password": ["currentPassword", "newPassword"],
  "POST /api/console/dossiers/:code/status": ["status", "reason"],
};

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=latin1",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=XX",
  "multipart/form-data",
  "",
];

const attack = attackRoutesInThisFile();

describe("random and malformed requests at every route", () => {
  it("never stop the server nor get a 5xx, and leave another citizen's conversation working", async () => {
    const before = attack.bystander.messages.length;
    const request = fc.record({
      route: fc.constantFrom(...HTTP_ROUTES),
      code: fc.oneof(
        fc.constant(`HN-20261127-${PLANTED_CCCD}`),
        fc.string({ maxLength: 30 }),
        fc.constant("HN-20261127-0001"),
      ),
      query: fc.oneof(
        fc.constant(""),
        fc.constant(`?phone=${PLANTED_PHONE}&phone=x&query[$where]=1&__proto__[a]=1`),
        fc.string({ maxLength: 30 }).map((q) => `?${encodeURIComponent(q)}=${encodeURIComponent(q)}`),
      ),
      contentType: fc.constantFrom(...CONTENT_TYPES),
      ending: fc.constantFrom<RequestEnding>("wait", "wait", "half-close", "destroy"),
      declaredExtra: fc.oneof(fc.constant(0), fc.nat(5_000)),
      body: fc.oneof(
        hostileValue([PLANTED_CCCD, PLANTED_PHONE]).map((v) => Buffer.from(JSON.stringify(v) ?? "")),
        fc
          .constantFrom(...Object.values(FIELDS))
          .chain((fields) => nearlyValid(fields, ["received", "rejected", "quantri", PLANTED_PHONE]))
          .map((v) => Buffer.from(JSON.stringify(v))),
        fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)),
        fc.string({ maxLength: 200 }).map((text) => Buffer.from(text)),
      ),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ route, code, query, contentType, ending, declaredExtra, body }) => {
        const path = `${samplePath(route.pattern, code)}${query}`;
        const headers = {
          ...credentialsFor(route, attack.target, attack.owner.token!),
          ...(contentType ? { "Content-Type": contentType } : {}),
          "Content-Length": body.length + declaredExtra,
        };
        // A body shorter than declared is cut by the client: waiting would only wait for the server's timeout.
        const cut = declaredExtra > 0 && ending === "wait" ? "half-close" : ending;
        const answer = await rawRequest(
          attack.target.port,
          Buffer.concat([Buffer.from(requestHead(route.method, path, headers), "latin1"), body]),
          cut,
        );
        expect(attack.target.alive()).toBe(true);
        // A 5xx would be the server's own failure: bad input gets 4xx, or the connection closes.
        expect({ route: routeName(route), status: answer.status }).toEqual({
          route: routeName(route),
          status: typeof answer.status === "number" && answer.status >= 500 ? "less than 500" : answer.status,
        });
      }),
      { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
    expect((await fetch(`${attack.target.url}/health`)).status).toBe(200);
    expect(attack.bystander.messages.length).toBe(before);
    const reply = await attack.bystander.say("xin chào");
    expect(reply.some((m) => m.author === "bot")).toBe(true);
    expect(attack.target.logs()).not.toContain(PLANTED_CCCD);
    expect(attack.target.logs()).not.toContain(PLANTED_PHONE);
  }, 120_000);
});
