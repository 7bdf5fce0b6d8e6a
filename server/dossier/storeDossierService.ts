import type { City, Unit } from "../../flows/units";
import { localIsoDate } from "../engine/clock";
import type { DossierDraft, StatusLookupResult } from "../engine/engineIO";
import type { Store } from "../store/store";
import { createDossier } from "./createDossier";
import type { Dossier } from "./dossier";
import type { DossierService } from "./dossierService";
import { receiptCodeFor } from "./receiptCode";
import { statusLookupResult } from "./statusLookupResult";

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
    return createDossier(draft, receiptCodeFor(this.city, this.units, draft.unitId, isoDate, sequence), now);
  }

  async lookupStatus(code: string, phone: string): Promise<StatusLookupResult> {
    return statusLookupResult(await this.store.getDossier(code), phone);
  }
}
