import type { Store } from "../store/store";
import type { ClerkPresence } from "./clerkPresence";
import { mayAccess } from "./mayAccess";

/** A clerk a conversation may be passed on to. */
export interface Colleague {
  id: string;
  name: string;
  online: boolean;
}

/** Active clerks who may take a unit's conversations, signed-in ones first, then by name. */
export async function colleaguesOf(store: Store, presence: ClerkPresence, unitId: string | null): Promise<Colleague[]> {
  const users = (await store.listUsers()).filter((u) => !u.disabled && u.role === "clerk" && mayAccess(u, unitId));
  return users
    .map((u) => ({ id: u.id, name: u.displayName, online: presence.isSignedIn(u.id) }))
    .sort((a, b) => Number(b.online) - Number(a.online) || a.name.localeCompare(b.name, "vi"));
}
