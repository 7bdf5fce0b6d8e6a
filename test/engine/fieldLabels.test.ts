import { conversationView } from "../../server/console/conversationView";
import type { ConversationState } from "../../server/engine/conversationState";
import type { Locale } from "../../server/engine/localized";
import { transition } from "../../server/engine/transition";
import { isQuestion } from "../../server/engine/flowPath";
import { stepLabel } from "../../server/engine/stepLabel";
import type { ConversationRecord } from "../../server/store/conversationStore";
import { catalogue, CLOCK, walkFlow } from "../support/flowWalker";

/** A grandmother registering the birth: the mother's and the father's blocks are both asked. */
const ANSWERS = {
  requesterRelationship: { kind: "choice", value: "Bà" },
  motherBirthDateOrYear: "1995",
  fatherBirthDateOrYear: "03/09/1992",
  birthCertificatePhoto: { kind: "choice", value: "skip" },
} as const;

/** At the review of a birth registration: the review's text, and the edit buttons after "Sửa thông tin". */
function atReview(locale: Locale): { state: ConversationState; review: string; editButtons: string[] } {
  const walk = walkFlow("dang-ky-khai-sinh", { locale, unitId: "an-thanh", answers: ANSWERS, stopAt: "review" });
  const review = walk.replies[walk.replies.length - 2]!.text;
  const edit = transition(catalogue(), walk.state, { kind: "choice", value: "review:edit" }, CLOCK);
  return { state: walk.state, review, editButtons: edit.replies.at(-1)!.choices!.map((c) => c.label) };
}

const nameOf = (button: string) => button.slice(0, button.indexOf(":"));
const FULL_DATE = /\d{2}\/\d{2}\/\d{4}/;

describe("the names of the fields a citizen checks and edits", () => {
  it("say whose field each edit button changes, and never put a full date under a year", () => {
    const { editButtons } = atReview("vi");
    expect(editButtons).toEqual(
      expect.arrayContaining([
        "Dân tộc (bé): Kinh",
        "Dân tộc (mẹ): Kinh",
        "Dân tộc (cha): Kinh",
        "Quốc tịch (mẹ): Việt Nam",
        "Năm sinh (mẹ): 1995",
        "Ngày sinh (cha): 03/09/1992",
      ]),
    );
    const names = editButtons.map(nameOf);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    expect(editButtons.filter((b) => /^Năm sinh/.test(b) && FULL_DATE.test(b))).toEqual([]);
  });

  it("say it in English too", () => {
    const { editButtons } = atReview("en");
    expect(editButtons).toEqual(
      expect.arrayContaining([
        "Ethnicity (child): Kinh",
        "Ethnicity (mother): Kinh",
        "Ethnicity (father): Kinh",
        "Year of birth (mother): 1995",
        "Date of birth (father): 03/09/1992",
      ]),
    );
    const names = editButtons.map(nameOf);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it("read the same on the review", () => {
    const { review } = atReview("vi");
    expect(review).toContain("• Dân tộc (mẹ): Kinh");
    expect(review).toContain("• Năm sinh (mẹ): 1995");
    expect(review).toContain("• Ngày sinh (cha): 03/09/1992");
    expect(review).not.toMatch(/• Năm sinh[^:\n]*: \d{2}\/\d{2}\/\d{4}/);
  });

  it("read the same in the clerk's field list", () => {
    const { state } = atReview("vi");
    const now = CLOCK.now.toISOString();
    const record: ConversationRecord = {
      id: "c-labels",
      tokenHash: "0".repeat(64),
      channel: "web",
      locale: "vi",
      unitId: "an-thanh",
      state,
      status: state.status,
      procedureId: state.flowId,
      lastSeq: 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const fields = conversationView(catalogue(), record, [], []).draft.map((f) => `${f.label}: ${f.display}`);
    expect(fields).toEqual(
      expect.arrayContaining(["Dân tộc (mẹ): Kinh", "Năm sinh (mẹ): 1995", "Ngày sinh (cha): 03/09/1992"]),
    );
    expect(fields.filter((f) => /^Năm sinh/.test(f) && FULL_DATE.test(f))).toEqual([]);
  });

  it.each(["vi", "en"] as const)("are never the same for two questions of one flow (%s)", (locale) => {
    const repeated: string[] = [];
    for (const [id, compiled] of catalogue().flows) {
      const seen = new Map<string, string>();
      for (const step of compiled.flow.steps) {
        if (!isQuestion(step) || step.kind === "review" || step.kind === "unit") continue;
        const name = stepLabel(compiled, step, locale);
        if (seen.has(name)) repeated.push(`${id}: "${name}" (${seen.get(name)}, ${step.id})`);
        seen.set(name, step.id);
      }
    }
    expect(repeated).toEqual([]);
  });
});
