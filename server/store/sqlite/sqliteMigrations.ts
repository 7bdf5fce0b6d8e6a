import type Database from "better-sqlite3";
import type { Dossier } from "../../dossier/dossier";
import { dossierSearchKeys } from "../dossierSearch";
import { StoreError } from "../storeError";

/** The SQL function giving a dossier's search keys (a JSON array) from its stored JSON. */
const SEARCH_KEYS_FUNCTION = "khai_ho_dossier_search_keys";

/**
 * One entry per schema version, applied in order inside one transaction; `PRAGMA user_version`
 * records how many ran. Append, never edit: a released file has already run the old entries.
 * Exported so tests can build a file as an earlier release left it.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL,
    locale TEXT NOT NULL,
    unit_id TEXT,
    state TEXT NOT NULL,
    status TEXT NOT NULL,
    procedure_id TEXT,
    last_seq INTEGER NOT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE messages (
    conversation_id TEXT NOT NULL REFERENCES conversations(id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL UNIQUE,
    author TEXT NOT NULL,
    text TEXT NOT NULL,
    choices TEXT,
    input TEXT,
    progress TEXT,
    client_message_id TEXT,
    choice TEXT,
    attachment_id TEXT,
    at TEXT NOT NULL,
    PRIMARY KEY (conversation_id, seq)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE dedupe (
    conversation_id TEXT NOT NULL REFERENCES conversations(id),
    client_message_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    message_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (conversation_id, client_message_id)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE dossiers (
    code TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations(id),
    status TEXT NOT NULL,
    dossier TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX dossiers_by_conversation ON dossiers (conversation_id);

  CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations(id),
    mime_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX uploads_by_conversation ON uploads (conversation_id);
  `,
  // The clerk console. No foreign keys to users: MongoDB cannot enforce them, and no behaviour
  // exists in only one adapter.
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    unit_ids TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL,
    must_change_password INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX sessions_by_user ON sessions (user_id);
  CREATE INDEX sessions_by_expiry ON sessions (expires_at);

  CREATE TABLE audit (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    action TEXT NOT NULL,
    conversation_id TEXT,
    dossier_code TEXT,
    detail TEXT
  ) STRICT;
  -- \`id\` last: listAudit orders by (at, id), and the index then hands rows over in that order.
  CREATE INDEX audit_by_actor ON audit (actor_id, at, id);
  CREATE INDEX audit_by_conversation ON audit (conversation_id, at, id);
  CREATE INDEX audit_by_dossier ON audit (dossier_code, at, id);
  CREATE INDEX audit_by_time ON audit (at, id);
  `,
  // The console's queue and dossier search. A dossier's unit and search keys are copied out of
  // its JSON when it is written, so a search is an index lookup rather than a parse of every
  // dossier; rows written before this version get theirs here, from the SQL function that migrate()
  // registers before migrating (folding names needs the same code as commitTurn).
  `
  CREATE INDEX conversations_by_status_unit ON conversations (status, unit_id, updated_at);

  ALTER TABLE dossiers ADD COLUMN unit_id TEXT;
  UPDATE dossiers SET unit_id = json_extract(dossier, '$.unitId');
  CREATE INDEX dossiers_by_unit ON dossiers (unit_id, created_at, code);
  CREATE INDEX dossiers_by_time ON dossiers (created_at, code);

  CREATE TABLE dossier_search (
    key TEXT NOT NULL,
    code TEXT NOT NULL REFERENCES dossiers(code),
    PRIMARY KEY (key, code)
  ) STRICT, WITHOUT ROWID;
  -- Rewriting a dossier replaces its keys.
  CREATE INDEX dossier_search_by_code ON dossier_search (code);
  INSERT INTO dossier_search (key, code)
    SELECT keys.value, dossiers.code FROM dossiers, json_each(${SEARCH_KEYS_FUNCTION}(dossiers.dossier)) AS keys;
  `,
  // Clerks' notes on a conversation, for clerks only.
  `
  CREATE TABLE notes (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL,
    text TEXT NOT NULL,
    at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX notes_by_conversation ON notes (conversation_id, at, id);
  `,
  // Account changes the command line records for the running servers to act on.
  `
  CREATE TABLE account_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    at TEXT NOT NULL
  ) STRICT;
  `,
  // The Zalo channel: the webhook inbox, the contacts with their outbox cursor, the OA tokens,
  // named leases (one token refresh at a time), and where a message came from.
  `
  CREATE TABLE zalo_inbox (
    event_key TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    received_at TEXT NOT NULL,
    processed_at TEXT
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX zalo_inbox_pending ON zalo_inbox (received_at, event_key) WHERE processed_at IS NULL;
  CREATE INDEX zalo_inbox_processed ON zalo_inbox (processed_at) WHERE processed_at IS NOT NULL;

  CREATE TABLE zalo_contacts (
    oa_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL UNIQUE REFERENCES conversations(id),
    display_name TEXT,
    delivered_seq INTEGER NOT NULL,
    unreachable_code INTEGER,
    unreachable_since TEXT,
    retry_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (oa_id, user_id)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE zalo_tokens (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    access_token TEXT NOT NULL,
    refresh_token TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    seeded_from TEXT NOT NULL,
    version INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    until TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;

  ALTER TABLE messages ADD COLUMN via TEXT;
  `,
  // The figures of the daily report and the dashboard: what turns did (handoffs, call backs, questions not
  // understood, ratings), how each dossier was submitted and when it is due by law, and the days
  // conversations started.
  `
  CREATE TABLE service_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    unit_id TEXT,
    at TEXT NOT NULL,
    value REAL,
    text TEXT
  ) STRICT;
  CREATE INDEX service_events_by_time ON service_events (at, kind);
  CREATE INDEX service_events_by_conversation ON service_events (conversation_id, kind, at);

  ALTER TABLE dossiers ADD COLUMN submit_method TEXT;
  ALTER TABLE dossiers ADD COLUMN due_day TEXT;
  UPDATE dossiers SET submit_method = json_extract(dossier, '$.submission.submitMethod');
  CREATE INDEX dossiers_open_by_due ON dossiers (due_day)
    WHERE due_day IS NOT NULL AND status NOT IN ('done', 'returned', 'rejected');

  CREATE INDEX conversations_by_creation ON conversations (created_at);

  CREATE TABLE daily_reports (
    day TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    late INTEGER NOT NULL,
    parts TEXT NOT NULL,
    chart_png TEXT,
    figures TEXT NOT NULL,
    group_id TEXT,
    sent_messages INTEGER NOT NULL,
    last_error TEXT,
    sent_at TEXT,
    lease_holder TEXT,
    lease_until TEXT
  ) STRICT, WITHOUT ROWID;
  `,
  // The figures of past days, kept once counted: the dashboard's 90 days are a read of 90 × units rows.
  // `day_figures_seen` holds how far the tables had been looked at; a row written later for a kept
  // day (a clock behind, a seed) makes that day counted again.
  `
  CREATE TABLE day_figures (
    day TEXT NOT NULL,
    unit_key TEXT NOT NULL,
    figures TEXT NOT NULL,
    PRIMARY KEY (day, unit_key)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE day_figures_days (day TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
  CREATE TABLE day_figures_seen (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    conversations INTEGER NOT NULL,
    dossiers INTEGER NOT NULL,
    events INTEGER NOT NULL
  ) STRICT;
  `,
  // The retention sweep finds drafts left alone by their last activity.
  `
  CREATE INDEX conversations_by_update ON conversations (updated_at);
  `,
];

/**
 * Brings the file to the latest schema, registering first the SQL function the migrations call
 * (folding names needs the same code as the dossier writes). `fileName` names the file in errors.
 *
 * @throws StoreError `STORE_SCHEMA_NEWER` for a file of a newer release, `STORE_MIGRATION_FAILED`
 *   when a migration fails (the whole upgrade is rolled back).
 */
export function migrate(db: Database.Database, fileName: string): void {
  db.function(SEARCH_KEYS_FUNCTION, { deterministic: true }, (json) =>
    JSON.stringify(dossierSearchKeys(JSON.parse(String(json)) as Dossier)),
  );
  const run = db.transaction(() => {
    const current = db.pragma("user_version", { simple: true }) as number;
    if (current > SQLITE_MIGRATIONS.length) {
      throw new StoreError(
        "STORE_SCHEMA_NEWER",
        `${fileName} has schema version ${current}, this release knows ${SQLITE_MIGRATIONS.length}; run the newer ` +
          `release`,
      );
    }
    SQLITE_MIGRATIONS.slice(current).forEach((sql, index) => {
      try {
        db.exec(sql);
      } catch (error) {
        throw new StoreError(
          "STORE_MIGRATION_FAILED",
          `${fileName} could not be upgraded to schema version ${current + index + 1}; nothing was changed, ` +
            `restore a backup or report the error`,
          { cause: error },
        );
      }
    });
    if (current < SQLITE_MIGRATIONS.length) db.pragma(`user_version = ${SQLITE_MIGRATIONS.length}`);
  });
  // Two processes opening a fresh file at once: the write lock makes the second one see the
  // first one's schema instead of creating the tables again.
  run.immediate();
}
