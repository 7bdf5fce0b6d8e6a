import { addDays, cityDayStart, isCityDay } from "../deadlines/cityDay";
import { StoreError } from "./storeError";

/** The statuses that end a postal route: picked up when only the papers go by post, delivered when the result does. */
export const POSTAL_LAST_STEP = { pickupOnly: "picked_up", withDelivery: "returned" } as const;

/**
 * The instants a postal list's day runs between (Asia/Ho_Chi_Minh), as the store keeps times. Both adapters check the
 * day here, so neither reads a malformed one as "every day".
 *
 * @throws StoreError `STORE_FILTER_INVALID` when `day` is not a real `YYYY-MM-DD` day.
 */
export function postalListWindow(day: string): { from: string; to: string } {
  if (typeof day !== "string" || !isCityDay(day)) {
    throw new StoreError("STORE_FILTER_INVALID", `the postal list's day is a YYYY-MM-DD day, e.g. 2026-03-02`);
  }
  return { from: cityDayStart(day), to: cityDayStart(addDays(day, 1)) };
}
