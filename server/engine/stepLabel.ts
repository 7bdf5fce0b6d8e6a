import type { Step, Text, Value } from "../../flows/flowTypes";
import type { CompiledFlow } from "./catalogue";
import { fieldOwner } from "./fieldOwner";
import { isQuestion } from "./flowPath";
import type { Locale } from "./localized";

const FULL_DATE = /^\d{2}\/\d{2}\/\d{4}$/;

/**
 * A year-or-date field (a parent's date of birth, "or just the year") is named after what was
 * given: a full date under "Năm sinh" reads as a mistake to the citizen checking it.
 */
function yearOrDateLabel(value: Value | undefined): Text {
  return typeof value === "string" && FULL_DATE.test(value)
    ? { vi: "Ngày sinh", en: "Date of birth" }
    : { vi: "Năm sinh", en: "Year of birth" };
}

/** The field's own name: the step's label, else the form field's, else its question, else its id. */
function plainLabel(compiled: CompiledFlow, step: Step, value: Value | undefined): Text {
  if (step.kind === "ask" && step.type === "yearOrDate") return yearOrDateLabel(value);
  if (step.label) return step.label;
  const field = compiled.formFields.get(step.id);
  if (field) return { vi: field.labelVi, en: field.labelEn };
  if ("question" in step) return step.question;
  return { vi: step.id, en: step.id };
}

// The names several questions of a flow share, per flow: computed once, flows never change.
const sharedNames = new WeakMap<CompiledFlow, ReadonlySet<string>>();

function namesSharedIn(compiled: CompiledFlow): ReadonlySet<string> {
  let shared = sharedNames.get(compiled);
  if (shared) return shared;
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const step of compiled.flow.steps) {
    if (!isQuestion(step) || step.kind === "review") continue;
    const name = plainLabel(compiled, step, undefined);
    for (const key of [`vi:${name.vi}`, `en:${name.en}`]) {
      if (seen.has(key)) repeated.add(key);
      seen.add(key);
    }
  }
  shared = repeated;
  sharedNames.set(compiled, shared);
  return shared;
}

/** "Điện thoại (nếu có)" → "Điện thoại": the owner takes the brackets' place. */
function withoutTrailingNote(label: string): string {
  return label.replace(/\s*\([^()]*\)\s*$/, "") || label;
}

function withoutOwnerPrefix(label: string, prefixes: readonly string[]): string {
  for (const prefix of prefixes) {
    if (label.startsWith(`${prefix} `)) {
      const rest = label.slice(prefix.length + 1);
      return rest.charAt(0).toUpperCase() + rest.slice(1);
    }
  }
  return label;
}

/**
 * The short name of a step's field, for the review, the edit buttons and the clerk's field
 * list: its own label, else the form field's label, else its question. A name the flow uses for
 * several people's fields says whose this one is ("Dân tộc (mẹ)", "Ethnicity (mother)").
 * `value`, the answer, where the name depends on it (a year-or-date field).
 */
export function stepLabel(compiled: CompiledFlow, step: Step, locale: Locale, value?: Value): string {
  const name = plainLabel(compiled, step, value);
  const owner = fieldOwner(stepGroup(compiled, step));
  if (!owner) return name[locale];
  const general = plainLabel(compiled, step, undefined);
  const shared = namesSharedIn(compiled);
  if (!shared.has(`vi:${general.vi}`) && !shared.has(`en:${general.en}`)) return name[locale];
  const base =
    locale === "vi"
      ? withoutTrailingNote(name.vi)
      : withoutOwnerPrefix(withoutTrailingNote(name.en), owner.englishPrefixes);
  return `${base} (${owner.name[locale]})`;
}

/** The review group a step's answer is shown under: the form's section heading. */
export function stepGroup(compiled: CompiledFlow, step: Step): string {
  if (step.group) return step.group;
  return compiled.formFields.get(step.id)?.group ?? "Khác";
}
