import type { Step } from "../../flows/flowTypes";
import type { CompiledFlow } from "./catalogue";
import type { Locale } from "./localized";

/** The short name of a step's field: its own label, else the form field's label, else its id. */
export function stepLabel(compiled: CompiledFlow, step: Step, locale: Locale): string {
  if (step.label) return step.label[locale];
  const field = compiled.formFields.get(step.id);
  if (field) return locale === "vi" ? field.labelVi : field.labelEn;
  if ("question" in step) return step.question[locale];
  return step.id;
}

/** The review group a step's answer is shown under: the form's section heading. */
export function stepGroup(compiled: CompiledFlow, step: Step): string {
  if (step.group) return step.group;
  return compiled.formFields.get(step.id)?.group ?? "Khác";
}
