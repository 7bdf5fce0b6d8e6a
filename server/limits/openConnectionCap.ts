/**
 * Counts the connections open per key (an address, an account) and refuses past `max`. Unlike a
 * budget per minute it frees a place as soon as a connection closes, so it bounds what is held
 * (sockets, memory) rather than how often people arrive: a ward office behind one address whose
 * citizens come and go is never refused for having served many before.
 * Counted per process even with several nodes: a cap bounds what one node holds, and a socket lives on one node.
 *
 * @example
 * const release = cap.acquire(address);
 * if (!release) refuse();
 * else socket.once("disconnect", release);
 */
export class OpenConnectionCap {
  private readonly open = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** A place for `key`, or null when it holds `max` already. The function returned frees it; later calls do nothing. */
  acquire(key: string): (() => void) | null {
    const count = this.open.get(key) ?? 0;
    if (count >= this.max) return null;
    this.open.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left > 0) this.open.set(key, left);
      else this.open.delete(key);
    };
  }

  /** Connections open for `key`. */
  count(key: string): number {
    return this.open.get(key) ?? 0;
  }
}
