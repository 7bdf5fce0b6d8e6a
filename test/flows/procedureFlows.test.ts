import type { Step } from "../../flows/flowTypes";
import { PROCEDURE_FACTS } from "../../flows/procedureFacts";
import { createDossier } from "../../server/dossier/createDossier";
import { renderForm } from "../../server/dossier/renderForm";
import { catalogue, walkFlow, type WalkOptions } from "../support/flowWalker";

const PROCEDURES = PROCEDURE_FACTS.map((p) => p.id);

/** Every way a choice or a yes/no question of the flow can be answered, one walk each. */
function branchScenarios(procedureId: string): { name: string; options: WalkOptions }[] {
  const steps = catalogue().flows.get(procedureId)!.flow.steps;
  const questions = steps.flatMap((s): Step[] => (s.kind === "table" ? [...s.columns] : [s]));
  return questions.flatMap((step): { name: string; options: WalkOptions }[] => {
    if (step.kind === "confirm") {
      // A declaration the law requires (mustAgree) has no "no" path to walk.
      return (step.mustAgree ? [true] : [false, true]).map((yes) => ({
        name: `${step.id} = ${yes ? "có" : "không"}`,
        options: { answers: { [step.id]: yes ? "có" : "không" } },
      }));
    }
    if (step.kind === "choose") {
      return step.options.map((o) => ({
        name: `${step.id} = ${o.value}`,
        options: { answers: { [step.id]: { kind: "choice" as const, value: o.value } } },
      }));
    }
    return [];
  });
}

describe.each(PROCEDURES)("flow %s", (procedureId) => {
  const facts = PROCEDURE_FACTS.find((p) => p.id === procedureId)!;

  it.each([
    ["with diacritics", false],
    ["without diacritics", true],
  ])("is walked to a submitted dossier with answers typed %s", (_, withoutDiacritics) => {
    const walk = walkFlow(procedureId, { withoutDiacritics });
    expect(walk.draft).not.toBeNull();
    expect(walk.draft!.procedureId).toBe(procedureId);
    for (const field of facts.form.fields.filter((f) => f.required && f.type !== "image")) {
      expect([field.key, walk.draft!.fields[field.key] ?? null]).not.toEqual([field.key, null]);
    }
  });

  it("tells the documents, fee, time limit and authority before the first question", () => {
    const walk = walkFlow(procedureId);
    const intro = walk.replies[0]!.text;
    expect(intro).toContain(facts.nameVi);
    expect(intro).toContain(facts.documents[0]!);
    expect(intro).toContain("Lệ phí");
    expect(intro).toContain("Thời hạn giải quyết");
    expect(intro).toContain("Cơ quan giải quyết");
  });

  it("asks one question per step, each numbered within the path's total", () => {
    const walk = walkFlow(procedureId);
    const numbered = walk.replies.filter((r) => r.progress !== null);
    expect(numbered.length).toBeGreaterThan(0);
    for (const reply of numbered) {
      expect(reply.progress!.step).toBeGreaterThanOrEqual(1);
      expect(reply.progress!.step).toBeLessThanOrEqual(reply.progress!.total);
    }
  });

  const scenarios = branchScenarios(procedureId);
  it.each(scenarios.map((s) => [s.name, s.options] as const))(
    "completes and renders its form when %s",
    (_, options) => {
      const walk = walkFlow(procedureId, options);
      expect(walk.draft).not.toBeNull();
      const html = renderForm(createDossier(walk.draft!, "HN-20261127-0001-K7QM", new Date("2026-11-27T03:00:00Z")));
      expect(html).toContain("HN-20261127-0001-K7QM");
    },
  );

  it("fills every field of the official form on some path", () => {
    const filled = new Set<string>();
    for (const scenario of [{ name: "default", options: { extraRows: 1 } }, ...scenarios]) {
      const walk = walkFlow(procedureId, scenario.options);
      for (const [key, value] of Object.entries(walk.draft?.fields ?? {})) {
        if (value !== null && value !== "") filled.add(key);
      }
    }
    const missing = facts.form.fields.map((f) => f.key).filter((key) => !filled.has(key));
    expect(missing).toEqual([]);
  });
});
