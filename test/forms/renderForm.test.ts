import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROCEDURE_FACTS, type FormField, type ProcedureFacts } from "../../flows/procedureFacts";
import type { Dossier, FieldValue, TableRow } from "../../server/dossier/dossier";
import {
  createFormRenderer,
  FORM_TEMPLATES_DIR,
  formTemplateExists,
  FormRenderError,
  renderForm,
} from "../../server/dossier/renderForm";
import { FORM_EXAMPLES } from "./writeFormExamples";
import {
  consent,
  dots,
  formatDate,
  formatTime,
  mark,
  money,
  signer,
  upper,
  yesNo,
} from "../../server/dossier/formHelpers";

const RECEIPT = "HN-20261127-0042-K7QM";
const CERTIFIED_COPY = "chung-thuc-ban-sao-tu-ban-chinh";

/** Names printed in capitals: civil-status registered persons (TT 04/2020 Điều 31), CT01's
 *  pre-filled declarant, and what the household-business form itself asks for in capitals. */
const PRINTED_IN_CAPITALS: Record<string, string[]> = {
  "dang-ky-khai-sinh": ["childFullName"],
  "dang-ky-khai-tu": ["deceasedFullName"],
  "dang-ky-ket-hon": ["brideFullName", "groomFullName"],
  "cap-giay-xac-nhan-tinh-trang-hon-nhan": ["subjectFullName"],
  "dang-ky-thuong-tru": ["fullName"],
  "dang-ky-ho-kinh-doanh": ["ownerFullName", "businessName"],
};

function dossierFor(procedureId: string, fields: Record<string, FieldValue>): Dossier {
  return {
    code: RECEIPT,
    procedureId,
    unitId: "an-binh",
    status: "submitted",
    fields,
    provenance: {},
    submission: { submitMethod: "online", returnMethod: "postal" },
    documents: [],
    attachments: {},
    locale: "vi",
    createdAt: "2026-11-27T08:00:00.000Z",
    updatedAt: "2026-11-27T08:00:00.000Z",
  };
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** A distinct date per index: the year alone tells fields apart. */
function sampleDate(i: number): string {
  return `${pad2(1 + ((i * 7) % 28))}/${pad2(1 + (i % 12))}/${1900 + i}`;
}

/** A complete value for every field, each one recognisable: "V-<key>", a date, 9000+i… */
function sampleFields(facts: ProcedureFacts): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  facts.form.fields.forEach((field, i) => {
    switch (field.type) {
      case "table":
        fields[field.key] = [0, 1].map((r) => {
          const row: TableRow = {};
          (field.columns ?? []).forEach((column, j) => {
            // A row's signature is signed on paper, never typed (the household business's members).
            if (column.type === "signature") row[column.key] = null;
            else if (column.type === "date") row[column.key] = sampleDate(100 + i * 10 + r * 5 + j);
            else if (column.type === "boolean") row[column.key] = r === 0;
            else row[column.key] = `V-${field.key}-${r}-${column.key}`;
          });
          return row;
        });
        break;
      case "date":
        fields[field.key] = sampleDate(i);
        break;
      case "time":
        fields[field.key] = `${10 + (i % 12)}:${10 + (i % 49)}`;
        break;
      case "boolean":
        fields[field.key] = true;
        break;
      case "integer":
        fields[field.key] = 9000 + i;
        break;
      default:
        fields[field.key] = `V-${field.key}`;
    }
  });
  return fields;
}

/** What a reader sees: no style sheet, tags as spaces, entities decoded. */
function pageText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, " ")
    .replace(/<\/?(span|sup|strong|em|b)\b[^>]*>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, "=")
    .replace(/&#x60;/g, "`")
    .replace(/&emsp;/g, " ")
    .replace(/&amp;/g, "&");
}

/** Comparison tokens: lower case, footnote markers "(3)" and punctuation dropped, digit-group
 *  dots joined ("9.021" → "9021"), runs of "…" as one "…". */
function tokens(s: string): string[] {
  return s
    .normalize("NFC")
    .toLocaleLowerCase("vi-VN")
    .replace(/\(\d+\)/g, " ")
    .replace(/(\d)\.(?=\d)/g, "$1")
    .replace(/…+/g, " … ")
    .replace(/[.,;:()?'"]/g, " ")
    .split(/\s+/)
    .filter((t) => t !== "");
}

/** A label without its chatbot notes: "(người yêu cầu)", "(nếu có)", leading "1." / "(7)". */
function paperLabel(label: string): string {
  let s = label.trim();
  while (/\s*\([^()]*\)\s*$/.test(s) && !/^\([^()]*\)$/.test(s)) s = s.replace(/\s*\([^()]*\)\s*$/, "");
  return s.replace(/^(\(\d+\)\s*)?\d+(\.\d+)*\.\s*/, "");
}

function seqAt(hay: string[], seq: string[], at: number): boolean {
  return seq.every((t, k) => hay[at + k] === t);
}

function findSeq(hay: string[], seq: string[], from: number): number {
  for (let i = Math.max(0, from); i + seq.length <= hay.length; i++) if (seqAt(hay, seq, i)) return i;
  return -1;
}

/** The words of a label in order, within a span of twice its length plus a few words. */
function findWords(hay: string[], words: string[], from: number): { start: number; end: number } | null {
  const maxSpan = words.length * 2 + 6;
  for (let start = Math.max(0, from); start < hay.length; start++) {
    if (hay[start] !== words[0]) continue;
    let k = 1;
    let i = start + 1;
    for (; i < hay.length && k < words.length && i - start < maxSpan; i++) if (hay[i] === words[k]) k++;
    if (k === words.length) return { start, end: i };
  }
  return null;
}

/** The parts that fill a "… ngày … tháng … năm …" blank; month 1 and 2 with a zero (NĐ 30/2020). */
function blankParts(field: FormField, value: FieldValue): string[] {
  if (value === null) return field.type === "time" ? ["…", "…"] : field.type === "date" ? ["…", "…", "…"] : ["…"];
  if (field.type === "date") {
    const [d, m, y] = String(value).split("/").map(Number) as [number, number, number];
    return [pad2(d), m <= 2 ? pad2(m) : String(m), String(y)];
  }
  if (field.type === "time")
    return String(value)
      .split(":")
      .map((p) => pad2(Number(p)));
  return [String(value)];
}

/** A label with blanks ("Do … cấp", "Cấp ngày … tháng … năm") filled with the value. */
function filledLabel(field: FormField, value: FieldValue): string[] {
  const pieces = paperLabel(field.labelVi)
    .split("…")
    .map((p) => p.replace(/^[\s,]+|[\s,]+$/g, ""));
  while (pieces[0] === "") pieces.shift();
  while (pieces[pieces.length - 1] === "") pieces.pop();
  const parts = blankParts(field, value);
  return tokens(pieces.flatMap((piece, i) => (parts[i] === undefined ? [piece] : [piece, parts[i]])).join(" "));
}

function valueTokens(field: FormField, value: FieldValue): string[] {
  if (field.type === "boolean")
    return tokens(value === true ? "Có ☒ Không ☐" : value === false ? "Có ☐ Không ☒" : "Có ☐ Không ☐");
  if (value === null) return ["…"];
  return tokens(String(value));
}

/**
 * The fields in the order a reader meets them on paper: the form's order, except that the
 * marriage form's Bên nữ | Bên nam table reads row by row and signatures close the form,
 * under the date line that dates them.
 */
function paperOrder(facts: ProcedureFacts): { field: FormField; twin: boolean }[] {
  const fields = facts.form.fields.filter((f) => f.type !== "signature");
  const groom = fields.filter((f) => f.group === "Bên nam");
  const order: { field: FormField; twin: boolean }[] = [];
  for (const field of fields) {
    if (field.group === "Bên nam") continue;
    order.push({ field, twin: false });
    if (field.group === "Bên nữ") {
      const twin = groom.find((g) => g.key === field.key.replace(/^bride/, "groom"));
      if (!twin) throw new Error(`no groom field for ${field.key}`);
      order.push({ field: twin, twin: true });
    }
  }
  return [
    ...order,
    ...facts.form.fields.filter((f) => f.type === "signature").map((field) => ({ field, twin: false })),
  ];
}

/**
 * Walks the page in paper order and checks each field: its label, then its value a few words
 * later (or, for labels with blanks, the label filled with the value); tables: caption, column
 * headers, then every cell row by row.
 */
function expectFieldsInOrder(facts: ProcedureFacts, html: string, fields: Record<string, FieldValue>): void {
  const hay = tokens(pageText(html));
  const fail = (field: FormField, what: string): never => {
    throw new Error(`${facts.id}: ${field.key} (${field.labelVi}): ${what}`);
  };
  let cursor = 0;
  for (const { field, twin } of paperOrder(facts)) {
    const value = fields[field.key] ?? null;
    if (field.type === "table") {
      const caption = findWords(hay, tokens(paperLabel(field.labelVi)), cursor) ?? fail(field, "caption not found");
      const headers = (field.columns ?? []).flatMap((c) => tokens(paperLabel(c.labelVi)));
      let at = caption.end;
      for (const word of headers) {
        at = hay.indexOf(word, at);
        if (at < 0) fail(field, `column header word "${word}" not found in order`);
        at += 1;
      }
      cursor = at;
      for (const row of Array.isArray(value) ? value : []) {
        for (const column of field.columns ?? []) {
          const cell = row[column.key] ?? null;
          if (cell === null || cell === false) continue;
          const expected = column.type === "boolean" ? ["x"] : tokens(String(cell));
          const found = findSeq(hay, expected, cursor);
          if (found < 0) fail(field, `cell ${column.key} "${String(cell)}" not found after the previous one`);
          cursor = found + 1;
        }
      }
      continue;
    }
    if (paperLabel(field.labelVi).includes("…")) {
      const expected = filledLabel(field, value);
      const found = findSeq(hay, expected, cursor);
      if (found < 0) fail(field, `"${expected.join(" ")}" not found after the previous field`);
      cursor = found + 1;
      continue;
    }
    const expected = valueTokens(field, value);
    if (twin) {
      const found = findSeq(hay, expected, cursor);
      if (found < 0 || found - cursor > 12) fail(field, `"${expected.join(" ")}" is not next to its Bên nữ cell`);
      cursor = found + 1;
      continue;
    }
    const [head, sub] = field.labelVi.split(" – ") as [string, string | undefined];
    const labelWords = tokens(paperLabel(sub ?? head));
    let found = -1;
    for (let label = findWords(hay, labelWords, cursor); label; label = findWords(hay, labelWords, label.start + 1)) {
      const at = findSeq(hay, expected, label.end);
      if (at >= 0 && at - label.end <= 12) {
        found = at;
        break;
      }
    }
    if (found < 0) fail(field, `value "${expected.join(" ")}" not found within a few words after its label`);
    if (sub !== undefined && !findWords(hay.slice(0, found), tokens(paperLabel(head)), 0))
      fail(field, `heading "${head}" not printed`);
    cursor = found + 1;
  }
}

describe("renderForm", () => {
  describe.each(PROCEDURE_FACTS.map((facts) => [facts.id, facts] as const))("%s", (_id, facts) => {
    const fields = sampleFields(facts);
    const html = renderForm(dossierFor(facts.id, fields));
    const text = pageText(html);

    it("prints every field of procedures.json with its label, in the form's order", () => {
      expectFieldsInOrder(facts, html, fields);
    });

    it("prints empty fields as dotted lines and still renders every label", () => {
      const empty = renderForm(dossierFor(facts.id, {}));
      expectFieldsInOrder(facts, empty, {});
      expect(tokens(pageText(empty)).filter((t) => t === "…").length).toBeGreaterThanOrEqual(
        facts.form.fields.filter((f) => !["table", "boolean"].includes(f.type)).length,
      );
    });

    it("prints the form's title and the receipt code", () => {
      expect(findSeq(tokens(text), tokens(facts.form.title), 0)).toBeGreaterThanOrEqual(0);
      expect(text).toContain(`Mã hồ sơ: ${RECEIPT}`);
      expect(html).toMatch(/^<!doctype html>/);
    });

    it("is a self-contained page with A4 print CSS and no scripts or external resources", () => {
      expect(html).toContain("@page { size: A4; margin: 2cm; }");
      expect(html).toMatch(/"Times New Roman"/);
      expect(html).toMatch(/tr, [^{]*\{ break-inside: avoid; page-break-inside: avoid; \}/);
      expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|@import|url\(/i);
    });

    it("escapes citizen text and never compiles it", () => {
      const hostile: Record<string, FieldValue> = {};
      const attack = (key: string): string => `<script>alert("${key}")</script>{{constructor}}`;
      for (const field of facts.form.fields) {
        if (field.type === "table") {
          hostile[field.key] = [
            Object.fromEntries(
              (field.columns ?? [])
                .filter((c) => c.type !== "signature")
                .map((c) => [c.key, attack(`${field.key}.${c.key}`)]),
            ),
          ];
        } else if (!["boolean", "integer", "date", "time"].includes(field.type)) {
          hostile[field.key] = attack(field.key);
        }
      }
      const page = renderForm(dossierFor(facts.id, hostile));
      expect(page).not.toMatch(/<script/i);
      const lower = page.toLowerCase();
      for (const [key, value] of Object.entries(hostile)) {
        const cells = Array.isArray(value) ? Object.values(value[0] ?? {}) : [value];
        for (const c of cells) {
          const escaped = String(c).replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
          if (!lower.includes(escaped.toLowerCase())) throw new Error(`${facts.id}: ${key} not printed escaped`);
        }
      }
    });
  });

  describe.each(PROCEDURE_FACTS.filter((f) => f.id !== CERTIFIED_COPY).map((f) => [f.id] as const))("%s", (id) => {
    it("opens with the national heading, its motto underlined, and 'Kính gửi'", () => {
      const html = renderForm(dossierFor(id, {}));
      const text = pageText(html);
      expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
      expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
      expect(html).toMatch(/\.tieu-ngu \{[^}]*border-bottom: 1px solid #000/);
      expect(html).toContain('<div class="tieu-ngu">Độc lập - Tự do - Hạnh phúc</div>');
      expect(text).toMatch(/Kính gửi\s*(\(1\)\s*)?:/);
    });

    it("closes with a signature block that prints the signer's name", () => {
      const fields = sampleFields(PROCEDURE_FACTS.find((f) => f.id === id)!);
      const html = renderForm(dossierFor(id, fields));
      const names = html.match(/<div class="sign">[\s\S]*?<\/div>\s*<\/div>|NGƯỜI KÊ KHAI[\s\S]*?<\/td>/g) ?? [];
      expect(names.length).toBeGreaterThan(0);
      for (const block of names) expect(pageText(block)).toMatch(/\(Ký[^)]*\)\s+V-\w+/);
    });
  });

  it("prints 'NGƯỜI YÊU CẦU (Ký, ghi rõ họ, chữ đệm, tên)' with the requester's name on civil-status forms", () => {
    for (const id of ["dang-ky-khai-sinh", "dang-ky-khai-tu", "cap-giay-xac-nhan-tinh-trang-hon-nhan"]) {
      const text = pageText(
        renderForm(
          dossierFor(id, {
            requesterFullName: "Trần Thị Bích",
            placeSigned: "phường An Bình",
            dateSigned: "27/11/2026",
          }),
        ),
      );
      expect(text.replace(/\s+/g, " ")).toContain("NGƯỜI YÊU CẦU (Ký, ghi rõ họ, chữ đệm, tên) Trần Thị Bích");
      expect(text.replace(/\s+/g, " ")).toContain("Làm tại: phường An Bình, ngày 27 tháng 11 năm 2026");
    }
  });

  it("prints the registered person's name in capitals without changing the dossier", () => {
    for (const [id, keys] of Object.entries(PRINTED_IN_CAPITALS)) {
      const fields = Object.fromEntries(keys.map((k) => [k, "Nguyễn Thị Ánh Đào"]));
      const dossier = dossierFor(id, fields);
      const before = structuredClone(dossier);
      const text = pageText(renderForm(dossier));
      expect(text).toContain("NGUYỄN THỊ ÁNH ĐÀO");
      expect(dossier).toEqual(before);
    }
  });

  it("lays the marriage form out as a Bên nữ | Bên nam table", () => {
    const html = renderForm(
      dossierFor("dang-ky-ket-hon", { brideFullName: "Lê Thị Hoa", groomFullName: "Phạm Văn Minh" }),
    );
    expect(pageText(html).replace(/\s+/g, " ")).toContain(
      "Thông tin Bên nữ Bên nam Họ, chữ đệm, tên LÊ THỊ HOA PHẠM VĂN MINH",
    );
    expect(pageText(html).replace(/\s+/g, " ")).toMatch(
      /BÊN NỮ \(Ký, ghi rõ họ, chữ đệm, tên\) Lê Thị Hoa BÊN NAM \(Ký, ghi rõ họ, chữ đệm, tên\) Phạm Văn Minh/,
    );
  });

  it("prints the form code where it is known", () => {
    expect(pageText(renderForm(dossierFor("dang-ky-thuong-tru", {})))).toContain("Mẫu CT01");
    expect(pageText(renderForm(dossierFor("cap-phieu-ly-lich-tu-phap", {})))).toContain("Mẫu số 03/2013/TT-LLTP");
  });

  it("states on the certified-copy page that it is not a State form, without the national heading", () => {
    const text = pageText(
      renderForm(dossierFor(CERTIFIED_COPY, sampleFields(PROCEDURE_FACTS.find((f) => f.id === CERTIFIED_COPY)!))),
    );
    expect(text).toContain("Phiếu thông tin – không phải mẫu tờ khai của Nhà nước");
    expect(text).toContain("Nghị định 23/2015/NĐ-CP, Điều 20 khoản 1");
    expect(text).not.toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  });

  it("throws FORM_TEMPLATE_NOT_FOUND naming a procedure without a template", () => {
    for (const id of ["dang-ky-nuoi-con-nuoi", "../../package", "Dang-Ky-Khai-Sinh"]) {
      let error: unknown;
      try {
        renderForm(dossierFor(id, {}));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FormRenderError);
      expect((error as FormRenderError).code).toBe("FORM_TEMPLATE_NOT_FOUND");
      expect((error as FormRenderError).message).toContain(`"${id}"`);
    }
  });

  it("throws FORM_FIELD_INVALID when a table field holds text or a text field holds a table", () => {
    expect(() => renderForm(dossierFor("dang-ky-thuong-tru", { householdMembers: "Nguyễn Văn An" }))).toThrow(
      /^FORM_FIELD_INVALID: .*householdMembers/,
    );
    expect(() => renderForm(dossierFor("dang-ky-thuong-tru", { fullName: [{ a: "b" }] }))).toThrow(
      /^FORM_FIELD_INVALID: .*fullName/,
    );
  });
});

describe("docs/forms examples", () => {
  it.each(FORM_EXAMPLES.map((d) => [d.procedureId, d] as const))(
    "%s gives a value or an explicit null for every field",
    (_id, dossier) => {
      const keys = PROCEDURE_FACTS.find((f) => f.id === dossier.procedureId)!.form.fields.map((f) => f.key);
      expect(Object.keys(dossier.fields).sort()).toEqual([...keys].sort());
    },
  );

  it.each(FORM_EXAMPLES.map((d) => [d.procedureId, d] as const))(
    "%s matches docs/forms (regenerate with npx tsx test/forms/writeFormExamples.ts)",
    (id, dossier) => {
      const file = path.resolve(__dirname, "../../docs/forms", `${id}.html`);
      expect(fs.readFileSync(file, "utf8")).toBe(renderForm(dossier));
    },
  );
});

describe("formTemplateExists", () => {
  it("is true for each of the eight procedures", () => {
    for (const facts of PROCEDURE_FACTS) expect(formTemplateExists(facts.id)).toBe(true);
  });

  it("is false for an unknown id and for ids that are not file names", () => {
    expect(formTemplateExists("dang-ky-nuoi-con-nuoi")).toBe(false);
    expect(formTemplateExists("../forms/dang-ky-khai-sinh")).toBe(false);
    expect(formTemplateExists("partials/layout")).toBe(false);
    expect(formTemplateExists("")).toBe(false);
  });
});

describe("createFormRenderer", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "khai-ho-forms-"));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const renderWith = (template: string): string => {
    fs.writeFileSync(path.join(dir, "dang-ky-khai-sinh.hbs"), template);
    return createFormRenderer(dir).renderForm(dossierFor("dang-ky-khai-sinh", { childFullName: "An" }));
  };

  it.each([
    ["a plain lookup", "<p>{{childFulName}}</p>"],
    ["a helper argument", "<p>{{dots childFulName}}</p>"],
    ["an #if", "{{#if childFulName}}x{{/if}}"],
    ["an #each", "{{#each houseMembers}}x{{/each}}"],
    ["an unknown helper", "<p>{{dot childFullName}}</p>"],
  ])("throws FORM_TEMPLATE_INVALID naming the file when a template misspells %s", (_what, template) => {
    expect(() => renderWith(template)).toThrow(/^FORM_TEMPLATE_INVALID: .*dang-ky-khai-sinh\.hbs/);
  });

  it("renders a field that is empty in the dossier without throwing", () => {
    expect(renderWith("<p>{{dots childFullName}}|{{dots motherFullName 3}}|{{motherFullName}}</p>")).toBe(
      "<p>An|………|</p>",
    );
  });

  it("compiles each template once: rendering again works after the file is gone", () => {
    const renderer = createFormRenderer(dir);
    fs.writeFileSync(path.join(dir, "dang-ky-khai-sinh.hbs"), "<p>{{upper childFullName}}</p>");
    const dossier = dossierFor("dang-ky-khai-sinh", { childFullName: "An" });
    expect(renderer.renderForm(dossier)).toBe("<p>AN</p>");
    fs.rmSync(path.join(dir, "dang-ky-khai-sinh.hbs"));
    expect(renderer.renderForm(dossier)).toBe("<p>AN</p>");
  });

  it("ships its templates in templates/forms", () => {
    expect(fs.existsSync(path.join(FORM_TEMPLATES_DIR, "partials", "layout.hbs"))).toBe(true);
  });
});

describe("form helpers", () => {
  it("writes days below 10 and the months 1 and 2 with a leading zero (NĐ 30/2020)", () => {
    expect(formatDate("5/2/2026", "long")).toBe("ngày 05 tháng 02 năm 2026");
    expect(formatDate("15/11/2026", "long")).toBe("ngày 15 tháng 11 năm 2026");
    expect(formatDate("01/03/2026", "long")).toBe("ngày 01 tháng 3 năm 2026");
    expect(formatDate(null, "long")).toBe("ngày …… tháng …… năm ……");
    expect(formatDate("5/3/2026")).toBe("05/03/2026");
  });

  it("prints a value that is not a date as given", () => {
    expect(formatDate("1950")).toBe("1950");
    expect(formatDate("1950", "long")).toBe("1950");
  });

  it("prints times as '… giờ … phút'", () => {
    expect(formatTime("9:05")).toBe("09 giờ 05 phút");
    expect(formatTime(null)).toBe("…… giờ …… phút");
  });

  it("prints Vietnamese capitals with their diacritics", () => {
    expect(upper("đặng thị ngọc ánh")).toBe("ĐẶNG THỊ NGỌC ÁNH");
    expect(upper("Nguye\u0302\u0303n")).toBe("NGUYỄN");
  });

  it("prints empty values as dots and booleans as Có/Không", () => {
    expect(dots(null)).toBe("…".repeat(10));
    expect(dots("  ", 3)).toBe("………");
    expect(dots(0)).toBe("0");
    expect(dots(false)).toBe("Không");
    expect(() => dots([])).toThrow(/table/);
  });

  it("ticks Có or Không from a boolean or the option text", () => {
    expect(yesNo(true)).toBe("Có ☒, Không ☐");
    expect(yesNo("không")).toBe("Có ☐, Không ☒");
    expect(yesNo(null)).toBe("Có ☐, Không ☐");
    expect(mark(true)).toBe("X");
    expect(mark(false)).toBe("");
  });

  it("groups money with dots", () => {
    expect(money(150000000)).toBe("150.000.000");
    expect(money("2500000")).toBe("2.500.000");
  });

  it("prints consent and signer names", () => {
    expect(consent(true)).toBe("Đồng ý");
    expect(consent(false)).toBe("Không đồng ý");
    expect(signer(true, "Lê Văn Cường")).toBe("Lê Văn Cường");
    expect(signer("Lê V. Cường", "Lê Văn Cường")).toBe("Lê V. Cường");
  });
});
