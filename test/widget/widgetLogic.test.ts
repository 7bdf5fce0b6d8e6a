import type { ChatMessage } from "../../server/channels/web/protocol";
import { accessibleAccent, DEFAULT_ACCENT } from "../../widget/src/accentColor";
import { MessageSequence } from "../../widget/src/messageSequence";

function message(seq: number): ChatMessage {
  return {
    id: `m${seq}`,
    seq,
    conversationId: "c1",
    author: "bot",
    text: `tin ${seq}`,
    at: "2026-11-27T08:00:00.000Z",
  };
}

const seqs = (messages: ChatMessage[]): number[] => messages.map((m) => m.seq);

describe("MessageSequence", () => {
  it("shows a replay that overlaps what was shown once, from the first new seq", () => {
    const sequence = new MessageSequence(2);
    expect(seqs([1, 2, 3, 4].flatMap((n) => sequence.accept(message(n)).ready))).toEqual([3, 4]);
    expect(sequence.lastSeq).toBe(4);
  });

  it("holds a message that comes early and reports the gap until the missing one arrives", () => {
    const sequence = new MessageSequence(0);
    expect(sequence.accept(message(1)).ready).toHaveLength(1);
    expect(sequence.accept(message(3))).toEqual({ ready: [], gap: true });
    expect(sequence.accept(message(4))).toEqual({ ready: [], gap: true });
    const filled = sequence.accept(message(2));
    expect(seqs(filled.ready)).toEqual([2, 3, 4]);
    expect(filled.gap).toBe(false);
    expect(sequence.lastSeq).toBe(4);
  });

  it("drops a held message sent twice", () => {
    const sequence = new MessageSequence(0);
    sequence.accept(message(2));
    sequence.accept(message(2));
    expect(seqs(sequence.accept(message(1)).ready)).toEqual([1, 2]);
  });

  it("starts over from the given seq after a reset", () => {
    const sequence = new MessageSequence(5);
    sequence.accept(message(7));
    sequence.reset(0);
    expect(sequence.hasGap).toBe(false);
    expect(seqs(sequence.accept(message(1)).ready)).toEqual([1]);
  });
});

describe("accessibleAccent", () => {
  it("keeps a colour on which white text already reaches 4.5:1", () => {
    expect(accessibleAccent(DEFAULT_ACCENT)).toBe(DEFAULT_ACCENT);
    expect(accessibleAccent("#9B1C1C")).toBe("#9b1c1c");
  });

  it("darkens a light colour until white text on it reaches 4.5:1", () => {
    const accent = accessibleAccent("#fc0")!;
    expect(accent).toMatch(/^#[0-9a-f]{6}$/);
    expect(contrastWithWhite(accent)).toBeGreaterThanOrEqual(4.5);
    expect(contrastWithWhite(accent)).toBeLessThan(5.5);
  });

  it("refuses what is not a hex colour", () => {
    expect(accessibleAccent("red")).toBeUndefined();
    expect(accessibleAccent("#12345")).toBeUndefined();
  });
});

function contrastWithWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const s = parseInt(hex.slice(i, i + 2), 16) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}
