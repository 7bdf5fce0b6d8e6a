import type { Collection, Db, Filter } from "mongodb";
import type { ConversationStatus } from "../../engine/conversationState";
import type { ConversationRecord } from "../conversationStore";
import type { QueueStore } from "../queueStore";
import { listLimit, statusFilter, unitFilter } from "../storeChecks";
import { WhileOpen } from "../whileOpen";
import { toConversation, type ConversationDoc } from "./mongoConversations";

/** The handoff queue in MongoDB: conversations by status and unit, through `status_unit_updatedAt`. */
export class MongoQueue implements QueueStore {
  private readonly opened = new WhileOpen<Collection<ConversationDoc>>();

  attach(db: Db): void {
    this.opened.set(db.collection<ConversationDoc>("conversations"));
  }

  detach(): void {
    this.opened.clear();
  }

  async createIndexes(): Promise<void> {
    // `_id` last, as for the audit: the lists sort by (time, _id).
    await this.opened
      .get()
      .createIndex({ status: 1, unitId: 1, updatedAt: 1, _id: 1 }, { name: "status_unit_updatedAt" });
  }

  async listConversations(filter: {
    unitIds: readonly string[] | null;
    statuses: readonly ConversationStatus[];
    limit: number;
  }): Promise<ConversationRecord[]> {
    const max = listLimit(filter.limit);
    const units = unitFilter(filter.unitIds);
    const statuses = statusFilter(filter.statuses) as ConversationStatus[];
    // limit(0) means "no limit" to MongoDB.
    if (max === 0 || statuses.length === 0 || units?.length === 0) return [];
    const query: Filter<ConversationDoc> = { status: { $in: statuses } };
    if (units !== null) query.unitId = { $in: units };
    const docs = await this.opened.get().find(query).sort({ updatedAt: 1, _id: 1 }).limit(max).toArray();
    return docs.map(toConversation);
  }
}
