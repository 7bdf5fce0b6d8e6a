import type Database from "better-sqlite3";
import type { Dossier } from "../../dossier/dossier";
import { dossierSearch, dossierSearchKeys } from "../dossierSearch";
import type { DossierStore } from "../dossierStore";
import { dossierCodeTaken, listLimit, unitFilter } from "../storeChecks";
import { WhileOpen } from "../whileOpen";
import { sqlPlaceholders } from "./sqlPlaceholders";
import { cityDayOf } from "../../deadlines/cityDay";

interface DossierParams {
  code: string;
  conversationId: string;
  unitId: string | null;
  status: string;
  submitMethod: string;
  dueDay: string | null;
  dossier: string;
  createdAt: string;
  updatedAt: string;
}

function prepareDossierStatements(db: Database.Database) {
  return {
    db,
    // A later turn may change its own dossier (status, attachments); the WHERE keeps one
    // conversation from overwriting another's dossier through a reused code.
    upsertDossier: db.prepare<DossierParams>(`
      INSERT INTO dossiers (code, conversation_id, unit_id, status, submit_method, due_day, dossier, created_at,
                            updated_at)
      VALUES (@code, @conversationId, @unitId, @status, @submitMethod, @dueDay, @dossier, @createdAt, @updatedAt)
      ON CONFLICT (code) DO UPDATE
         SET unit_id = excluded.unit_id, status = excluded.status, submit_method = excluded.submit_method,
             due_day = excluded.due_day, dossier = excluded.dossier, updated_at = excluded.updated_at
       WHERE dossiers.conversation_id = excluded.conversation_id`),
    deleteSearchKeys: db.prepare<[string]>("DELETE FROM dossier_search WHERE code = ?"),
    insertSearchKey: db.prepare<[string, string]>("INSERT OR IGNORE INTO dossier_search (key, code) VALUES (?, ?)"),
    dossier: db.prepare<[string], { dossier: string; conversation_id: string }>(
      "SELECT dossier, conversation_id FROM dossiers WHERE code = ?",
    ),
  };
}

type DossierStatements = ReturnType<typeof prepareDossierStatements>;

/**
 * Dossiers in SQLite, with the search keys (`dossier_search`) written beside each one so a
 * console search is an index lookup.
 */
export class SqliteDossiers implements Pick<DossierStore, "getDossier" | "getDossierOwner" | "listDossiers"> {
  private readonly opened = new WhileOpen<DossierStatements>();

  attach(db: Database.Database): void {
    this.opened.set(prepareDossierStatements(db));
  }

  detach(): void {
    this.opened.clear();
  }

  /**
   * Writes a turn's dossier and its search keys; called inside the turn's transaction.
   *
   * @throws StoreError `STORE_DOSSIER_CODE_TAKEN` when another conversation owns the code.
   */
  writeInTurn(conversationId: string, dossier: Dossier): void {
    const statements = this.opened.get();
    const written = statements.upsertDossier.run({
      code: String(dossier.code),
      conversationId,
      unitId: dossier.unitId === null || dossier.unitId === undefined ? null : String(dossier.unitId),
      status: dossier.status,
      submitMethod: String(dossier.submission.submitMethod),
      dueDay: dossier.dueDate ? cityDayOf(String(dossier.dueDate)) : null,
      dossier: JSON.stringify(dossier),
      createdAt: dossier.createdAt,
      updatedAt: dossier.updatedAt,
    });
    if (written.changes === 0) throw dossierCodeTaken(dossier.code);
    const code = String(dossier.code);
    statements.deleteSearchKeys.run(code);
    for (const key of dossierSearchKeys(dossier)) statements.insertSearchKey.run(key, code);
  }

  async getDossier(code: string): Promise<Dossier | null> {
    return (await this.getDossierOwner(code))?.dossier ?? null;
  }

  async getDossierOwner(code: string): Promise<{ dossier: Dossier; conversationId: string } | null> {
    const row = this.opened.get().dossier.get(String(code));
    return row ? { dossier: JSON.parse(row.dossier) as Dossier, conversationId: row.conversation_id } : null;
  }

  async listDossiers(filter: {
    unitIds: readonly string[] | null;
    query?: string;
    limit: number;
  }): Promise<{ dossier: Dossier; conversationId: string }[]> {
    const max = listLimit(filter.limit);
    const units = unitFilter(filter.unitIds);
    if (max === 0 || units?.length === 0) return [];
    const search = dossierSearch(filter.query);
    const { db } = this.opened.get();
    const conditions: string[] = [];
    const params: (string | number)[] = [];
    if (units !== null) {
      conditions.push(`unit_id IN (${sqlPlaceholders(units.length)})`);
      params.push(...units);
    }
    if (search) {
      const matches = ["SELECT code FROM dossier_search WHERE key = ?"];
      params.push(search.code);
      if (search.phone) {
        matches.push("SELECT code FROM dossier_search WHERE key = ?");
        params.push(search.phone);
      }
      if (search.names.length > 0) {
        // The primary key makes (key, code) unique: a code found once per word has every word.
        matches.push(
          `SELECT code FROM dossier_search WHERE key IN (${sqlPlaceholders(search.names.length)}) GROUP BY code ` +
            `HAVING COUNT(*) = ?`,
        );
        params.push(...search.names, search.names.length);
      }
      conditions.push(`code IN (${matches.join(" UNION ")})`);
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "";
    const rows = db
      .prepare<(string | number)[], { dossier: string; conversation_id: string }>(
        `SELECT dossier, conversation_id FROM dossiers ${where} ORDER BY created_at DESC, code DESC LIMIT ?`,
      )
      .all(...params, max);
    return rows.map((row) => ({ dossier: JSON.parse(row.dossier) as Dossier, conversationId: row.conversation_id }));
  }
}
