import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import type { Flow, Step } from "../../flows/flowTypes";
import { conditionFields, derivedSources } from "./derivedSources";
import { PROCEDURE_FACTS } from "../../flows/procedureFacts";
import type { City, Unit } from "../../flows/units";
import type { Catalogue, CompiledFlow, ProcedureOverrides } from "./catalogue";
import type { Locale } from "./localized";
import { validateFlow } from "./validateFlow";
import { PROJECT_ROOT } from "../projectRoot";

export const TEMPLATES_DIR = path.join(PROJECT_ROOT, "templates");

export interface CatalogueOptions {
  flows: readonly Flow[];
  units: readonly Unit[];
  city: City;
  /** Local values for facts procedures.json marks unconfirmed (fees set by the province). */
  overrides?: Readonly<Record<string, ProcedureOverrides>>;
  /** Whether a printable form exists for a procedure (checked for every dossier flow). */
  formTemplateExists: (procedureId: string) => boolean;
  messagesDir?: string;
}

type MessageTemplates = Map<string, Record<Locale, (context: object) => string>>;

/**
 * Compiles the message templates (`NAME.vi.hbs` and `NAME.en.hbs`) once, in strict mode: a
 * template that names a missing value fails when rendered instead of printing nothing.
 * Citizen text is only ever passed to them as escaped context.
 */
function loadMessageTemplates(dir: string): MessageTemplates {
  const handlebars = Handlebars.create();
  handlebars.registerHelper("isNull", (value: unknown) => value === null || value === undefined);
  handlebars.registerHelper("isZero", (value: unknown) => value === 0);
  handlebars.registerHelper("vnd", (amount: number) => `${amount.toLocaleString("vi-VN")} đ`);
  const templates: MessageTemplates = new Map();
  if (!existsSync(dir)) return templates;
  const files = readdirSync(dir).filter((f) => /\.(vi|en)\.hbs$/.test(f));
  for (const file of files) {
    const [, name, locale] = /^(.+)\.(vi|en)\.hbs$/.exec(file)!;
    // Messages are plain text: every channel shows them as text, never as HTML, so HTML
    // escaping would only print "&amp;" to citizens.
    const compiled = handlebars.compile(readFileSync(path.join(dir, file), "utf8"), { strict: true, noEscape: true });
    const entry = templates.get(name!) ?? ({} as Record<Locale, (context: object) => string>);
    entry[locale as Locale] = compiled;
    templates.set(name!, entry);
  }
  for (const [name, entry] of templates) {
    if (!entry.vi || !entry.en)
      throw new Error(
        `FLOW_TEMPLATE_INCOMPLETE: message template "${name}" needs both ${name}.vi.hbs and ${name}.en.hbs`,
      );
  }
  return templates;
}

/**
 * Validates every flow and puts them together with the units and the city into the catalogue
 * the engine runs on. Called once at start-up; a broken flow stops the start with the flow
 * and step named.
 */
export function buildCatalogue(options: CatalogueOptions): Catalogue {
  const messages = loadMessageTemplates(options.messagesDir ?? path.join(TEMPLATES_DIR, "messages"));
  const flows = new Map<string, CompiledFlow>();
  for (const flow of options.flows) {
    const facts = PROCEDURE_FACTS.find((p) => p.id === flow.id) ?? null;
    validateFlow(flow, {
      facts,
      messageTemplateExists: (name) => messages.has(name),
      formTemplateExists: options.formTemplateExists,
    });
    if (flows.has(flow.id)) throw new Error(`FLOW_DUPLICATE: two flows have the id "${flow.id}"`);
    const dependents = new Map<string, Step[]>();
    for (const step of flow.steps) {
      for (const source of derivedSources(step)) dependents.set(source, [...(dependents.get(source) ?? []), step]);
    }
    const routingFields = new Set<string>();
    for (const step of flow.steps) {
      for (const field of step.when ? conditionFields(step.when) : []) routingFields.add(field);
      if (step.kind === "branch")
        for (const c of step.cases) conditionFields(c.when).forEach((f) => routingFields.add(f));
      if (step.kind === "choose" && step.goto) routingFields.add(step.id);
      if (step.kind === "ask" && step.copyWhen)
        conditionFields(step.copyWhen.when).forEach((f) => routingFields.add(f));
    }
    flows.set(flow.id, {
      routingFields,
      pathMemo: new Map(),
      flow,
      facts,
      stepIndex: new Map(flow.steps.map((s, i) => [s.id, i])),
      formFields: new Map((facts?.form.fields ?? []).map((f) => [f.key, f])),
      dependents,
      overrides: options.overrides?.[flow.id] ?? {},
    });
  }
  return {
    flows,
    menu: options.flows.filter((f) => f.producesDossier).map((f) => f.id),
    units: options.units,
    city: options.city,
    messages,
  };
}
