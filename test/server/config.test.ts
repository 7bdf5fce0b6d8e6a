import { spawn } from "node:child_process";
import path from "node:path";
import { ConfigError, loadConfig } from "../../server/config";

describe("settings", () => {
  it("runs on the embedded defaults with no setting at all", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, UPLOAD_MAX_BYTES: 10 * 1024 * 1024, CONNECTION_RECOVERY_MS: 0 });
    expect(config.MONGODB_URI).toBeUndefined();
    expect(config.DATA_DIR).toBe(path.resolve("./data"));
    expect(config.ALLOWED_ORIGINS).toEqual(["http://localhost:3000", "http://127.0.0.1:3000"]);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["MONGODB_URI", "postgres://x"],
    ["CONNECTION_RECOVERY_MS", "120000"],
    ["UNIT_PREFIXED_CODES", "maybe"],
    ["ALLOWED_ORIGINS", "hongngu.gov.vn/path"],
    ["CANNED_REPLIES", "x".repeat(501)],
    ["CANNED_REPLIES", Array.from({ length: 31 }, (_, i) => `Câu ${i}`).join("|")],
  ])("names %s in one line when it is %s", (key, value) => {
    expect(() => loadConfig({ [key]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [key]: value })).toThrow(new RegExp(`^CONFIG_INVALID: ${key}=`));
  });

  const ZALO = {
    ZALO_APP_ID: "3608465249409039671",
    ZALO_APP_SECRET: "app-secret-1234",
    ZALO_OA_SECRET_KEY: "oa-secret-1234",
    ZALO_ACCESS_TOKEN: "access-token-1234",
    ZALO_REFRESH_TOKEN: "refresh-token-1234",
  };

  it("turns the Zalo channel and the Botpress bridge on only when configured", () => {
    expect(loadConfig({}).ZALO_APP_ID).toBeUndefined();
    expect(loadConfig({ ...ZALO, ZALO_DEFAULT_UNIT: "an-thanh" })).toMatchObject({
      ZALO_APP_ID: ZALO.ZALO_APP_ID,
      ZALO_OPENAPI_BASE: "https://openapi.zalo.me",
      ZALO_OAUTH_BASE: "https://oauth.zaloapp.com",
    });
    const botpress = { BOTPRESS_API_URL: "https://api.botpress.cloud", BOTPRESS_TOKEN: "t", BOTPRESS_BOT_ID: "b" };
    expect(loadConfig(botpress).BOTPRESS_TIMEOUT_MS).toBe(4000);
  });

  it.each([
    [{ ...ZALO, ZALO_APP_ID: "my-app" }, /^CONFIG_INVALID: ZALO_APP_ID="my-app"/],
    [{ ...ZALO, ZALO_OA_SECRET_KEY: undefined }, /^CONFIG_INVALID: ZALO_OA_SECRET_KEY is required when ZALO_APP_ID/],
    [{ ...ZALO, ZALO_DEFAULT_UNIT: "phuong-9" }, /^CONFIG_INVALID: ZALO_DEFAULT_UNIT="phuong-9" — not one of/],
    [{ ...ZALO, ZALO_OPENAPI_BASE: "ftp://zalo" }, /^CONFIG_INVALID: ZALO_OPENAPI_BASE="ftp:\/\/zalo"/],
    [{ BOTPRESS_API_URL: "https://api.botpress.cloud" }, /^CONFIG_INVALID: BOTPRESS_TOKEN is required with/],
    [{ BOTPRESS_TIMEOUT_MS: "9000" }, /^CONFIG_INVALID: BOTPRESS_TIMEOUT_MS="9000"/],
  ])("stops a bad Zalo or Botpress setting with one line naming it (%#)", (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it.each([
    [{ REPORT_CRON: "at four" }, /^CONFIG_INVALID: REPORT_CRON="at four" — .*"0 16 \* \* \*"/],
    [{ ZALO_REPORT_GROUP_ID: "leaders group" }, /^CONFIG_INVALID: ZALO_REPORT_GROUP_ID="leaders group"/],
    [{ REPORT_MIN_ONLINE_PERCENT: "120" }, /^CONFIG_INVALID: REPORT_MIN_ONLINE_PERCENT="120"/],
    [
      { HOLIDAYS_FILE: "/nonexistent/holidays.json" },
      /^CONFIG_INVALID: HOLIDAYS_FILE="\/nonexistent\/holidays.json" — not a readable holidays file/,
    ],
    [{ DEADLINE_CUTOFF_HOUR: "25" }, /^CONFIG_INVALID: DEADLINE_CUTOFF_HOUR="25"/],
  ])("stops a bad report or deadline setting with one line naming it (%#)", (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("makes the report at 16:00 by default, or never with REPORT_CRON=off", () => {
    expect(loadConfig({}).REPORT_CRON).toBe("0 16 * * *");
    expect(loadConfig({ REPORT_CRON: "off" }).REPORT_CRON).toBe("off");
  });

  it("reads the console's canned replies as a list separated by |, with five common ones by default", () => {
    expect(loadConfig({ CANNED_REPLIES: " Chào anh/chị ạ. |Anh/chị chờ em chút nhé.| " }).CANNED_REPLIES).toEqual([
      "Chào anh/chị ạ.",
      "Anh/chị chờ em chút nhé.",
    ]);
    expect(loadConfig({}).CANNED_REPLIES).toHaveLength(5);
  });

  it("stops the server's start with that one line and exit code 1", async () => {
    const root = path.resolve(__dirname, "../..");
    const { code, stderr, stdout } = await new Promise<{ code: number | null; stderr: string; stdout: string }>(
      (resolve) => {
        const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
          cwd: root,
          env: { ...process.env, PORT: "not-a-port" },
        });
        let err = "";
        let out = "";
        child.stderr.on("data", (d: Buffer) => (err += d.toString()));
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        child.on("close", (exit) => resolve({ code: exit, stderr: err, stdout: out }));
      },
    );
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([expect.stringMatching(/^CONFIG_INVALID: PORT="not-a-port"/)]);
  }, 30_000);
});
