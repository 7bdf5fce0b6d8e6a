import type { AskStep, ChooseStep, ConfirmStep, Step } from "../../flows/flowTypes";
import { type ConversationState, initialState } from "../../server/engine/conversationState";
import type { Reply } from "../../server/engine/engineIO";
import { transition } from "../../server/engine/transition";
import { Conversation } from "../support/conversation";
import { catalogue, CLOCK, walkFlow } from "../support/flowWalker";

/** `dd/mm/yyyy` as a number that sorts like the date. */
const dayKey = (date: string) => {
  const [d, m, y] = date.split("/").map(Number);
  return y! * 10000 + m! * 100 + d!;
};
const TODAY = 20261127; // CLOCK, in Vietnam
const examplesIn = (text: string) => [...text.matchAll(/(?:Ví dụ|Example): (\d{2}\/\d{2}\/\d{4})/g)].map((m) => m[1]!);

/** A birth registration at the requester's relationship to the child. */
function atRelationship(locale: "vi" | "en"): Conversation {
  const walk = walkFlow("dang-ky-khai-sinh", { locale, unitId: "an-thanh", stopAt: "requesterRelationship" });
  const chat = new Conversation(locale);
  chat.state = walk.state;
  return chat;
}

/** A conversation standing at `stepId` of `flowId` (a table at its column `column`), the question asked. */
function askedAt(flowId: string, step: Step, column?: number): { state: ConversationState; replies: Reply[] } {
  const state: ConversationState = {
    ...initialState("vi", "an-thanh"),
    flowId,
    stepId: step.id,
    ...(column === undefined ? {} : { table: { stepId: step.id, row: {}, column, askingMore: false } }),
  };
  const result = transition(catalogue(), state, { kind: "start" }, CLOCK);
  return { state: result.state, replies: result.replies };
}

interface Field {
  flowId: string;
  step: Step;
  field: AskStep | ChooseStep | ConfirmStep | Step;
  column?: number;
}

/** Every question of every flow a citizen types or picks an answer to, with its flow (and column). */
function fields(): Field[] {
  return [...catalogue().flows].flatMap(([flowId, compiled]) =>
    compiled.flow.steps.flatMap((step): Field[] => {
      if (step.kind === "table") return step.columns.map((field, column) => ({ flowId, step, field, column }));
      if (step.kind === "ask" || step.kind === "choose" || step.kind === "upload")
        return [{ flowId, step, field: step }];
      return [];
    }),
  );
}
const isOptional = (field: Step) => "optional" in field && field.optional === true;

describe("a question asked again to clear up an answer", () => {
  it("names the question and the options the answer could mean", () => {
    const chat = atRelationship("vi").send("ba");
    expect(chat.said).toBe("Bạn là gì của bé: Cha hay Bà?");
    expect(chat.lastReply.choices).toEqual([
      { label: "Cha", value: "Cha" },
      { label: "Bà", value: "Bà" },
    ]);
    expect(chat.state.answers.requesterRelationship).toBeUndefined();
  });

  it("does so in English", () => {
    const chat = atRelationship("en").send("ba");
    expect(chat.said).toBe("What is your relationship to the child: Father or Grandmother?");
  });
});

describe("the example given with a date that could not be taken", () => {
  it("is a day to come for the day of a visit to the counter, and is given once", () => {
    const walk = walkFlow("dang-ky-khai-sinh", {
      unitId: "an-thanh",
      answers: { submitMethod: "Nộp trực tiếp tại Bộ phận Một cửa" },
      stopAt: "counterDate",
    });
    for (const typed of ["ngày mai nhé", "32/12/2026", "05/03/2020"]) {
      const chat = new Conversation();
      chat.state = walk.state;
      chat.send(typed);
      const examples = examplesIn(chat.said);
      expect({ typed, examples: examples.length }).toEqual({ typed, examples: 1 });
      expect(dayKey(examples[0]!)).toBeGreaterThan(TODAY);
    }
  });

  it("is a day to come for a visit booked when no clerk can answer", () => {
    const chat = atRelationship("vi")
      .send({ kind: "choice", value: "cmd:human" })
      .send({ kind: "clerkUnavailable", why: "nobody", hours: "7:00–17:00" })
      .send({ kind: "choice", value: "no-clerk:counter" })
      .send("hôm nào cũng được");
    const examples = examplesIn(chat.said);
    expect(examples).toHaveLength(1);
    expect(dayKey(examples[0]!)).toBeGreaterThan(TODAY);
  });

  it("is a day gone by for a date of birth, and is given once", () => {
    const walk = walkFlow("dang-ky-khai-sinh", { unitId: "an-thanh", stopAt: "childDateOfBirth" });
    for (const typed of ["hôm qua", "31/02/2026", "05/03/2027"]) {
      const chat = new Conversation();
      chat.state = walk.state;
      chat.send(typed);
      const examples = examplesIn(chat.said);
      expect({ typed, examples: examples.length }).toEqual({ typed, examples: 1 });
      expect(dayKey(examples[0]!)).toBeLessThanOrEqual(TODAY);
    }
  });
});

describe('"Bỏ qua"', () => {
  it.each(fields().map((f) => [`${f.flowId} ${f.step.id}${f.column === undefined ? "" : `.${f.field.id}`}`, f]))(
    "is offered on %s only if the field may be left empty",
    (_name, { flowId, step, field, column }) => {
      const { replies } = askedAt(flowId, step, column);
      const question = replies[replies.length - 1]!;
      const offered = (question.choices ?? []).some((c) => c.value === "skip") || /Bỏ qua/.test(question.text);
      expect(offered).toBe(isOptional(field));
    },
  );

  it("pressed or typed on a required field is answered with why it is needed, and fills nothing", () => {
    for (const answer of [{ kind: "choice", value: "skip" }, "bỏ qua"] as const) {
      const walk = walkFlow("dang-ky-khai-sinh", { unitId: "an-thanh", stopAt: "childPlaceOfBirth" });
      const chat = new Conversation();
      chat.state = walk.state;
      chat.send(answer);
      expect(chat.state.answers).not.toHaveProperty("childPlaceOfBirth");
      expect(chat.state.stepId).toBe("childPlaceOfBirth");
      expect(chat.said).toContain("bắt buộc");
      expect(chat.choiceValues).not.toContain("skip");
    }
  });
});
