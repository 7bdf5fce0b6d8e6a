import type { DossierStatus } from "../../server/dossier/dossier";

/** A citizen or clerk message the server acknowledged: it must be stored at `seq`, once. */
export interface AckedMessage {
  conversationId: string;
  clientMessageId: string;
  seq: number;
  author: "citizen" | "clerk";
  /** Clerk messages carry a unique text; a citizen's is checked by seq and count. */
  text: string | null;
}

/** A dossier known to the harness, with the status changes the server acknowledged, in order. */
export interface TrackedDossier {
  code: string;
  conversationId: string;
  /** Acknowledged moves, oldest first (200, or a retry refused because the move was already made). */
  acked: DossierStatus[];
  /** The clerk moving it now, so that two clerks never race on one dossier. */
  claimedBy: string | null;
}

/** What the run promised and what went wrong along the way, shared by citizens, clerks and the checks. */
export class CrashLedger {
  readonly acked: AckedMessage[] = [];
  readonly dossiers = new Map<string, TrackedDossier>();
  readonly failures: string[] = [];
  kills = 0;

  ack(message: AckedMessage): void {
    this.acked.push(message);
  }

  dossierSeen(code: string, conversationId: string): void {
    if (!this.dossiers.has(code)) this.dossiers.set(code, { code, conversationId, acked: [], claimedBy: null });
  }

  fail(what: string): void {
    this.failures.push(what);
    process.stderr.write(`FAIL ${what}\n`);
  }
}
