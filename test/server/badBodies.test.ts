import { badRequests } from "../support/badBodies";
import { expressRoutes, HTTP_ROUTES, type HttpRoute, routeName, samplePath } from "../support/httpRoutes";
import { rawRequest } from "../support/rawHttp";
import { PLANTED_CCCD, type ServerUnderAttack, startServerUnderAttack } from "../support/serverUnderAttack";
import { Citizen, startTestServer } from "../support/testServer";

let target: ServerUnderAttack;
let owner: Citizen;
let bystander: Citizen;

beforeAll(async () => {
  target = await startServerUnderAttack();
  owner = await new Citizen(target.url, { unit: "an-thanh" }).ready();
  bystander = await new Citizen(target.url, { unit: "an-loc" }).ready();
}, 60_000);
afterAll(async () => {
  owner?.close();
  bystander?.close();
  await target?.stop();
});

/** The credentials a route asks for; logging out gets a wrong CSRF token, or it would end the session the other routes use. */
function credentials(route: HttpRoute): Record<string, string> {
  if (route.access === "citizen") return { Authorization: `Bearer ${owner.token}` };
  if (route.access === "console") return { Cookie: target.admin.cookie, "X-CSRF-Token": route.pattern === "/api/auth/logout" ? "x".repeat(32) : target.admin.csrfToken };
  return {};
}

describe("the list of routes under test", () => {
  it("is every route the HTTP app declares", async () => {
    const server = await startTestServer();
    try {
      expect(expressRoutes(server.server.app).sort()).toEqual(HTTP_ROUTES.map(routeName).sort());
    } finally {
      await server.stop();
    }
  });
});

describe.each(HTTP_ROUTES.map((route) => [routeName(route), route] as const))("%s", (_name, route) => {
  it("answers a broken body with 4xx or a closed connection, and the server goes on serving others", async () => {
    const answers: string[] = [];
    for (const bad of badRequests(route.method, samplePath(route.pattern, `HN-20261127-${PLANTED_CCCD}`), credentials(route))) {
      const answer = await rawRequest(target.port, bad.bytes, bad.ending);
      answers.push(`${bad.name}: ${answer.status}`);
      if (typeof answer.status === "number" && answer.status >= 400 && answer.body.startsWith("{")) {
        // An error the app answers is bilingual: Vietnamese / English.
        expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^[A-Z]+_[A-Z_]+$/), message: expect.stringMatching(/ \/ |[ạảãàáâậầấẩẫăắằặẳẵóòọõỏôộổỗồốơờớợởỡéèẻẹẽêếềệểễúùụủũưựữửừứíìịỉĩýỳỷỵỹđ]/) } });
      }
    }
    expect(answers.filter((a) => /: 5\d\d$/.test(a))).toEqual([]);
    expect(target.alive()).toBe(true);
    expect((await fetch(`${target.url}/health`)).status).toBe(200);
    const reply = await bystander.say("xin chào");
    expect(reply.some((m) => m.author === "bot")).toBe(true);
  }, 30_000);
});

describe("the server's log after every broken body", () => {
  it("never carries the CCCD number planted in the requests", () => {
    expect(target.logs()).not.toContain(PLANTED_CCCD);
  });
});
