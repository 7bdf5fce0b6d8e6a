import type { Refusal } from "../codedTexts";
import { DASHBOARD_MAX_DAYS, type DASHBOARD_TEXTS } from "../console/dashboardTexts";
import { addDays, type CityDay, isCityDay } from "../deadlines/cityDay";
import type { DayRange } from "../store/reportStore";
import type { UserRecord } from "../store/store";

/** Without dates the dashboard shows the last 30 days, today included. */
export const DEFAULT_DAYS = 30;

export interface DashboardQuery {
  range: DayRange;
  /** The units asked for; null: every unit (never for a clerk). */
  unitIds: string[] | null;
}

export type DashboardQueryResult =
  { ok: true; query: DashboardQuery } | { ok: false; refusal: Refusal<typeof DASHBOARD_TEXTS> };

/** Days from `from` to `to`, both included. */
export function daysBetween(from: CityDay, to: CityDay): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

// Echoed in the refusal: a pasted paragraph is not sent back whole.
const shown = (value: string) => (value.length > 24 ? `${value.slice(0, 24)}…` : value);

function oneText(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim();
  if (Array.isArray(value) && typeof value[0] === "string") return value[0].trim();
  return undefined;
}

/** `units=an-thanh,an-loc` or `units=an-thanh&units=an-loc`; empty means none given. */
function unitList(value: unknown): string[] {
  const parts = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
  return [
    ...new Set(
      parts
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter((v) => v !== ""),
    ),
  ];
}

/**
 * The range and units of a dashboard or export request, checked: real `YYYY-MM-DD` days, in order, at most
 * a year; units of the city, and for a clerk only theirs (their units when none is given). `to` defaults to
 * today, `from` to 29 days before `to`. Refusals are data, worded by `DASHBOARD_TEXTS`.
 */
export function parseDashboardQuery(
  query: Record<string, unknown>,
  context: { today: CityDay; user: Pick<UserRecord, "role" | "unitIds">; unitIds: readonly string[] },
): DashboardQueryResult {
  const fromText = oneText(query.from);
  const toText = oneText(query.to);
  for (const [name, value] of [
    ["from", fromText],
    ["to", toText],
  ] as const) {
    if (value !== undefined && value !== "" && !isCityDay(value))
      return { ok: false, refusal: { key: "DASHBOARD_RANGE_INVALID.date", params: { name, value: shown(value) } } };
  }
  const to = toText || context.today;
  const from = fromText || addDays(to, -(DEFAULT_DAYS - 1));
  if (from > to) return { ok: false, refusal: { key: "DASHBOARD_RANGE_INVALID.reversed", params: { from, to } } };
  const days = daysBetween(from, to);
  if (days > DASHBOARD_MAX_DAYS)
    return { ok: false, refusal: { key: "DASHBOARD_RANGE_INVALID.tooLong", params: { days } } };

  const asked = unitList(query.units ?? query.unit);
  const known = new Set(context.unitIds);
  for (const unit of asked) {
    if (!known.has(unit))
      return { ok: false, refusal: { key: "DASHBOARD_UNIT_UNKNOWN", params: { unit: shown(unit) } } };
    if (context.user.role === "clerk" && !context.user.unitIds.includes(unit))
      return { ok: false, refusal: { key: "DASHBOARD_UNIT_FORBIDDEN", params: { unit } } };
  }
  let unitIds: string[] | null = asked.length > 0 ? asked : null;
  // A clerk with no unit asked for sees their own units, never "every unit".
  if (unitIds === null && context.user.role === "clerk") unitIds = [...context.user.unitIds];
  return { ok: true, query: { range: { from, to }, unitIds } };
}
