import type { ChatMessage } from "../../server/channels/web/protocol";

/**
 * Shows every message exactly once and in `seq` order. A message already shown is dropped (a
 * replay after reconnecting overlaps what arrived before); one that comes early is held until
 * the messages before it arrive, and `gap` tells the caller to reconnect with `lastSeq` so the
 * server sends them.
 */
export class MessageSequence {
  private readonly held = new Map<number, ChatMessage>();

  constructor(private last: number) {}

  /** The highest `seq` shown with nothing missing before it: what the handshake sends. */
  get lastSeq(): number {
    return this.last;
  }

  get hasGap(): boolean {
    return this.held.size > 0;
  }

  accept(message: ChatMessage): { ready: ChatMessage[]; gap: boolean } {
    if (message.seq <= this.last || this.held.has(message.seq)) return { ready: [], gap: this.hasGap };
    this.held.set(message.seq, message);
    const ready: ChatMessage[] = [];
    for (let next = this.held.get(this.last + 1); next; next = this.held.get(this.last + 1)) {
      this.held.delete(next.seq);
      this.last = next.seq;
      ready.push(next);
    }
    return { ready, gap: this.hasGap };
  }

  reset(lastSeq: number): void {
    this.held.clear();
    this.last = lastSeq;
  }
}
