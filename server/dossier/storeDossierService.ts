import type { City, Unit } from "../../flows/units";
import { localFormDate, localIsoDate } from "../engine/clock";
import type { DossierDraft, StatusLookupResult } from "../engine/engineIO";
import type { Store } from "../store/store";
import { createDossier, dossierPhone } from "./createDossier";
import type { Dossier } from "./dossier";
import type { DossierService } from "./dossierService";
import { formatReceiptCode } from "./receiptCode";

/** Receipt codes from the store's counters (one per day, shared by every node); lookups from its dossiers. */
export class StoreDossierService implements DossierService {
  constructor(
    private readonly store: Store,
    private readonly city: City,
    private readonly units: readonly Unit[],
  ) {}

  async register(draft: DossierDraft, now: Date): Promise<Dossier> {
    const isoDate = localIsoDate(now);
    const sequence = await this.store.nextSequence(`receipt:${this.city.receiptPrefix}:${isoDate}`);
    const unit = this.units.find((u) => u.id === draft.unitId);
    const code = formatReceiptCode({
      prefix: this.city.receiptPrefix,
      unitCode: this.city.unitPrefixedCodes ? (unit?.code ?? null) : null,
      isoDate,
      sequence,
    });
    return createDossier(draft, code, now);
  }

  async lookupStatus(code: string, phone: string): Promise<StatusLookupResult> {
    const dossier = await this.store.getDossier(code);
    // The same answer for an unknown code and a wrong phone: codes cannot be probed.
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
}
