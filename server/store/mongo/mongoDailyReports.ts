import type { Collection, Db } from "mongodb";
import type { DailyReportRecord, DailyReportStore } from "../dailyReportStore";
import { listLimit } from "../storeChecks";
import { WhileOpen } from "../whileOpen";
import { isDuplicateKey } from "./isDuplicateKey";

type ReportDoc = Omit<DailyReportRecord, "day"> & {
  _id: string;
  leaseHolder?: string | null;
  leaseUntil?: string | null;
};

function toRecord(doc: ReportDoc): DailyReportRecord {
  const { _id, leaseHolder: _holder, leaseUntil: _until, ...rest } = doc;
  return { day: _id, ...rest };
}

/** Made daily reports in MongoDB: the day is `_id`, so a second node's insert of the same day collides. */
export class MongoDailyReports implements DailyReportStore {
  private readonly opened = new WhileOpen<Collection<ReportDoc>>();

  attach(db: Db): void {
    this.opened.set(db.collection<ReportDoc>("daily_reports"));
  }

  detach(): void {
    this.opened.clear();
  }

  async createIndexes(): Promise<void> {
    // `_id` (the day) is the only index the reports need; creating it makes the collection.
    await this.opened.get().createIndex({ groupId: 1, _id: 1 }, { name: "group_day" });
  }

  async insertDailyReport(report: DailyReportRecord): Promise<boolean> {
    const { day, ...rest } = report;
    try {
      await this.opened.get().insertOne({ _id: String(day), ...rest, leaseHolder: null, leaseUntil: null });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async getDailyReport(day: string): Promise<DailyReportRecord | null> {
    const doc = await this.opened.get().findOne({ _id: String(day) });
    return doc ? toRecord(doc) : null;
  }

  async listDailyReports(limit: number): Promise<DailyReportRecord[]> {
    const max = listLimit(limit);
    if (max === 0) return [];
    const docs = await this.opened.get().find({}).sort({ _id: -1 }).limit(max).toArray();
    return docs.map(toRecord);
  }

  async dailyReportsToPost(): Promise<string[]> {
    const docs = await this.opened
      .get()
      .find({ groupId: { $type: "string" } }, { projection: { parts: 1, chartPng: 1, sentMessages: 1 } })
      .sort({ _id: 1 })
      .toArray();
    return docs.filter((d) => d.sentMessages < d.parts.length + (d.chartPng ? 1 : 0)).map((d) => d._id);
  }

  async claimDailyReportPosting(day: string, holder: string, now: string, until: string): Promise<boolean> {
    const claimed = await this.opened.get().updateOne(
      {
        _id: String(day),
        $or: [{ leaseHolder: null }, { leaseUntil: { $lt: now } }, { leaseHolder: holder }],
      },
      { $set: { leaseHolder: holder, leaseUntil: until } },
    );
    return claimed.modifiedCount === 1 || claimed.matchedCount === 1;
  }

  async recordDailyReportPosting(
    day: string,
    holder: string,
    progress: { sentMessages: number; lastError: string | null; sentAt: string | null },
  ): Promise<void> {
    await this.opened.get().updateOne(
      { _id: String(day), leaseHolder: holder },
      {
        $set: {
          sentMessages: Number(progress.sentMessages),
          lastError: progress.lastError,
          ...(progress.sentAt ? { sentAt: progress.sentAt } : {}),
        },
      },
    );
  }

  async releaseDailyReportPosting(day: string, holder: string): Promise<void> {
    await this.opened
      .get()
      .updateOne({ _id: String(day), leaseHolder: holder }, { $set: { leaseHolder: null, leaseUntil: null } });
  }
}
