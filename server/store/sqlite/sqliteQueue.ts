import type Database from "better-sqlite3";
import type { ConversationStatus } from "../../engine/conversationState";
import type { ConversationRecord } from "../conversationStore";
import type { QueueStore } from "../queueStore";
import { listLimit, statusFilter, unitFilter } from "../storeChecks";
import { WhileOpen } from "../whileOpen";
import { sqlPlaceholders } from "./sqlPlaceholders";
import { toConversation, type ConversationRow } from "./sqliteConversations";

/** The handoff queue in SQLite: conversations by status and unit, through `conversations_by_status_unit`. */
export class SqliteQueue implements QueueStore {
  private readonly opened = new WhileOpen<Database.Database>();

  attach(db: Database.Database): void {
    this.opened.set(db);
  }

  detach(): void {
    this.opened.clear();
  }

  async listConversations(filter: {
    unitIds: readonly string[] | null;
    statuses: readonly ConversationStatus[];
    limit: number;
  }): Promise<ConversationRecord[]> {
    const max = listLimit(filter.limit);
    const units = unitFilter(filter.unitIds);
    const statuses = statusFilter(filter.statuses);
    if (max === 0 || statuses.length === 0 || units?.length === 0) return [];
    const db = this.opened.get();
    const unitCondition = units === null ? "" : `AND unit_id IN (${sqlPlaceholders(units.length)})`;
    const rows = db
      .prepare<(string | number)[], ConversationRow>(
        `SELECT * FROM conversations WHERE status IN (${sqlPlaceholders(statuses.length)}) ${unitCondition}
          ORDER BY updated_at, id LIMIT ?`,
      )
      .all(...statuses, ...(units ?? []), max);
    return rows.map(toConversation);
  }
}
