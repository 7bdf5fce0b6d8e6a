import type { FakeZalo } from "../../fakes/zalo/fakeZalo";
import { localIsoDate } from "../../server/engine/clock";
import type { DailyReportRecord } from "../../server/store/store";
import type { SqliteStore } from "../../server/store/sqlite/sqliteStore";
import { until } from "./zaloCitizen";

/**
 * Waits until today's report is posted, gives the processes a round to post it again, then checks it was made once
 * and its texts and chart reached the leaders' group once. Resolves with the report.
 */
export async function expectReportPostedOnce(store: SqliteStore, zalo: FakeZalo): Promise<DailyReportRecord> {
  const today = localIsoDate(new Date());
  await until(
    async () => {
      const report = await store.getDailyReport(today);
      return report !== null && report.sentMessages === report.parts.length + 1;
    },
    "the report posted",
    30_000,
  );
  // Every process tries again on its schedule: one more round has the chance to post twice.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const report = (await store.getDailyReport(today))!;
  expect(await store.listDailyReports(10)).toHaveLength(1);
  const texts = zalo.groupMessages.filter((m) => m.text && !m.attachment).map((m) => m.text);
  expect(texts).toEqual(report.parts);
  expect(zalo.groupMessages.filter((m) => m.attachment)).toHaveLength(1);
  return report;
}
