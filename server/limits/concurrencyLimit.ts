/**
 * Runs at most `limit` tasks at once; the others wait their turn in order. A burst of work then
 * takes its time instead of crowding out everything else the process does (answering requests).
 *
 * @example
 * const sending = new ConcurrencyLimit(16);
 * await sending.run(() => send(message));
 */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The place passes to the next task waiting, or is freed.
      if (next) next();
      else this.active -= 1;
    }
  }

  /** Tasks waiting for a place. */
  get queued(): number {
    return this.waiting.length;
  }
}
