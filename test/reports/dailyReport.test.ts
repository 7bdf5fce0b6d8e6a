import { startFakeZalo, type FakeZalo } from "../../fakes/zalo/fakeZalo";
import { HONG_NGU_CITY, HONG_NGU_UNITS_2022 } from "../../flows/units";
import { createZaloOpenApi, zaloGroupPoster } from "../../server/channels/zalo/zaloChannel";
import { loadConfig } from "../../server/config";
import { defaultLegalDeadlines } from "../../server/deadlines/legalDeadlines";
import { createLogger } from "../../server/logger";
import { buildDailyReport, type ReportThresholds } from "../../server/reports/dailyReport";
import { DailyReportJob } from "../../server/reports/dailyReportJob";
import { startReportSchedule } from "../../server/reports/reportSchedule";
import { reportText } from "../../server/reports/reportText";
import type { Store } from "../../server/store/store";
import { type StoredActivity, storeActivity } from "../support/storedActivity";
import { sqliteStoreUnderTest, type StoreUnderTest } from "../support/storeUnderTest";
import { ZALO_APP, until, zaloSettings } from "../support/zaloCitizen";

const THRESHOLDS: ReportThresholds = { maxOverdue: 0, maxMedianWaitMinutes: 10, minOnlineShare: 0.9, minRating: 4 };
const DAY = "2026-12-03";
const calendar = defaultLegalDeadlines().calendar;
const vn = (local: string) => new Date(`${local}+07:00`);
const logger = createLogger("silent");

let opened: StoreUnderTest;
let store: Store;

beforeEach(async () => {
  opened = await sqliteStoreUnderTest("report")();
  store = opened.store;
  await store.open();
});
afterEach(async () => opened.cleanup());

/** One conversation of a unit started at `at`, with what it did, and a dossier when `submitted` is given. */
async function conversation(
  unitId: string | null,
  at: Date,
  events: StoredActivity["events"] = [],
  dossier?: StoredActivity["dossier"],
): Promise<void> {
  await storeActivity(store, { unitId, at, events, ...(dossier ? { dossier } : {}) });
}

describe("the daily report's figures", () => {
  it("reports a day with no activity as zeros, praising and blaming nobody", async () => {
    const report = await buildDailyReport(store, HONG_NGU_UNITS_2022, DAY, calendar, THRESHOLDS);
    expect(report.city).toMatchObject({ conversations: 0, submitted: 0, onlineShare: null, overdue: 0 });
    expect(report.units).toHaveLength(7);
    expect(report.best).toBeNull();
    expect(report.flagged).toEqual([]);
    const text = reportText(report, HONG_NGU_CITY, { late: false, cut: "16:00" }).join("\n");
    expect(text).toContain("BÁO CÁO NGÀY 03/12/2026");
    expect(text).toContain("Hội thoại: 0 · Hồ sơ nộp: 0 (trực tuyến 0, tại quầy 0, bưu chính 0)");
    expect(text).not.toContain("Biểu dương");
  });

  it("counts per unit as checked by hand: methods, online share, waits, ratings, overdue, questions", async () => {
    // An Thạnh: two online dossiers and one at the counter; one handoff taken after 4 min, one after 20 min.
    await conversation(
      "an-thanh",
      vn(`${DAY}T08:00:00`),
      [
        { kind: "handoff.requested", at: vn(`${DAY}T08:01:00`) },
        { kind: "handoff.taken", at: vn(`${DAY}T08:05:00`), value: 4 * 60_000 },
        { kind: "rating.given", at: vn(`${DAY}T08:30:00`), value: 5 },
      ],
      { at: vn(`${DAY}T08:20:00`), method: "online" },
    );
    await conversation(
      "an-thanh",
      vn(`${DAY}T09:00:00`),
      [
        { kind: "handoff.requested", at: vn(`${DAY}T09:00:00`) },
        { kind: "handoff.taken", at: vn(`${DAY}T09:20:00`), value: 20 * 60_000 },
        { kind: "rating.given", at: vn(`${DAY}T09:40:00`), value: 2 },
      ],
      { at: vn(`${DAY}T09:30:00`), method: "online" },
    );
    await conversation("an-thanh", vn(`${DAY}T10:00:00`), [], { at: vn(`${DAY}T10:10:00`), method: "counter" });
    // An Lộc: no clerk ever took its one handoff; one dossier overdue since the day before.
    await conversation("an-loc", vn(`${DAY}T11:00:00`), [{ kind: "handoff.requested", at: vn(`${DAY}T11:01:00`) }]);
    await conversation("an-loc", vn("2026-11-20T09:00:00"), [], {
      at: vn("2026-11-20T09:10:00"),
      method: "online",
      dueDate: "02/12/2026",
      status: "processing",
    });
    // A question asked twice in two spellings, by a citizen who chose no unit.
    await conversation(null, vn(`${DAY}T12:00:00`), [
      { kind: "question.unanswered", at: vn(`${DAY}T12:00:00`), text: "Lệ phí khai sinh bao nhiêu?" },
      { kind: "question.unanswered", at: vn(`${DAY}T12:01:00`), text: "lệ phí khai sinh bao nhiêu" },
    ]);
    // The day before and the day after do not count.
    await conversation("an-thanh", vn("2026-12-02T23:59:00"), [], { at: vn("2026-12-02T23:59:30"), method: "online" });
    await conversation("an-thanh", vn("2026-12-04T00:00:00"), [], { at: vn("2026-12-04T00:00:10"), method: "online" });

    const report = await buildDailyReport(store, HONG_NGU_UNITS_2022, DAY, calendar, THRESHOLDS);
    const anThanh = report.units.find((u) => u.unitId === "an-thanh")!;
    expect(anThanh).toMatchObject({
      conversations: 3,
      submitted: 3,
      submittedBy: { online: 2, counter: 1, postal: 0 },
      withClerk: 2,
      handoffs: 2,
      medianWaitMinutes: 12,
      longestWaitMinutes: 20,
      averageRating: 3.5,
      overdue: 0,
    });
    expect(anThanh.onlineShare).toBeCloseTo(2 / 3);
    expect(anThanh.problems).toEqual([
      "chờ cán bộ trung vị 12 phút (lâu nhất 20 phút)",
      "tỷ lệ nộp trực tuyến 66,67%",
      "hài lòng 3,5/5",
    ]);
    const anLoc = report.units.find((u) => u.unitId === "an-loc")!;
    expect(anLoc).toMatchObject({ conversations: 1, submitted: 0, handoffs: 1, medianWaitMinutes: null, overdue: 1 });
    expect(anLoc.problems).toEqual(["1 hồ sơ quá hạn"]);
    expect(report.city).toMatchObject({ conversations: 5, submitted: 3, handoffs: 3, unanswered: 2, overdue: 1 });
    expect(report.topQuestions).toEqual([{ text: "lệ phí khai sinh bao nhiêu", count: 2 }]);
    const text = reportText(report, HONG_NGU_CITY, { late: false, cut: "16:00" }).join("\n");
    expect(text).toContain("- Phường An Lộc: 1 hồ sơ quá hạn.");
    expect(text).toContain("Chưa chọn phường/xã");
  });

  it("keeps the 16:00 report as made: 15:59 is in it, 16:01 only in the day reported again", async () => {
    const job = (now: Date) =>
      new DailyReportJob({
        store,
        units: HONG_NGU_UNITS_2022,
        city: HONG_NGU_CITY,
        calendar,
        thresholds: THRESHOLDS,
        groupId: null,
        groups: null,
        logger,
        now: () => now,
      });
    await conversation("an-thanh", vn(`${DAY}T15:50:00`), [], { at: vn(`${DAY}T15:59:00`), method: "online" });
    const at16 = await job(vn(`${DAY}T16:00:00`)).make(DAY, { late: false, cut: "16:00" });
    expect(at16.made).toBe(true);
    await conversation("an-thanh", vn(`${DAY}T16:00:30`), [], { at: vn(`${DAY}T16:01:00`), method: "online" });
    const again = await job(vn(`${DAY}T17:00:00`)).make(DAY, { late: false, cut: "16:00" });
    expect(again.made).toBe(false);
    expect(again.report.parts.join("\n")).toContain("Hồ sơ nộp: 1 (trực tuyến 1");
    const whole = await buildDailyReport(store, HONG_NGU_UNITS_2022, DAY, calendar, THRESHOLDS);
    expect(whole.city.submitted).toBe(2);
  });
});

describe("the schedule", () => {
  afterEach(() => jest.useRealTimers());

  it("makes the report at 16:00 Viet Nam time, not a minute before, on a fake clock", async () => {
    // Only the timers and the clock are fake: the store and the promises run as they do.
    jest.useFakeTimers({ now: vn(`${DAY}T15:58:30`), doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] });
    const job = new DailyReportJob({
      store,
      units: HONG_NGU_UNITS_2022,
      city: HONG_NGU_CITY,
      calendar,
      thresholds: THRESHOLDS,
      groupId: null,
      groups: null,
      logger,
      now: () => new Date(),
    });
    const schedule = startReportSchedule({ pattern: "0 16 * * *", job, logger, now: () => new Date() });
    try {
      await jest.advanceTimersByTimeAsync(89_000); // 15:59:59
      expect(await store.getDailyReport(DAY)).toBeNull();
      await jest.advanceTimersByTimeAsync(2_000); // 16:00:01
      const report = (await store.getDailyReport(DAY))!;
      expect(report).toMatchObject({ late: false, createdAt: vn(`${DAY}T16:00:00`).toISOString() });
      expect(report.parts[0]).toContain("Số liệu từ 0 giờ đến 16:00.");
      // The next day's comes 24 hours later.
      await jest.advanceTimersByTimeAsync(24 * 3_600_000);
      expect(await store.getDailyReport("2026-12-04")).toMatchObject({ late: false });
    } finally {
      await schedule.stop();
    }
  });
});

describe("posting the report to the leaders' Zalo group", () => {
  let zalo: FakeZalo;
  beforeEach(async () => {
    zalo = await startFakeZalo({ ...ZALO_APP });
  });
  afterEach(async () => zalo.close());

  const jobOn = (node: string) => {
    const config = loadConfig({ DATA_DIR: "/tmp/unused", ...zaloSettings(zalo) });
    const now = () => vn(`${DAY}T16:00:00`);
    return new DailyReportJob({
      store,
      units: HONG_NGU_UNITS_2022,
      city: HONG_NGU_CITY,
      calendar,
      thresholds: THRESHOLDS,
      groupId: "4a9bada229cec09099df",
      groups: zaloGroupPoster(createZaloOpenApi({ config, store, logger: createLogger("silent"), now })),
      logger: createLogger("silent").child({ node }),
      now,
    });
  };

  it("posts the text then the chart once, with two nodes making the same day's report", async () => {
    await conversation("an-thanh", vn(`${DAY}T08:00:00`), [], { at: vn(`${DAY}T08:20:00`), method: "online" });
    const [first, second] = [jobOn("a"), jobOn("b")];
    const made = await Promise.all([
      first.make(DAY, { late: false, cut: "16:00" }),
      second.make(DAY, { late: false, cut: "16:00" }),
    ]);
    expect(made.filter((m) => m.made)).toHaveLength(1);
    await Promise.all([first.postPending(), second.postPending()]);
    await first.postPending();
    const stored = (await store.getDailyReport(DAY))!;
    expect(zalo.groupMessages).toHaveLength(stored.parts.length + 1);
    expect(zalo.groupMessages.slice(0, stored.parts.length).map((m) => m.text)).toEqual(stored.parts);
    expect(zalo.groupMessages.every((m) => m.groupId === "4a9bada229cec09099df")).toBe(true);
    expect(zalo.groupMessages.at(-1)!.attachment).toMatchObject({ payload: { template_type: "media" } });
    const image = zalo.uploads.find((u) => u.kind === "image")!;
    expect(image).toMatchObject({ mimeType: "image/png" });
    expect(stored).toMatchObject({ sentMessages: stored.parts.length + 1, lastError: null });
    // A person reads it on the fake's group page, chart included.
    const page = (await (await fetch(`${zalo.url}/__page/group`)).json()) as {
      messages: { text: string | null; imageId: string | null }[];
    };
    expect(page.messages.map((m) => m.text).slice(0, stored.parts.length)).toEqual(stored.parts);
    const chart = await fetch(`${zalo.url}/__page/uploads/${page.messages.at(-1)!.imageId}`);
    expect(chart.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await chart.arrayBuffer()).equals(Buffer.from(stored.chartPng!, "base64"))).toBe(true);
  });

  it("tries again after Zalo's rate limit, sending nothing twice; skips what Zalo will never take", async () => {
    const job = jobOn("a");
    await job.make(DAY, { late: false, cut: "16:00" });
    zalo.failNextGroup(-32);
    await job.postPending();
    expect(zalo.groupMessages).toHaveLength(0);
    expect((await store.getDailyReport(DAY))!.lastError).toMatch(/^Zalo -32/);
    await job.postPending();
    const stored = (await store.getDailyReport(DAY))!;
    expect(zalo.groupMessages.map((m) => m.text).slice(0, stored.parts.length)).toEqual(stored.parts);
    expect(stored.lastError).toBeNull();
    // A message Zalo refuses for good (-201, bad parameters) is skipped; the rest of the report arrives.
    await job.make("2026-12-04", { late: false, cut: "16:00" });
    const before = zalo.groupMessages.length;
    zalo.failNextGroup(-201);
    await job.postPending();
    const next = (await store.getDailyReport("2026-12-04"))!;
    expect(next.sentMessages).toBe(next.parts.length + 1);
    expect(next.lastError).toMatch(/^Zalo -201/);
    expect(zalo.groupMessages.slice(before).map((m) => m.text)).toEqual([...next.parts.slice(1), expect.any(String)]);
  });

  it("makes the day's report at start, marked late, when the server was down at 16:00", async () => {
    const job = jobOn("a");
    const schedule = startReportSchedule({ pattern: "0 16 * * *", job, logger, now: () => vn(`${DAY}T17:30:00`) });
    try {
      await until(
        async () =>
          (await store.getDailyReport(DAY))?.sentMessages ===
          ((await store.getDailyReport(DAY))?.parts.length ?? 0) + 1,
        "the late report posted",
      );
    } finally {
      await schedule.stop();
    }
    const stored = (await store.getDailyReport(DAY))!;
    expect(stored.late).toBe(true);
    expect(stored.parts[0]).toContain("(gửi muộn)");
    // Before 16:00 there is nothing to catch up on.
    const early = startReportSchedule({ pattern: "0 16 * * *", job, logger, now: () => vn("2026-12-04T10:00:00") });
    await early.stop();
    expect(await store.getDailyReport("2026-12-04")).toBeNull();
  });
});
