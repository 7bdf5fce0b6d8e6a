/**
 * Who has a console open, as the live side knows it (Socket.IO rooms on this node; with several
 * nodes, the Redis adapter's room counts).
 */
export interface ClerkPresence {
  /** Clerks of the unit with a console open (supervisors are not counted: they do not answer queues). */
  clerksSignedIn(unitId: string | null): number;
  /** Whether this account has a console open. */
  isSignedIn(userId: string): boolean;
}
