import type { Progress } from "../../server/engine/engineIO";
import { catalogue, type Scripted, walkFlow } from "../support/flowWalker";

/** Answers that take the branches: the postal service both ways, extra copies, a birth with no father given. */
const BRANCHES: readonly Readonly<Record<string, Scripted>>[] = [
  {},
  { submitMethod: "Bưu điện đến nhà nhận hồ sơ", returnMethod: "Bưu điện trả kết quả tại nhà", copyRequested: "có" },
  { submitMethod: "Nộp trực tiếp tại Bộ phận Một cửa", fatherKnown: "không", copyRequested: "không" },
  { requesterRelationship: { kind: "choice", value: "Mẹ" }, parentsMarried: "không", needsPeriod: "không" },
];

/** The progress shown with each reply, repeats left out. */
function shown(procedureId: string, answers: Readonly<Record<string, Scripted>>): Progress[] {
  const walk = walkFlow(procedureId, { unitId: "an-thanh", answers });
  const all = walk.replies.flatMap((r) => (r.progress ? [r.progress] : []));
  return all.filter((p, i) => i === 0 || p.step !== all[i - 1]!.step || p.total !== all[i - 1]!.total);
}

describe("the progress a citizen sees", () => {
  const cases = catalogue().menu.flatMap((id) => BRANCHES.map((answers, n) => [id, n, answers] as const));

  it.each(cases)("of %s (branches %i) counts up to a total that never grows", (id, _n, answers) => {
    const progress = shown(id, answers);
    expect(progress.length).toBeGreaterThan(5);
    const jumps = progress.flatMap((p, i) => {
      const before = progress[i - 1];
      if (!before) return [];
      return p.total > before.total || p.step < before.step
        ? [`${before.step}/${before.total} → ${p.step}/${p.total}`]
        : [];
    });
    expect(jumps).toEqual([]);
    expect(progress.every((p) => p.step >= 1 && p.step <= p.total)).toBe(true);
    // At the review, nothing is left but it.
    const last = progress[progress.length - 1]!;
    expect(last.step).toBe(last.total);
  });
});
