import { startFakeBotpress } from "./fakeBotpress";

// `npm run fake:botpress`: the fake Botpress runtime API on this machine, for trying the bridge
// without a Botpress Cloud bot. Its settings come from its own FAKE_BOTPRESS_* variables, so a
// shell that already holds Khai Hộ's BOTPRESS_* ones does not change it.
async function main(): Promise<void> {
  const port = Number(process.env.FAKE_BOTPRESS_PORT ?? 3979);
  const token = process.env.FAKE_BOTPRESS_TOKEN ?? "fake-token";
  const botId = process.env.FAKE_BOTPRESS_BOT_ID ?? "fake-bot";
  const botpress = await startFakeBotpress({ port, token, botId, host: "127.0.0.1" });
  process.stdout.write(
    [
      `Fake Botpress runtime API at ${botpress.url}. Put these in Khai Hộ's environment:`,
      `BOTPRESS_API_URL=${botpress.url}`,
      `BOTPRESS_TOKEN=${token}`,
      `BOTPRESS_BOT_ID=${botId}`,
      `It answers "mấy giờ phường mở cửa?", "lệ phí khai sinh bao nhiêu?" and "ly hôn thì làm sao?". Ctrl-C stops it.`,
      "",
    ].join("\n"),
  );
  const stop = () => void botpress.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`fake:botpress could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
