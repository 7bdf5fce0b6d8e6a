import type { RequestHandler } from "express";
import type { Unit } from "../../flows/units";
import type { UnitsResponse } from "../channels/web/protocol";

/**
 * `GET /api/units`: the city's units (UNITS_FILE), for the widget's header and any page that
 * offers a choice of unit. Public: the same list the bot offers every citizen.
 */
export function unitsRoute(units: readonly Unit[]): RequestHandler {
  const answer: UnitsResponse = { ok: true, units: units.map((u) => ({ id: u.id, nameVi: u.nameVi, kind: u.kind })) };
  const body = JSON.stringify(answer);
  return (_req, res) => {
    res.set("Cache-Control", "public, max-age=300").type("application/json").send(body);
  };
}
