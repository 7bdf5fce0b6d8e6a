import type { City, Unit } from "../../flows/units";
import { localFormDate, localIsoDate } from "../engine/clock";
import type { DossierDraft, StatusLookupResult } from "../engine/engineIO";
import { createDossier, dossierPhone } from "./createDossier";
import type { Dossier } from "./dossier";
import type { DossierService } from "./dossierService";
import { formatReceiptCode } from "./receiptCode";

/** Dossiers kept in memory, for the terminal chat: one process, one citizen, nothing to install. */
export class MemoryDossierService implements DossierService {
  private readonly dossiers = new Map<string, Dossier>();
  private readonly sequences = new Map<string, number>();

  constructor(
    private readonly city: City,
    private readonly units: readonly Unit[],
  ) {}

  async register(draft: DossierDraft, now: Date): Promise<Dossier> {
    const isoDate = localIsoDate(now);
    const sequence = (this.sequences.get(isoDate) ?? 0) + 1;
    this.sequences.set(isoDate, sequence);
    const unit = this.units.find((u) => u.id === draft.unitId);
    const code = formatReceiptCode({
      prefix: this.city.receiptPrefix,
      unitCode: this.city.unitPrefixedCodes ? (unit?.code ?? null) : null,
      isoDate,
      sequence,
    });
    const dossier = createDossier(draft, code, now);
    this.dossiers.set(code, dossier);
    return dossier;
  }

  async lookupStatus(code: string, phone: string): Promise<StatusLookupResult> {
    const dossier = this.dossiers.get(code);
    if (!dossier || dossierPhone(dossier) !== phone) return { found: false };
    return {
      found: true,
      code,
      procedureId: dossier.procedureId,
      status: dossier.status,
      submittedAt: localFormDate(new Date(dossier.createdAt)),
      updatedAt: localFormDate(new Date(dossier.updatedAt)),
    };
  }

  get(code: string): Dossier | undefined {
    return this.dossiers.get(code);
  }
}
