import { createHash } from "node:crypto";
import { PROCEDURE_FACTS } from "../../flows/procedureFacts";
import type { Dossier } from "../../server/dossier/dossier";
import { FORM_CONTENT_SECURITY_POLICY, renderForm } from "../../server/dossier/renderForm";

/** The smallest dossier a form renders from: every field empty. */
function emptyDossier(procedureId: string): Dossier {
  return {
    code: "HN-20261127-0042-K7QM",
    procedureId,
    unitId: "an-thanh",
    status: "submitted",
    fields: {},
    provenance: {},
    submission: { submitMethod: "online", returnMethod: "online" },
    documents: [],
    attachments: {},
    locale: "vi",
    createdAt: "2026-11-27T03:00:00.000Z",
    updatedAt: "2026-11-27T03:00:00.000Z",
  };
}

describe.each(PROCEDURE_FACTS.map((p) => [p.id]))("the printable form of %s", (procedureId) => {
  const html = renderForm(emptyDossier(procedureId));

  it('has one "In / Lưu PDF" button, whose handler only prints', () => {
    const buttons = [...html.matchAll(/<button[^>]*data-print[^>]*onclick="([^"]*)"[^>]*>In \/ Lưu PDF/g)];
    expect(buttons.map((b) => b[1])).toEqual(["window.print()"]);
  });

  it("lets that handler run, and nothing else, under the page's policy and the server's", () => {
    const hash = `'sha256-${createHash("sha256").update("window.print()").digest("base64")}'`;
    const meta = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1]!;
    for (const policy of [meta, FORM_CONTENT_SECURITY_POLICY]) {
      const scripts = /script-src ([^;]*)/.exec(policy)![1]!.trim().split(/\s+/);
      expect(scripts).toEqual(["'unsafe-hashes'", hash]);
    }
  });

  it("leaves the button off the printed page", () => {
    expect(/@media print \{[^}]*\.print-bar \{ display: none; \}/.test(html)).toBe(true);
  });
});
