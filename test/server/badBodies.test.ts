import { badRequests } from "../support/badBodies";
import { expressRoutes, HTTP_ROUTES, type HttpRoute, routeName, samplePath } from "../support/httpRoutes";
import { rawRequest } from "../support/rawHttp";
import { attackRoutesInThisFile, credentialsFor, PLANTED_CCCD } from "../support/serverUnderAttack";
import { startTestServer } from "../support/testServer";

const attack = attackRoutesInThisFile();

const credentials = (route: HttpRoute) => credentialsFor(route, attack.target, attack.owner.token!);

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
    for (const bad of badRequests(
      route.method,
      samplePath(route.pattern, `HN-20261127-${PLANTED_CCCD}`),
      credentials(route),
    )) {
      const answer = await rawRequest(attack.target.port, bad.bytes, bad.ending);
      answers.push(`${bad.name}: ${answer.status}`);
      if (typeof answer.status === "number" && answer.status >= 400 && answer.body.startsWith("{")) {
        // An error the app answers is bilingual: Vietnamese / English.
        expect(JSON.parse(answer.body)).toMatchObject({
          ok: false,
          error: {
            code: expect.stringMatching(/^[A-Z]+_[A-Z_]+$/),
            message: expect.stringMatching(
              / \/ |[ạảãàáâậầấẩẫăắằặẳẵóòọõỏôộổỗồốơờớợởỡéèẻẹẽêếềệểễúùụủũưựữửừứíìịỉĩýỳỷỵỹđ]/,
            ),
          },
        });
      }
    }
    expect(answers.filter((a) => /: 5\d\d$/.test(a))).toEqual([]);
    expect(attack.target.alive()).toBe(true);
    expect((await fetch(`${attack.target.url}/health`)).status).toBe(200);
    const reply = await attack.bystander.say("xin chào");
    expect(reply.some((m) => m.author === "bot")).toBe(true);
  }, 30_000);
});

describe("the server's log after every broken body", () => {
  it("never carries the CCCD number planted in the requests", () => {
    expect(attack.target.logs()).not.toContain(PLANTED_CCCD);
  });
});
