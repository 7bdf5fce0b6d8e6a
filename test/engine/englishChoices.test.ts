import type { ChooseStep, Step } from "../../flows/flowTypes";
import type { Choice } from "../../server/engine/engineIO";
import { transition } from "../../server/engine/transition";
import { Conversation } from "../support/conversation";
import { catalogue, CLOCK, walkFlow } from "../support/flowWalker";

/** Letters only Vietnamese writes: a label with one is not English. */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;

/**
 * What an English label may keep in Vietnamese: the official name in brackets ("Identity card
 * (Căn cước)") and the names of the city's wards and communes.
 */
function englishPart(label: string): string {
  let text = label.replace(/\([^)]*\)/g, "");
  for (const unit of catalogue().units) text = text.replace(unit.nameVi.replace(/^(Phường|Xã) /u, ""), "");
  return text;
}

function stepsOf(steps: readonly Step[]): Step[] {
  return steps.flatMap((s): Step[] => (s.kind === "table" ? [s, ...s.columns] : [s]));
}

describe("every choice offered in English", () => {
  const flows = [...catalogue().flows];

  it.each(flows.map(([id, compiled]) => [id, compiled.flow.steps] as const))(
    "of %s has an English label: options and suggested answers",
    (_id, steps) => {
      const untranslated: string[] = [];
      for (const step of stepsOf(steps)) {
        for (const option of step.kind === "choose" ? (step as ChooseStep).options : []) {
          if (!option.label.en || VIETNAMESE.test(englishPart(option.label.en)))
            untranslated.push(`${step.id}: ${option.label.en}`);
        }
        for (const suggestion of step.kind === "ask" ? (step.suggestions ?? []) : []) {
          const english = typeof suggestion === "string" ? suggestion : suggestion.en;
          if (!english || VIETNAMESE.test(englishPart(english))) untranslated.push(`${step.id}: ${english}`);
        }
      }
      expect(untranslated).toEqual([]);
    },
  );

  it.each(catalogue().menu)("in a conversation about %s, from the menu to the rating, is in English", (id) => {
    const offered: Choice[] = [];
    const greeting = new Conversation("en", null).send({ kind: "start", locale: "en" });
    offered.push(...greeting.replies.flatMap((r) => r.choices ?? []));
    // Without the page's unit, the ward is asked too.
    const walk = walkFlow(id, { locale: "en", unitId: undefined });
    expect(walk.draft).not.toBeNull();
    offered.push(...walk.replies.flatMap((r) => r.choices ?? []));
    const submitted = transition(
      catalogue(),
      walk.state,
      { kind: "dossierSubmitted", code: "HN-20261127-0001-K7QM" },
      CLOCK,
    );
    offered.push(...submitted.replies.flatMap((r) => r.choices ?? []));
    const help = transition(catalogue(), walk.state, { kind: "text", text: "help" }, CLOCK);
    offered.push(...help.replies.flatMap((r) => r.choices ?? []));

    expect(offered.length).toBeGreaterThan(10);
    expect(offered.filter((c) => c.label.trim() === "" || VIETNAMESE.test(englishPart(c.label)))).toEqual([]);
  });
});
