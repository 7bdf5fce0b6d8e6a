import type { DailyReportRecord, Store } from "../../server/store/store";
import { openForEachTest, type StoreUnderTest } from "../support/storeUnderTest";
import { storeActivity } from "../support/storedActivity";

/** An instant given as Viet Nam's wall clock, to the second. */
const vn = (local: string) => new Date(`${local}+07:00`);

function report(day: string, fields: Partial<DailyReportRecord> = {}): DailyReportRecord {
  return {
    day,
    createdAt: vn(`${day}T16:00:00`).toISOString(),
    late: false,
    parts: ["BÁO CÁO NGÀY", "phần 2"],
    chartPng: Buffer.from("png").toString("base64"),
    figures: { day },
    groupId: "4a9bada229cec09099df",
    sentMessages: 0,
    lastError: null,
    sentAt: null,
    ...fields,
  };
}

/**
 * The figures of the daily report and the dashboard, and the made reports, over every adapter.
 *
 * @example
 * describeReportStoreContract("SqliteStore", sqliteStoreUnderTest("report"));
 */
export function describeReportStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`${name} (report store contract)`, () => {
    let store: Store;
    openForEachTest(makeStore, (opened) => {
      store = opened;
    });

    describe("figures", () => {
      it("counts by the city's day (UTC+7) and unit, filters units, and leaves empty days out", async () => {
        // 23:30 on the 2nd in Viet Nam is 16:30 UTC the same day; 00:30 on the 3rd is 17:30 UTC on the 2nd.
        await storeActivity(store, { unitId: "an-thanh", at: vn("2026-12-02T23:30:00") });
        await storeActivity(store, {
          unitId: "an-thanh",
          at: vn("2026-12-03T00:30:00"),
          events: [
            { kind: "handoff.requested", at: vn("2026-12-03T00:31:00") },
            { kind: "handoff.taken", at: vn("2026-12-03T00:36:00"), value: 300_000 },
            { kind: "rating.given", at: vn("2026-12-03T00:50:00"), value: 4 },
          ],
          dossier: { at: vn("2026-12-03T00:40:00"), method: "postal" },
        });
        await storeActivity(store, { unitId: "an-loc", at: vn("2026-12-03T10:00:00") });
        const all = await store.unitDayFigures({ from: "2026-12-02", to: "2026-12-04" }, null);
        expect(all.map((f) => [f.day, f.unitId, f.conversationsStarted, f.dossiersSubmitted])).toEqual([
          ["2026-12-02", "an-thanh", 1, 0],
          ["2026-12-03", "an-loc", 1, 0],
          ["2026-12-03", "an-thanh", 1, 1],
        ]);
        expect(all[2]).toMatchObject({
          submittedBy: { online: 0, counter: 0, postal: 1 },
          dossiersWithClerk: 1,
          handoffsRequested: 1,
          handoffWaitsMs: [300_000],
          ratings: 1,
          ratingSum: 4,
        });
        const one = await store.unitDayFigures({ from: "2026-12-03", to: "2026-12-03" }, ["an-loc"]);
        expect(one.map((f) => f.unitId)).toEqual(["an-loc"]);
        expect(await store.unitDayFigures({ from: "2026-12-03", to: "2026-12-03" }, [])).toEqual([]);
      });

      it("counts a row written later for a past day once it is read again", async () => {
        const range = { from: "2026-11-02", to: "2026-11-03" };
        await storeActivity(store, { unitId: "an-thanh", at: vn("2026-11-02T09:00:00") });
        expect((await store.unitDayFigures(range, null)).map((f) => f.conversationsStarted)).toEqual([1]);
        await storeActivity(store, { unitId: "an-thanh", at: vn("2026-11-02T10:00:00") });
        await storeActivity(store, { unitId: "an-thanh", at: vn("2026-11-03T10:00:00") });
        expect((await store.unitDayFigures(range, null)).map((f) => f.conversationsStarted)).toEqual([2, 1]);
      });

      it("lists open dossiers due by a day, soonest first, without the answered ones or other units", async () => {
        const due = (unitId: string, dueDate: string, status: "processing" | "done" = "processing") =>
          storeActivity(store, {
            unitId,
            at: vn("2026-11-20T09:00:00"),
            dossier: { at: vn("2026-11-20T09:00:00"), method: "online", dueDate, status },
          });
        const late = await due("an-thanh", "01/12/2026");
        const today = await due("an-thanh", "03/12/2026");
        await due("an-thanh", "10/12/2026");
        await due("an-thanh", "30/11/2026", "done");
        const elsewhere = await due("an-loc", "02/12/2026");
        const listed = await store.dossiersDueBy({ unitIds: ["an-thanh"], dueBy: "2026-12-03", limit: 10 });
        expect(listed.map((d) => [d.code, d.dueDay, d.status])).toEqual([
          [late, "2026-12-01", "processing"],
          [today, "2026-12-03", "processing"],
        ]);
        expect(listed[0]).toMatchObject({ procedureId: "dang-ky-khai-tu", unitId: "an-thanh" });
        const city = await store.dossiersDueBy({ unitIds: null, dueBy: "2026-12-03", limit: 2 });
        expect(city.map((d) => d.code)).toEqual([late, elsewhere]);
      });

      it("lists the questions not understood in a range, newest first, and the call backs still open", async () => {
        await storeActivity(store, {
          unitId: "an-thanh",
          at: vn("2026-12-03T09:00:00"),
          events: [
            { kind: "question.unanswered", at: vn("2026-12-03T09:00:00"), text: "lệ phí bao nhiêu" },
            { kind: "question.unanswered", at: vn("2026-12-03T09:05:00"), text: "mấy giờ mở cửa" },
            { kind: "question.unanswered", at: vn("2026-12-04T09:05:00"), text: "hôm sau" },
          ],
        });
        expect(await store.unansweredQuestions({ from: "2026-12-03", to: "2026-12-03" }, null, 10)).toEqual([
          { unitId: "an-thanh", text: "mấy giờ mở cửa" },
          { unitId: "an-thanh", text: "lệ phí bao nhiêu" },
        ]);
        expect(await store.unansweredQuestions({ from: "2026-12-03", to: "2026-12-04" }, ["an-loc"], 10)).toEqual([]);
        expect(await store.openCallbacks(null)).toEqual([]);
      });
    });

    describe("made reports", () => {
      it("keeps one report a day: a second one for the same day is refused and changes nothing", async () => {
        expect(await store.insertDailyReport(report("2026-12-03"))).toBe(true);
        expect(await store.insertDailyReport(report("2026-12-03", { parts: ["khác"] }))).toBe(false);
        expect(await store.getDailyReport("2026-12-03")).toEqual(report("2026-12-03"));
        await store.insertDailyReport(report("2026-12-04", { groupId: null }));
        expect((await store.listDailyReports(10)).map((r) => r.day)).toEqual(["2026-12-04", "2026-12-03"]);
        expect(await store.getDailyReport("2026-12-01")).toBeNull();
      });

      it("lets one holder post at a time, records progress, and lists what is left to post", async () => {
        await store.insertDailyReport(report("2026-12-03"));
        await store.insertDailyReport(report("2026-12-04", { groupId: null }));
        expect(await store.dailyReportsToPost()).toEqual(["2026-12-03"]);
        const now = vn("2026-12-03T16:00:00").toISOString();
        const until = vn("2026-12-03T16:02:00").toISOString();
        expect(await store.claimDailyReportPosting("2026-12-03", "node-a", now, until)).toBe(true);
        expect(await store.claimDailyReportPosting("2026-12-03", "node-b", now, until)).toBe(false);
        // Progress of a holder that lost the lease is not recorded.
        await store.recordDailyReportPosting("2026-12-03", "node-b", { sentMessages: 3, lastError: null, sentAt: now });
        await store.recordDailyReportPosting("2026-12-03", "node-a", { sentMessages: 2, lastError: "x", sentAt: now });
        expect(await store.getDailyReport("2026-12-03")).toMatchObject({
          sentMessages: 2,
          lastError: "x",
          sentAt: now,
        });
        expect(await store.dailyReportsToPost()).toEqual(["2026-12-03"]);
        await store.recordDailyReportPosting("2026-12-03", "node-a", {
          sentMessages: 3,
          lastError: null,
          sentAt: null,
        });
        expect(await store.dailyReportsToPost()).toEqual([]);
        expect(await store.getDailyReport("2026-12-03")).toMatchObject({ sentAt: now });
        await store.releaseDailyReportPosting("2026-12-03", "node-a");
        expect(await store.claimDailyReportPosting("2026-12-03", "node-b", now, until)).toBe(true);
        // An expired lease can be taken over.
        const later = vn("2026-12-03T16:05:00").toISOString();
        expect(await store.claimDailyReportPosting("2026-12-03", "node-c", later, later)).toBe(true);
      });
    });
  });
}
