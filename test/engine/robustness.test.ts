import fc from "fast-check";
import { CONVERSATION_STATUSES, initialState } from "../../server/engine/conversationState";
import type { EngineInput } from "../../server/engine/engineIO";
import { transition } from "../../server/engine/transition";
import { catalogue, CLOCK } from "../support/flowWalker";

const PHRASES = [
  "quay lại",
  "sửa ngày sinh",
  "sửa",
  "làm lại",
  "hủy",
  "có",
  "không",
  "gặp cán bộ",
  "menu",
  "tra cứu HN-20261127-0001-K7QM",
  "bỏ qua",
  "giúp",
  "05/03/2020",
  "087190001234",
  "0912 345 678",
  "Nguyễn Văn An",
  "khai sinh",
  "xác nhận",
  "1",
  "2",
  "",
];

/** Something a citizen (or a confused channel) might send at any moment. */
const anyInput = (choiceValues: () => string[]) =>
  fc.oneof(
    fc.constantFrom(...PHRASES).map((text): EngineInput => ({ kind: "text", text })),
    fc.string({ maxLength: 40 }).map((text): EngineInput => ({ kind: "text", text })),
    fc.nat(20).map((i): EngineInput => {
      const values = choiceValues();
      return { kind: "choice", value: values.length > 0 ? values[i % values.length]! : "yes" };
    }),
    fc.string({ maxLength: 10 }).map((value): EngineInput => ({ kind: "choice", value })),
    fc.constant<EngineInput>({ kind: "attachment", attachmentId: "att-1" }),
    fc.constant<EngineInput>({ kind: "start" }),
    fc.constant<EngineInput>({ kind: "statusResult", result: { found: false } }),
    fc.constant<EngineInput>({ kind: "dossierSubmitted", code: "HN-20261127-0009-K7QM" }),
  );

describe("the engine under any sequence of inputs", () => {
  it.each([...catalogue().flows.keys()])("never throws and keeps a storable state in flow %s", (flowId) => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 60 }), fc.integer(), (picks, seed) => {
        let state = transition(
          catalogue(),
          initialState("vi", "an-thanh"),
          { kind: "choice", value: flowId },
          CLOCK,
        ).state;
        let lastChoices: string[] = [];
        const source = anyInput(() => lastChoices);
        const inputs = fc.sample(source, { numRuns: picks.length, seed });
        for (const input of inputs) {
          const result = transition(catalogue(), state, input, CLOCK);
          expect(CONVERSATION_STATUSES).toContain(result.state.status);
          expect(JSON.parse(JSON.stringify(result.state))).toEqual(result.state);
          lastChoices = result.replies.flatMap((r) => r.choices?.map((c) => c.value) ?? []);
          state = result.state;
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe("answers to effects", () => {
  it("ignores a receipt code that arrives while the citizen is still answering", () => {
    let state = transition(
      catalogue(),
      initialState("vi", "an-thanh"),
      { kind: "choice", value: "dang-ky-khai-sinh" },
      CLOCK,
    ).state;
    state = transition(catalogue(), state, { kind: "text", text: "Trần Thị Mai" }, CLOCK).state;
    const result = transition(catalogue(), state, { kind: "dossierSubmitted", code: "HN-20261127-0009-K7QM" }, CLOCK);
    expect(result.state).toEqual(state);
    expect(result.replies).toEqual([]);
  });
});
