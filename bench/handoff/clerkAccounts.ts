/**
 * The clerks of the handoff benchmark: accounts written into the DATA_DIR before the server
 * starts, through the same store the server opens, spread over the city's units in turn.
 */
import { randomUUID } from "node:crypto";
import type { Unit } from "../../flows/units";
import { hashPassword } from "../../server/console/passwordHash";
import { openStore } from "../../server/store/openStore";
import type { UserRecord } from "../../server/store/store";
import type { ClerkAccount } from "./ipc";

export const CLERK_PASSWORD = "mật khẩu của cán bộ một cửa";

/** The login limit is 60 a minute per address; a unit with more clerks than this gets a second address. */
const CLERKS_PER_ADDRESS = 50;

/**
 * Writes `count` clerk accounts: clerk i works for unit i mod 7, and logs in from its unit's
 * address (127.0.0.10 for the first unit, …). The password is hashed once and shared: scrypt
 * costs ~0.3 s a hash, and the server verifies each login against the stored hash anyway.
 * `mustChangePassword` as `npm run user add` sets it for a generated password.
 */
export async function createClerkAccounts(
  dataDir: string,
  units: readonly Unit[],
  count: number,
  mustChangePassword: boolean,
): Promise<ClerkAccount[]> {
  const store = await openStore({ DATA_DIR: dataDir, MONGODB_DB: "khai-ho" });
  try {
    const passwordHash = await hashPassword(CLERK_PASSWORD);
    const at = new Date().toISOString();
    const accounts: ClerkAccount[] = [];
    for (let i = 0; i < count; i++) {
      const unitIndex = i % units.length;
      const unit = units[unitIndex]!;
      const rank = Math.floor(i / units.length);
      const username = `${unit.id}.${String(rank + 1).padStart(3, "0")}`;
      const user: UserRecord = {
        id: randomUUID(),
        username,
        displayName: `Cán bộ ${rank + 1}, ${unit.nameVi}`,
        role: "clerk",
        unitIds: [unit.id],
        passwordHash,
        disabled: false,
        mustChangePassword,
        createdAt: at,
        updatedAt: at,
      };
      await store.createUser(user);
      const address = 10 + unitIndex + units.length * Math.floor(rank / CLERKS_PER_ADDRESS);
      accounts.push({ username, password: CLERK_PASSWORD, unitId: unit.id, sourceAddress: `127.0.0.${address}` });
    }
    return accounts;
  } finally {
    await store.close();
  }
}
