import { ALL_FLOWS } from "../flows/catalogue";
import { HONG_NGU_CITY, HONG_NGU_UNITS_2022, type Unit } from "../flows/units";
import { formTemplateExists } from "./dossier/renderForm";
import { buildCatalogue } from "./engine/buildCatalogue";
import type { Catalogue } from "./engine/catalogue";

/**
 * The catalogue on the embedded defaults: all flows, Hồng Ngự's city and (unless given others)
 * its seven units of 2022. It joins the engine with the dossier's form templates, so it sits
 * above both.
 */
export function defaultCatalogue(units: readonly Unit[] = HONG_NGU_UNITS_2022): Catalogue {
  return buildCatalogue({ flows: ALL_FLOWS, units, city: HONG_NGU_CITY, formTemplateExists });
}
