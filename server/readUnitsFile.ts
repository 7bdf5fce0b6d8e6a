import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Unit } from "../flows/units";

const unitSchema = z
  .object({
    // Ids travel in the widget's `data-unit`, URLs and the console's transfer requests (≤ 64).
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "id must be a lowercase slug like an-thanh")
      .max(64),
    nameVi: z.string().trim().min(1, "nameVi is empty").max(100),
    // Put before receipt codes that a citizen reads out on the phone: short capitals.
    code: z.string().regex(/^[A-Z0-9]{1,8}$/, "code must be 1–8 capital letters or digits like AT"),
    kind: z.enum(["phuong", "xa"]),
    // Names an address typed without diacritics is offered with ("Khóm 1", "Nguyễn Huệ").
    hamlets: z.array(z.string().trim().min(1).max(100)).max(500).optional(),
    streets: z.array(z.string().trim().min(1).max(100)).max(1000).optional(),
  })
  .strict();

const unitsSchema = z
  .array(unitSchema)
  .min(1, "lists no unit")
  .superRefine((units, ctx) => {
    for (const key of ["id", "code"] as const) {
      const seen = new Set<string>();
      for (const [i, unit] of units.entries()) {
        if (seen.has(unit[key]))
          ctx.addIssue({ code: "custom", path: [i, key], message: `${key} "${unit[key]}" is used twice` });
        seen.add(unit[key]);
      }
    }
  });

/**
 * Reads a city's units: a JSON array of `{ id, nameVi, code, kind }` with, optionally, the unit's
 * `hamlets` and `streets` (the fields of `Unit`).
 * Throws one line naming the problem and where it is (`[2].code: …`).
 *
 * @example readUnitsFile("/etc/khai-ho/units.json") // [{ id: "an-binh", nameVi: "Phường An Bình", code: "AB", kind:
 * "phuong" }]
 */
export function readUnitsFile(file: string): readonly Unit[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`is not JSON: ${(error as Error).message.split("\n")[0]}`);
  }
  const parsed = unitsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path
      .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
      .join("")
      .replace(/^\./, "");
    throw new Error(`${where ? `${where}: ` : ""}${issue.message}`);
  }
  return Object.freeze(parsed.data.map((unit) => Object.freeze(unit)));
}
