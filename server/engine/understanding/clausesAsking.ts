import type { IntentTokens } from "./tokenizeIntent";

/** Fewer words than this, and a message is too short to tell the story from the request. */
const LONG_MESSAGE_WORDS = 25;

/**
 * In a long message, which words lie in a clause that asks for something: one holding a "want"
 * word ("muốn", "cần", "xin", "tính", "want"), read by `readIntentContext`. A long message tells
 * what happened before it says what is wanted ("vừa bán nhà dưới quê …, sổ hồng đã sang tên xong,
 * giờ muốn nhập khẩu vào nhà mới"); null for a short message, where every clause counts alike.
 */
export function clausesAsking(tokens: IntentTokens, lastWant: Int32Array): Uint8Array | null {
  const { words, clauseEnd } = tokens;
  const n = words.length;
  if (n < LONG_MESSAGE_WORDS) return null;
  const asking = new Uint8Array(n);
  for (let start = 0; start < n;) {
    const end = clauseEnd[start]!;
    if (lastWant[end - 1]! >= start) asking.fill(1, start, end);
    start = end;
  }
  return asking;
}
