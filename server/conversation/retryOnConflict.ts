/** What an attempt answers when another turn committed first: it is run again on fresh data. */
export const CONFLICT = "conflict";

// A turn that loses the version race, or its receipt number to another turn, reloads and runs
// again (with a fresh number); more than a few losses in a row means the store is failing, not busy.
// One attempt more for a turn that finds it claims a receipt number and runs again under its lock.
const MAX_ATTEMPTS = 5;

/** Runs `attempt` until it answers something other than {@link CONFLICT}, a few times at most. */
export async function retryOnConflict<T>(
  attempt: (n: number) => Promise<T | typeof CONFLICT>,
): Promise<T | typeof CONFLICT> {
  for (let n = 0; n < MAX_ATTEMPTS; n++) {
    const result = await attempt(n);
    if (result !== CONFLICT) return result;
  }
  return CONFLICT;
}
