import type { Flow, Step, Text } from "../../flows/flowTypes";
import type { FormField, ProcedureFacts } from "../../flows/procedureFacts";
import type { City, Unit } from "../../flows/units";
import type { Locale } from "./localized";

/** A procedure fact the city must confirm locally (a fee set by the province), as configured. */
export interface ProcedureOverrides {
  /** Replaces the fee line shown to citizens. */
  fee?: Text;
  /** Replaces the processing-time line shown to citizens. */
  processingTime?: Text;
}

/** A flow ready to run: its steps indexed, and its procedure's facts when it has a form. */
export interface CompiledFlow {
  flow: Flow;
  facts: ProcedureFacts | null;
  stepIndex: ReadonlyMap<string, number>;
  /** The procedure's form fields by key (none for a flow without a form). */
  formFields: ReadonlyMap<string, FormField>;
  /** Fields whose answers decide which steps apply (conditions, branches, choices with goto). */
  routingFields: ReadonlySet<string>;
  /**
   * Paths already computed, by the routing fields' values. A path depends on nothing else, so
   * this memo changes no result; it saves walking every step's conditions on every turn.
   */
  pathMemo: Map<string, readonly Step[]>;
  /** Field → the derived steps made from it (see `derivedSources`), to recompute when it changes. */
  dependents: ReadonlyMap<string, readonly Step[]>;
  overrides: ProcedureOverrides;
}

/**
 * Everything the engine reads besides the conversation: the flows, the city's units, the
 * city. Built and validated once at start-up (see `buildCatalogue`), shared by every turn.
 */
export interface Catalogue {
  flows: ReadonlyMap<string, CompiledFlow>;
  /** The procedures offered in the menu, in menu order. */
  menu: readonly string[];
  units: readonly Unit[];
  city: City;
  /** Message templates by name, compiled once; rendering them is pure. */
  messages: ReadonlyMap<string, Record<Locale, (context: object) => string>>;
}

export function stepOf(compiled: CompiledFlow, stepId: string): Step {
  const index = compiled.stepIndex.get(stepId);
  if (index === undefined) {
    throw new Error(`FLOW_STEP_NOT_FOUND: flow "${compiled.flow.id}" has no step "${stepId}"`);
  }
  return compiled.flow.steps[index]!;
}
