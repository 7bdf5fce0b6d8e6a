import { z } from "zod";
import rawProcedures from "./procedures.json";

const fieldTypeSchema = z.enum([
  "string",
  "textarea",
  "date",
  "time",
  "address",
  "select",
  "boolean",
  "integer",
  "phone",
  "email",
  "image",
  "signature",
  "consent",
  "table",
]);

const columnSchema = z.object({
  key: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  type: fieldTypeSchema,
  required: z.boolean(),
  rule: z.string().optional(),
  options: z.array(z.string()).optional(),
});

const formFieldSchema = columnSchema.extend({
  group: z.string(),
  columns: z.array(columnSchema).optional(),
});

const procedureFactsSchema = z.object({
  id: z.string(),
  dvcCode: z.string().nullable(),
  nameVi: z.string(),
  nameEn: z.string(),
  authority: z.string(),
  legalBasis: z.array(z.string()),
  form: z.object({
    code: z.string(),
    title: z.string(),
    fields: z.array(formFieldSchema),
    fieldsConfidence: z.string().optional(),
  }),
  documents: z.array(z.string()),
  /** null where the amount is set by the province and not confirmed for this city. */
  feeVnd: z.number().nullable(),
  feeNote: z.string(),
  /** 0 means "on the spot"; null where unknown. */
  processingDays: z.number().nullable(),
  processingNote: z.string(),
  fullyOnline: z.boolean(),
  onlineLevel: z.string(),
});

export type FormFieldType = z.infer<typeof fieldTypeSchema>;
export type FormColumn = z.infer<typeof columnSchema>;
export type FormField = z.infer<typeof formFieldSchema>;
export type ProcedureFacts = z.infer<typeof procedureFactsSchema>;

/**
 * The facts of the eight procedures — form fields, documents, fees, time limits, authority —
 * as recorded in `procedures.json` (a copy of the project's procedure reference; a test keeps
 * the two identical). Validated once, at load.
 */
export const PROCEDURE_FACTS: readonly ProcedureFacts[] = Object.freeze(
  z.array(procedureFactsSchema).parse(rawProcedures),
);

/** The facts of one procedure; throws when the id is not one of the eight. */
export function procedureFacts(procedureId: string): ProcedureFacts {
  const facts = PROCEDURE_FACTS.find((p) => p.id === procedureId);
  if (!facts) {
    throw new Error(
      `PROCEDURE_NOT_FOUND: no procedure "${procedureId}" in procedures.json; known: ` +
        `${PROCEDURE_FACTS.map((p) => p.id).join(", ")}`,
    );
  }
  return facts;
}

/** One form field of a procedure, by its key. */
export function formField(procedureId: string, key: string): FormField {
  const field = procedureFacts(procedureId).form.fields.find((f) => f.key === key);
  if (!field) {
    throw new Error(`FLOW_FIELD_NOT_FOUND: procedure "${procedureId}" has no form field "${key}" in procedures.json`);
  }
  return field;
}
