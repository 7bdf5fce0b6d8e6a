import type { AccountStore } from "./accountStore";
import type { AuditStore } from "./auditStore";
import type { ConversationStore } from "./conversationStore";
import type { DossierStore } from "./dossierStore";
import type { QueueStore } from "./queueStore";
import type { DailyReportStore } from "./dailyReportStore";
import type { DossierExportStore } from "./dossierExportStore";
import type { ReportStore } from "./reportStore";
import type { RetentionStore } from "./retentionStore";
import type { ZaloStore } from "./zaloStore";

// The records live beside the aggregate they belong to; re-exported so one import gives all.
export type { AccountChange, AccountStore, SessionRecord, UserRecord, UserRole } from "./accountStore";
export type { AuditRecord, AuditStore, NoteRecord } from "./auditStore";
export type {
  ConversationRecord,
  ConversationStore,
  CounterClaim,
  DedupeRecord,
  MessageAuthor,
  MessageRecord,
  TurnCommit,
  TurnLoad,
  TurnWrite,
} from "./conversationStore";
export type { DossierStore, PostalListFilter, UploadRecord } from "./dossierStore";
export type { QueueStore } from "./queueStore";
export type {
  ZaloContactPatch,
  ZaloContactRecord,
  ZaloInboxRecord,
  ZaloStore,
  ZaloTokensRecord,
  ZaloUnreachable,
} from "./zaloStore";
export type {
  CityDay,
  DayRange,
  DossierDue,
  ReportStore,
  ServiceEvent,
  ServiceEventKind,
  UnitDayFigures,
} from "./reportStore";
export type { DailyReportRecord, DailyReportStore } from "./dailyReportStore";
export type { DraftsDeleted, RetentionStore } from "./retentionStore";
export type { DossierCursor, DossierExportStore, DossiersReceivedFilter } from "./dossierExportStore";
export { StoreError, type StoreErrorCode } from "./storeError";

/**
 * The only way the server reaches stored data, one interface per aggregate. Two adapters
 * implement it and pass one contract suite per aggregate (`test/store/*Contract.ts`): SQLite
 * (`sqlite/`, the embedded default) and MongoDB (`mongo/`, when `MONGODB_URI` is set). No
 * behaviour exists in only one of them.
 */
export interface Store
  extends
    ConversationStore,
    QueueStore,
    DossierStore,
    ConsoleStore,
    ZaloStore,
    ReportStore,
    DailyReportStore,
    DossierExportStore,
    RetentionStore {
  /** Creates the tables/collections and indexes if missing. Idempotent. */
  open(): Promise<void>;
  close(): Promise<void>;
  /** Whether the store answers (for `/ready`). */
  ping(): Promise<boolean>;
  /**
   * Whether a write would commit now (for `/ready`): the embedded file can be held by another
   * process while it still answers reads. Absent where a store that answers takes writes.
   */
  takesWrites?(): Promise<boolean>;
}

/** The console's part of the store: users, their sessions, the audit log, clerks' notes. */
export interface ConsoleStore extends AccountStore, AuditStore {}
