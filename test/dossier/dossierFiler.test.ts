import { dossierFiler } from "../../server/dossier/dossierFiler";
import { catalogue, walkFlow } from "../support/flowWalker";

const PROCEDURES = catalogue().menu;

/** The answers of a walk in which every name question got its own name, so that one can tell who is listed. */
function walkNamingEveryone(procedureId: string) {
  const compiled = catalogue().flows.get(procedureId)!;
  const answers: Record<string, string> = {};
  const given = ["An", "Bình", "Chi", "Dũng", "Hà", "Khoa", "Lan", "Minh", "Ngọc", "Phúc", "Quân", "Tâm"];
  for (const step of compiled.flow.steps) {
    if (step.kind === "ask" && step.type === "name")
      answers[step.id] = `Trần Văn ${given[Object.keys(answers).length]}`;
  }
  return { walk: walkFlow(procedureId, { answers }), answers };
}

describe("the person listed as having filed a dossier", () => {
  it.each(PROCEDURES)(
    "is the person who files %s, with their own ID number where the form asks for one",
    (procedureId) => {
      const { walk, answers } = walkNamingEveryone(procedureId);
      const fields = walk.draft!.fields;
      const filer = dossierFiler(fields);
      // The first person a form asks about is the one who files it (the requester, the applicant, the owner).
      const firstNameAsked = walk.asked.find((id) => id in answers)!;
      expect(filer.name).toBe(answers[firstNameAsked]);
      // A certified copy asks for no ID number; every other form does, and lists the filer's.
      const asksForId = Object.keys(fields).some((key) => key.endsWith("IdNumber"));
      expect(filer.idNumber === null ? null : /^\d{9,12}$/.test(filer.idNumber)).toBe(asksForId ? true : null);
    },
  );

  it("is the applicant of a criminal record certificate, not the applicant's father or mother", () => {
    const walk = walkFlow("cap-phieu-ly-lich-tu-phap", {
      answers: { fullName: "Lê Thị Hạnh", fatherFullName: "Lê Văn Bảy", motherFullName: "Võ Thị Tư" },
    });
    expect(dossierFiler(walk.draft!.fields).name).toBe("Lê Thị Hạnh");
  });
});
