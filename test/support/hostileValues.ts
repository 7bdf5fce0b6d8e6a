import fc from "fast-check";
import { PLANTED_CCCD, PLANTED_PHONE } from "./serverUnderAttack";

/** Keys a hostile payload hides: prototype pollution, MongoDB operators, and the protocol's own field names. */
export const HOSTILE_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "$where",
  "$gt",
  "toString",
  "hasOwnProperty",
  "conversationId",
  "clientMessageId",
  "text",
  "choice",
  "attachmentId",
  "locale",
  "field",
  "at",
  "stepId",
  "unitId",
  "clerkId",
  "token",
  "lastSeq",
  "status",
  "reason",
  "username",
  "password",
  "currentPassword",
  "newPassword",
] as const;

/** An array nested `depth` deep. */
export const nested = (depth: number): unknown =>
  Array.from({ length: depth }).reduce<unknown>((inner) => [inner], "fond");

/**
 * Any value a hostile client can send as JSON: wrong types, prototype keys, deep nesting, huge
 * strings, numbers where strings are expected, personal numbers that must never reach a log,
 * and `known` values (a real conversation id) that lead the payload past the first checks.
 */
export function hostileValue(known: readonly string[] = []): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(
      PLANTED_CCCD,
      `CCCD ${PLANTED_CCCD}, điện thoại ${PLANTED_PHONE}`,
      "current",
      "review",
      "vi",
      "en",
      "received",
      "rejected",
      ...known,
    ),
    fc.integer({ min: 1_000, max: 30_000 }).map((n) => "ẩ".repeat(n)),
    fc.integer({ min: 50, max: 3_000 }).map(nested),
  );
  const key = fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 12 }));
  return fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(key, tie("value"), { maxKeys: 5 }),
    ),
  })).value;
}

/** An object shaped like `fields` expects, each field present or not and any value. */
export function nearlyValid(
  fields: readonly string[],
  known: readonly string[] = [],
): fc.Arbitrary<Record<string, unknown>> {
  const value = fc.oneof(fc.constantFrom(...known, PLANTED_CCCD), hostileValue(known));
  return fc.record(Object.fromEntries(fields.map((f) => [f, value])), { requiredKeys: [] });
}
