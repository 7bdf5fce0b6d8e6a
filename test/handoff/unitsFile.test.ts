import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { io as connect } from "socket.io-client";
import type { UnitsResponse } from "../../server/channels/web/protocol";
import { ConfigError, loadConfig } from "../../server/config";
import type { ConsoleSettings, QueueItem } from "../../server/console/clerkProtocol";
import { Citizen, startTestServer, type TestServer } from "../support/testServer";
import { runUserCliWith } from "../support/userCli";

/** A city after the 2025 reorganisation: two wards where Hồng Ngự had seven units. */
const CITY_UNITS = [
  { id: "an-binh", nameVi: "Phường An Bình", code: "AB", kind: "phuong" },
  { id: "thuong-lac", nameVi: "Phường Thường Lạc", code: "TL", kind: "phuong" },
];
const PASSWORD = "mật khẩu của cán bộ phường mới";

describe("a city's own units (UNITS_FILE)", () => {
  let dir: string;
  let unitsFile: string;
  let server: TestServer;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "khai-ho-units-"));
    unitsFile = path.join(dir, "units.json");
    writeFileSync(unitsFile, JSON.stringify(CITY_UNITS));
    server = await startTestServer({ UNITS_FILE: unitsFile }, path.join(dir, "data"));
  });

  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves those units, and only those, at GET /api/units", async () => {
    const res = await fetch(`${server.url}/api/units`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as UnitsResponse).units).toEqual(
      CITY_UNITS.map(({ id, nameVi, kind }) => ({ id, nameVi, kind })),
    );
  });

  it("accepts a clerk of one of them from the command line and refuses a unit of the old list", async () => {
    const env = { DATA_DIR: server.dataDir, UNITS_FILE: unitsFile };
    const refused = await runUserCliWith(
      env,
      "add",
      "--username",
      "old",
      "--role",
      "clerk",
      "--unit",
      "an-thanh",
      "--password",
      PASSWORD,
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("an-thanh: không có đơn vị này; có: an-binh, thuong-lac");
    const accepted = await runUserCliWith(
      env,
      "add",
      "--username",
      "hoa",
      "--role",
      "clerk",
      "--unit",
      "an-binh",
      "--name",
      "Lê Thị Hoa",
      "--password",
      PASSWORD,
    );
    expect(accepted.stdout).toContain('Created clerk "hoa" for an-binh.');
    expect(accepted.code).toBe(0);
  }, 60_000);

  it("names them in the console's settings, and queues a citizen of the page's unit for its clerk", async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: "hoa", password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = /khaiho_session=[^;]*/.exec(login.headers.get("set-cookie") ?? "")![0];
    const clerk = connect(`${server.url}/clerk`, {
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      extraHeaders: { Cookie: cookie },
    });
    const settings = new Promise<ConsoleSettings>((resolve) => clerk.once("console:settings", resolve));
    const queues: QueueItem[][] = [];
    clerk.on("queue:update", (queue: QueueItem[]) => queues.push(queue));
    const citizen = new Citizen(server.url, { unit: "an-binh" });
    try {
      expect((await settings).units).toEqual([
        { id: "an-binh", name: "Phường An Bình" },
        { id: "thuong-lac", name: "Phường Thường Lạc" },
      ]);
      await citizen.ready();
      const answer = await citizen.say("gặp cán bộ");
      expect(answer.map((m) => m.text).join("\n")).toContain("Phường An Bình");
      await citizen.until(
        () => queues.some((q) => q.some((item) => item.unitName === "Phường An Bình")),
        "the citizen in An Bình's queue",
      );
    } finally {
      citizen.close();
      clerk.disconnect();
    }
  });
});

describe("a units file that cannot be used", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), "khai-ho-units-bad-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function configWith(content: string | null): () => unknown {
    const file = path.join(dir, `units-${Math.random().toString(36).slice(2)}.json`);
    if (content !== null) writeFileSync(file, content);
    return () => loadConfig({ UNITS_FILE: file });
  }

  it.each([
    ["missing", null, /cannot be read \(ENOENT\)/],
    ["not JSON", "{ an-binh", /is not JSON/],
    ["empty", "[]", /lists no unit/],
    ["a unit of an unknown kind", JSON.stringify([{ ...CITY_UNITS[0], kind: "huyen" }]), /\[0\]\.kind: /],
    ["a unit without a name", JSON.stringify([{ id: "an-binh", code: "AB", kind: "phuong" }]), /\[0\]\.nameVi: /],
    [
      "an id that is no slug",
      JSON.stringify([{ ...CITY_UNITS[0], id: "An Bình" }]),
      /\[0\]\.id: id must be a lowercase slug/,
    ],
    [
      "the same id twice",
      JSON.stringify([CITY_UNITS[0], { ...CITY_UNITS[1], id: "an-binh" }]),
      /\[1\]\.id: id "an-binh" is used twice/,
    ],
  ])("stops the start with one line naming the file and the problem when it is %s", (_what, content, problem) => {
    const load = configWith(content);
    expect(load).toThrow(ConfigError);
    let message = "";
    try {
      load();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^CONFIG_INVALID: UNITS_FILE="[^"]*units-[a-z0-9]+\.json" — /);
    expect(message).toMatch(problem);
    expect(message).not.toContain("\n");
  });

  it("runs on Hồng Ngự's seven units of 2022 without it", () => {
    expect(loadConfig({}).units.map((u) => u.id)).toEqual([
      "an-thanh",
      "an-loc",
      "an-lac",
      "an-binh-a",
      "an-binh-b",
      "tan-hoi",
      "binh-thanh",
    ]);
  });
});
