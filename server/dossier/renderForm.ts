import fs from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import { procedureFacts, type ProcedureFacts } from "../../flows/procedureFacts";
import type { Dossier, FieldValue, TableRow } from "./dossier";
import { registerFormHelpers } from "./formHelpers";
import { PROJECT_ROOT } from "../projectRoot";

/** Why a form could not be rendered. */
export type FormRenderErrorCode =
  /** No `templates/forms/<procedureId>.hbs`. */
  | "FORM_TEMPLATE_NOT_FOUND"
  /** The template does not compile, or names a field, helper or partial that does not exist. */
  | "FORM_TEMPLATE_INVALID"
  /** A dossier value has the wrong shape: a table where one value is expected, or the reverse. */
  | "FORM_FIELD_INVALID";

/**
 * A broken invariant while rendering a form; the message names the procedure and the file.
 *
 * @example
 * try { renderForm(dossier) } catch (e) { if (e instanceof FormRenderError && e.code === "FORM_TEMPLATE_NOT_FOUND") … }
 */
export class FormRenderError extends Error {
  readonly code: FormRenderErrorCode;

  constructor(code: FormRenderErrorCode, message: string, options?: { cause?: unknown }) {
    super(`${code}: ${message}`, options);
    this.name = "FormRenderError";
    this.code = code;
  }
}

/** Renders dossiers with the templates of one folder. */
export interface FormRenderer {
  renderForm(dossier: Dossier): string;
  formTemplateExists(procedureId: string): boolean;
}

/** Where the shipped templates live: `templates/forms/` at the repository root. */
export const FORM_TEMPLATES_DIR = path.join(PROJECT_ROOT, "templates/forms");

/** Procedure ids are kebab-case; anything else (`../x`, `a/b`) cannot name a template file. */
const PROCEDURE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The template values of a form: every field key of the procedure, `null` when empty. */
type FormContext = Record<string, FieldValue>;

/**
 * Builds a renderer over a folder holding `<procedureId>.hbs` and `partials/*.hbs`.
 * Templates compile once each, at first use, in strict mode on an isolated Handlebars instance;
 * a template that names a field the form does not have throws `FORM_TEMPLATE_INVALID` instead of
 * printing a blank.
 *
 * @example
 * const { renderForm } = createFormRenderer("/srv/khai-ho/templates/forms");
 * const html = renderForm(dossier);
 */
export function createFormRenderer(templatesDir: string): FormRenderer {
  const hb = Handlebars.create();
  const knownHelpers = registerFormHelpers(hb);
  const compileOptions: CompileOptions = {
    strict: true,
    knownHelpers,
    knownHelpersOnly: true,
  };
  const templates = new Map<string, HandlebarsTemplateDelegate>();
  let partialsLoaded = false;

  const templatePath = (procedureId: string): string => path.join(templatesDir, `${procedureId}.hbs`);
  const relative = (file: string): string => path.relative(path.resolve(templatesDir, "../.."), file);

  function formTemplateExists(procedureId: string): boolean {
    return PROCEDURE_ID.test(procedureId) && fs.existsSync(templatePath(procedureId));
  }

  function loadPartials(): void {
    if (partialsLoaded) return;
    const dir = path.join(templatesDir, "partials");
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".hbs")) : [];
    for (const file of files) {
      const source = fs.readFileSync(path.join(dir, file), "utf8");
      hb.registerPartial(path.basename(file, ".hbs"), hb.compile(source, compileOptions));
    }
    partialsLoaded = true;
  }

  function template(procedureId: string): HandlebarsTemplateDelegate {
    const cached = templates.get(procedureId);
    if (cached) return cached;
    if (!formTemplateExists(procedureId)) {
      throw new FormRenderError(
        "FORM_TEMPLATE_NOT_FOUND",
        `no form template for procedure "${procedureId}"; add ${relative(templatePath(procedureId))}`,
      );
    }
    loadPartials();
    const compiled = hb.compile(fs.readFileSync(templatePath(procedureId), "utf8"), compileOptions);
    templates.set(procedureId, compiled);
    return compiled;
  }

  function renderForm(dossier: Dossier): string {
    const compiled = template(dossier.procedureId);
    const context = formContext(procedureFacts(dossier.procedureId), dossier.fields);
    try {
      return compiled(context, { data: { receiptCode: dossier.code } });
    } catch (err) {
      throw new FormRenderError(
        "FORM_TEMPLATE_INVALID",
        `${relative(templatePath(dossier.procedureId))} (procedure "${dossier.procedureId}"): ` +
          `${(err as Error).message}`,
        { cause: err },
      );
    }
  }

  return { renderForm, formTemplateExists };
}

/**
 * Every field of the procedure's form, in a fresh object: missing ones as `null` (strict mode
 * then tells an empty field from a misspelt one), table rows with every column. The dossier
 * itself is never modified.
 */
function formContext(facts: ProcedureFacts, fields: Record<string, FieldValue>): FormContext {
  const context: FormContext = {};
  for (const field of facts.form.fields) {
    const value = Object.hasOwn(fields, field.key) ? fields[field.key] : undefined;
    if (field.type === "table") {
      if (value !== undefined && value !== null && !Array.isArray(value)) {
        throw new FormRenderError(
          "FORM_FIELD_INVALID",
          `procedure "${facts.id}": field "${field.key}" is a table but holds ${typeof value}`,
        );
      }
      const columns = field.columns ?? [];
      context[field.key] = (value ?? []).map((row) => {
        const out: TableRow = {};
        for (const column of columns) {
          out[column.key] = Object.hasOwn(row, column.key) ? (row[column.key] ?? null) : null;
        }
        return out;
      });
    } else {
      if (value !== undefined && value !== null && typeof value === "object") {
        throw new FormRenderError(
          "FORM_FIELD_INVALID",
          `procedure "${facts.id}": field "${field.key}" is of type "${field.type}" but holds ` +
            `${Array.isArray(value) ? "a table" : "an object"}`,
        );
      }
      context[field.key] = value ?? null;
    }
  }
  return context;
}

let shipped: FormRenderer | undefined;
const shippedRenderer = (): FormRenderer => (shipped ??= createFormRenderer(FORM_TEMPLATES_DIR));

/**
 * The printable official form of a dossier, as one self-contained HTML page (print CSS for A4,
 * no external resources). Citizen and clerk text is only ever escaped template context.
 *
 * Throws `FORM_TEMPLATE_NOT_FOUND` when the procedure has no template, `FORM_FIELD_INVALID` when
 * a value has the wrong shape, `FORM_TEMPLATE_INVALID` when the template is broken.
 *
 * @example
 * const html = renderForm(dossier); // "<!doctype html>…TỜ KHAI ĐĂNG KÝ KHAI SINH…"
 * res.type("html").send(html);
 */
export function renderForm(dossier: Dossier): string {
  return shippedRenderer().renderForm(dossier);
}

/**
 * Whether `templates/forms/<procedureId>.hbs` exists; flow validation calls it at start-up so
 * a procedure without a printable form fails there, not at the end of a conversation.
 *
 * @example formTemplateExists("dang-ky-khai-sinh") // true
 * @example formTemplateExists("../secrets") // false
 */
export function formTemplateExists(procedureId: string): boolean {
  return shippedRenderer().formTemplateExists(procedureId);
}

/**
 * The Content-Security-Policy a printed form is served with: citizen data shown as HTML, so
 * nothing may load or submit, and nothing may run but the print button's handler, `window.print()`,
 * allowed by its hash (the same policy is in the page's meta tag, `templates/forms/partials/layout.hbs`).
 */
export const FORM_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; " +
  "script-src 'unsafe-hashes' 'sha256-MguIPR6qNR8D3B+eAlK+bIRTZe8t3wkOY4B/56Me9FU='; frame-ancestors 'self'";
