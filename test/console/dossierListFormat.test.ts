import { formatDateTime, provenanceLabel } from "../../console/src/dossierListFormat";

describe("the dossiers view's helpers", () => {
  it("writes a time as Vietnamese forms do, on Vietnam's clock whatever the PC's zone", () => {
    expect(formatDateTime("2026-11-27T17:05:00Z")).toBe("28/11/2026 00:05");
    expect(formatDateTime("2026-03-02T01:30:00.000Z")).toBe("02/03/2026 08:30");
    expect(formatDateTime("not a date")).toBe("");
  });

  it("names who gave a value: the citizen, the assistant, or the clerk by name, the reader as themself", () => {
    const clerks = { u1: "Nguyễn Thị Lan", u2: "Trần Văn Minh" };
    expect(provenanceLabel({ by: "citizen" }, clerks, "u1")).toBe("Công dân");
    expect(provenanceLabel({ by: "bot" }, clerks, "u1")).toBe("Trợ lý");
    expect(provenanceLabel({ by: "clerk", clerkId: "u2" }, clerks, "u1")).toBe("Cán bộ Trần Văn Minh");
    expect(provenanceLabel({ by: "clerk", clerkId: "u1" }, clerks, "u1")).toBe("Cán bộ Nguyễn Thị Lan (bạn)");
    // An account removed since: its id still says which clerk it was.
    expect(provenanceLabel({ by: "clerk", clerkId: "u9" }, clerks, "u1")).toBe("Cán bộ u9");
    expect(provenanceLabel(null, clerks, "u1")).toBe("");
  });
});
