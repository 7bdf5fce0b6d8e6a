import type { City, Unit } from "../../flows/units";
import { localIsoDate } from "../engine/clock";
import type { DossierDraft, StatusLookupResult } from "../engine/engineIO";
import { defaultLegalDeadlines, type LegalDeadlines } from "../deadlines/legalDeadlines";
import { createDossier } from "./createDossier";
import type { DossierRecords } from "./dossierRecords";
import type { DossierService, Registration } from "./dossierService";
import { newReceiptSuffix, receiptCodeFor } from "./receiptCode";
import type { StatusLookupGuard } from "./statusLookupGuard";
import { statusLookupResult } from "./statusLookupResult";

/**
 * Receipt numbers from the store's counters (one per day, shared by every node), claimed by
 * the turn's commit so that the day's numbers have no gap; lookups from its dossiers, through
 * the lookup guard.
 */
export class StoreDossierService implements DossierService {
  constructor(
    private readonly store: DossierRecords,
    private readonly city: City,
    private readonly units: readonly Unit[],
    private readonly guard: StatusLookupGuard,
    private readonly deadlines: LegalDeadlines = defaultLegalDeadlines(),
  ) {}

  async register(draft: DossierDraft, now: Date): Promise<Registration> {
    const isoDate = localIsoDate(now);
    const name = `receipt:${this.city.receiptPrefix}:${isoDate}`;
    const sequence = (await this.store.getCounter(name)) + 1;
    const dossier = createDossier(
      draft,
      receiptCodeFor(this.city, this.units, draft.unitId, isoDate, sequence, newReceiptSuffix()),
      now,
      this.deadlines.dueDate(draft.procedureId, now),
    );
    return { dossier, claim: { name, value: sequence } };
  }

  lookupStatus(code: string, phone: string, address: string): Promise<StatusLookupResult> {
    return this.guard.run({ code, address }, async () => statusLookupResult(await this.store.getDossier(code), phone));
  }
}
