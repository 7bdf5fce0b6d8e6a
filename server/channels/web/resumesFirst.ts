/**
 * Lets reconnecting citizens' replays go before new turns. After a restart every open widget
 * reconnects at once, each showing a chat that stopped mid-answer: what they missed comes first,
 * and the new messages that arrive meanwhile wait until no replay is under way, or `maxWaitMs`
 * at most, so that a steady stream of reconnects can never hold a turn back for long.
 * `npm run bench:restart` (500 citizens reconnecting at once, 150 of them sending at once) shows
 * the effect in docs/benchmarks.md.
 */
export class ResumesFirst {
  private inProgress = 0;
  private waiting: (() => void)[] = [];

  constructor(
    private readonly maxWaitMs: number,
    /** A resume whose end was never reported (a client gone mid-handshake) stops counting after this. */
    private readonly resumeTimeoutMs = 10_000,
  ) {}

  /** A replay starts; call the returned function once it is sent (later calls do nothing). */
  begin(): () => void {
    this.inProgress += 1;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      this.inProgress -= 1;
      if (this.inProgress === 0) this.release();
    };
    const timer = setTimeout(end, this.resumeTimeoutMs);
    timer.unref();
    return end;
  }

  /** Runs `turn` now when no replay is under way; otherwise once none is, or after `maxWaitMs`. */
  run(turn: () => void): void {
    if (this.inProgress === 0) {
      turn();
      return;
    }
    let ran = false;
    const go = () => {
      if (ran) return;
      ran = true;
      clearTimeout(timer);
      turn();
    };
    const timer = setTimeout(go, this.maxWaitMs);
    timer.unref();
    this.waiting.push(go);
  }

  private release(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const go of waiting) go();
  }
}
