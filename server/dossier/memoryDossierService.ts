import type { City, Unit } from "../../flows/units";
import { localIsoDate } from "../engine/clock";
import type { DossierDraft, StatusLookupResult } from "../engine/engineIO";
import { defaultLegalDeadlines, type LegalDeadlines } from "../deadlines/legalDeadlines";
import { createDossier } from "./createDossier";
import type { Dossier } from "./dossier";
import type { DossierService, Registration } from "./dossierService";
import { newReceiptSuffix, receiptCodeFor } from "./receiptCode";
import { statusLookupResult } from "./statusLookupResult";

/**
 * Dossiers kept in memory, for the terminal chat: one process, one citizen, nothing to install,
 * so no lookup limits either.
 */
export class MemoryDossierService implements DossierService {
  private readonly dossiers = new Map<string, Dossier>();
  private readonly sequences = new Map<string, number>();

  constructor(
    private readonly city: City,
    private readonly units: readonly Unit[],
    private readonly deadlines: LegalDeadlines = defaultLegalDeadlines(),
  ) {}

  async register(draft: DossierDraft, now: Date): Promise<Registration> {
    const isoDate = localIsoDate(now);
    const sequence = (this.sequences.get(isoDate) ?? 0) + 1;
    this.sequences.set(isoDate, sequence);
    const dossier = createDossier(
      draft,
      receiptCodeFor(this.city, this.units, draft.unitId, isoDate, sequence, newReceiptSuffix()),
      now,
      this.deadlines.dueDate(draft.procedureId, now),
    );
    this.dossiers.set(dossier.code, dossier);
    return { dossier, claim: null };
  }

  async lookupStatus(code: string, phone: string): Promise<StatusLookupResult> {
    return statusLookupResult(this.dossiers.get(code), phone);
  }

  get(code: string): Dossier | undefined {
    return this.dossiers.get(code);
  }
}
