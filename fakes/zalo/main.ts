import { startFakeZalo } from "./fakeZalo";

/**
 * The demo app and OA, in Zalo's formats: numeric ids, secrets and tokens that are obviously not
 * real. Khai Hộ's settings require at least 8 characters for each secret and token.
 */
export const DEMO_ZALO_APP = {
  appId: "1234567890123456789",
  oaId: "9876543210987654321",
  oaSecretKey: "demo-oa-secret-key",
  appSecret: "demo-app-secret",
  accessToken: "demo-access-token",
  refreshToken: "demo-refresh-token",
};

/** The group the fake's OA owns (its demo group): the leaders' group of the daily report. */
const DEMO_GROUP_ID = "4a9bada229cec09099df";

/** `npm run fake:zalo`: a local Zalo with a chat page, for people trying the Zalo channel. */
async function main(): Promise<void> {
  const port = Number(process.env.FAKE_ZALO_PORT ?? 3978);
  const webhookUrl = process.env.FAKE_ZALO_WEBHOOK ?? "http://127.0.0.1:3000/webhooks/zalo";
  const fake = await startFakeZalo({ ...DEMO_ZALO_APP, port, webhookUrl, mediaHttps: true });
  const environment = {
    ZALO_APP_ID: DEMO_ZALO_APP.appId,
    ZALO_APP_SECRET: DEMO_ZALO_APP.appSecret,
    ZALO_OA_SECRET_KEY: DEMO_ZALO_APP.oaSecretKey,
    ZALO_ACCESS_TOKEN: DEMO_ZALO_APP.accessToken,
    ZALO_REFRESH_TOKEN: DEMO_ZALO_APP.refreshToken,
    ZALO_OPENAPI_BASE: fake.url,
    ZALO_OAUTH_BASE: fake.url,
    ZALO_MEDIA_HOSTS: "127.0.0.1",
    ZALO_MEDIA_CA_FILE: fake.mediaCaFile,
    ZALO_REPORT_GROUP_ID: DEMO_GROUP_ID,
  };
  const line = Object.entries(environment)
    .map(([key, value]) => `${key}=${value}`)
    .join(" ");
  process.stdout.write(
    `Fake Zalo at ${fake.url}, delivering webhook events to ${webhookUrl}.\n` +
      `Start Khai Hộ with:\n  ${line} npm start\n` +
      `Then chat as a Zalo user at ${fake.url}/ (one user per browser tab; tap "Quan tâm" to begin).\n` +
      `The leaders' group, where the daily report is posted: ${fake.url}/group\n` +
      // Khai Hộ keeps refreshed tokens in its store, and a restarted fake knows only the demo pair again.
      `If Khai Hộ refreshed its token and the fake is restarted, start Khai Hộ again with an empty DATA_DIR.\n`,
  );
  const stop = () => void fake.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main();
