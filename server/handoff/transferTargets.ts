import type { Catalogue } from "../engine/catalogue";
import type { Store } from "../store/store";
import type { ClerkPresence } from "./clerkPresence";
import { colleaguesOf } from "./colleaguesOf";

/** Where a clerk may send a conversation: another unit's queue, or another clerk of its unit (signed-in ones first). */
export async function transferTargets(
  catalogue: Catalogue,
  store: Store,
  presence: ClerkPresence,
  unitId: string | null,
  byUserId: string,
) {
  return {
    units: catalogue.units.filter((u) => u.id !== unitId).map((u) => ({ id: u.id, name: u.nameVi })),
    clerks: (await colleaguesOf(store, presence, unitId)).filter((c) => c.id !== byUserId),
  };
}
