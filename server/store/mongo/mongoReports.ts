import type { ClientSession, Collection, Db, Document } from "mongodb";
import { addDays, cityDayStart } from "../../deadlines/cityDay";
import { ANSWERED_STATUSES } from "../../dossier/dossierLifecycle";
import type { DossierStatus } from "../../dossier/dossier";
import { UnitDayTable } from "../reportFigures";
import type { DayRange, DossierDue, ReportStore, ServiceEvent, UnitDayFigures } from "../reportStore";
import { listLimit, unitFilter } from "../storeChecks";
import { WhileOpen } from "../whileOpen";

type ServiceEventDoc = ServiceEvent;

interface Collections {
  events: Collection<ServiceEventDoc>;
  conversations: Collection<Document>;
  dossiers: Collection<Document>;
}

/** The city's day of a stored ISO instant, in an aggregation. */
function cityDay(field: string): Document {
  return { $dateToString: { date: { $toDate: field }, format: "%Y-%m-%d", timezone: "+07:00" } };
}

function instants(range: DayRange): [string, string] {
  return [cityDayStart(range.from), cityDayStart(addDays(range.to, 1))];
}

function unitMatch(unitIds: readonly string[] | null): Document {
  const units = unitFilter(unitIds);
  return units === null ? {} : { unitId: { $in: units } };
}

/**
 * The report's and the dashboard's figures in MongoDB: service events in their own collection (written in
 * the turn's transaction), grouped by city day and unit in aggregations over the time indexes.
 */
export class MongoReports implements ReportStore {
  private readonly opened = new WhileOpen<Collections>();

  attach(db: Db): void {
    this.opened.set({
      events: db.collection<ServiceEventDoc>("service_events"),
      conversations: db.collection("conversations"),
      dossiers: db.collection("dossiers"),
    });
  }

  detach(): void {
    this.opened.clear();
  }

  async createIndexes(): Promise<void> {
    const { events, conversations, dossiers } = this.opened.get();
    await Promise.all([
      events.createIndex({ at: 1, kind: 1 }, { name: "at_kind" }),
      events.createIndex({ conversationId: 1, kind: 1, at: 1 }, { name: "conversation_kind_at" }),
      conversations.createIndex({ createdAt: 1 }, { name: "createdAt_asc" }),
      dossiers.createIndex(
        { dueDay: 1 },
        { name: "open_dueDay", partialFilterExpression: { dueDay: { $type: "string" }, open: true } },
      ),
    ]);
  }

  /** Writes a turn's events inside the turn's transaction. */
  async writeInTurn(session: ClientSession, events: readonly ServiceEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.opened.get().events.insertMany(
      events.map((e) => ({ ...e })),
      { session },
    );
  }

  async unitDayFigures(range: DayRange, unitIds: readonly string[] | null): Promise<UnitDayFigures[]> {
    const { events, conversations, dossiers } = this.opened.get();
    const [from, to] = instants(range);
    const units = unitMatch(unitIds);
    const table = new UnitDayTable();

    const started = await conversations
      .aggregate<{ _id: { day: string; unitId: string | null }; n: number }>([
        { $match: { createdAt: { $gte: from, $lt: to }, ...units } },
        { $group: { _id: { day: cityDay("$createdAt"), unitId: "$unitId" }, n: { $sum: 1 } } },
      ])
      .toArray();
    for (const row of started) table.get(row._id.day, row._id.unitId ?? null).conversationsStarted += row.n;

    const submitted = await dossiers
      .aggregate<{ _id: { day: string; unitId: string | null; method: string | null }; n: number; clerk: number }>([
        { $match: { createdAt: { $gte: from, $lt: to }, ...units } },
        {
          $lookup: {
            from: "service_events",
            let: { conversation: "$conversationId", created: "$createdAt" },
            pipeline: [
              {
                $match: {
                  $expr: {
                    $and: [
                      { $eq: ["$conversationId", "$$conversation"] },
                      { $eq: ["$kind", "handoff.taken"] },
                      { $lte: ["$at", "$$created"] },
                    ],
                  },
                },
              },
              { $limit: 1 },
            ],
            as: "taken",
          },
        },
        {
          $group: {
            _id: { day: cityDay("$createdAt"), unitId: "$unitId", method: "$submitMethod" },
            n: { $sum: 1 },
            clerk: { $sum: { $cond: [{ $gt: [{ $size: "$taken" }, 0] }, 1, 0] } },
          },
        },
      ])
      .toArray();
    for (const row of submitted)
      table.addDossiers(row._id.day, row._id.unitId ?? null, row._id.method, row.n, row.clerk);

    const happened = await events
      .aggregate<{ _id: { day: string; unitId: string | null; kind: string }; n: number; total: number }>([
        { $match: { at: { $gte: from, $lt: to }, ...units } },
        {
          $group: {
            _id: { day: cityDay("$at"), unitId: "$unitId", kind: "$kind" },
            n: { $sum: 1 },
            total: { $sum: { $ifNull: ["$value", 0] } },
          },
        },
      ])
      .toArray();
    for (const row of happened) table.addEvents(row._id.day, row._id.unitId ?? null, row._id.kind, row.n, row.total);
    const waits = await events
      .aggregate<{ day: string; unitId: string | null; value: number }>([
        { $match: { at: { $gte: from, $lt: to }, kind: "handoff.taken", ...units } },
        { $project: { _id: 0, day: cityDay("$at"), unitId: 1, value: 1 } },
      ])
      .toArray();
    for (const row of waits) table.get(row.day, row.unitId ?? null).handoffWaitsMs.push(row.value);
    return table.list();
  }

  async dossiersDueBy(filter: {
    unitIds: readonly string[] | null;
    dueBy: string;
    limit: number;
  }): Promise<DossierDue[]> {
    const max = listLimit(filter.limit);
    const units = unitFilter(filter.unitIds);
    if (max === 0 || units?.length === 0) return [];
    const docs = await this.opened
      .get()
      .dossiers.find(
        {
          dueDay: { $type: "string", $lte: String(filter.dueBy) },
          status: { $nin: [...ANSWERED_STATUSES] },
          ...(units === null ? {} : { unitId: { $in: units } }),
        },
        { projection: { "dossier.procedureId": 1, unitId: 1, status: 1, dueDay: 1, createdAt: 1 } },
      )
      .sort({ dueDay: 1, createdAt: 1 })
      .limit(max)
      .toArray();
    return docs.map((doc) => ({
      code: String(doc._id),
      procedureId: String((doc.dossier as { procedureId: string }).procedureId),
      unitId: (doc.unitId as string | null) ?? null,
      status: doc.status as DossierStatus,
      dueDay: String(doc.dueDay),
      createdAt: String(doc.createdAt),
    }));
  }

  async unansweredQuestions(
    range: DayRange,
    unitIds: readonly string[] | null,
    limit: number,
  ): Promise<{ unitId: string | null; text: string }[]> {
    const max = listLimit(limit);
    if (max === 0) return [];
    const [from, to] = instants(range);
    const docs = await this.opened
      .get()
      .events.find({ at: { $gte: from, $lt: to }, kind: "question.unanswered", ...unitMatch(unitIds) })
      .sort({ at: -1, _id: -1 })
      .limit(max)
      .toArray();
    return docs.map((doc) => ({ unitId: doc.unitId ?? null, text: doc.text ?? "" }));
  }

  async openCallbacks(unitIds: readonly string[] | null): Promise<{ unitId: string | null; count: number }[]> {
    const rows = await this.opened
      .get()
      .conversations.aggregate<{ _id: string | null; n: number }>([
        { $match: { status: "waiting_clerk", "state.callback": { $type: "object" }, ...unitMatch(unitIds) } },
        { $group: { _id: "$unitId", n: { $sum: 1 } } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    return rows.map((row) => ({ unitId: row._id ?? null, count: row.n }));
  }
}
