import type { Computation, Value } from "../../flows/flowTypes";
import type { City, Unit } from "../../flows/units";
import { dateInWords } from "./understanding/dateInWords";
import { parseDate } from "./understanding/parseDate";
import { numberInWords } from "./understanding/numberInWords";

export interface ComputeContext {
  answers: Readonly<Record<string, Value>>;
  unit: Unit | null;
  city: City;
  /** `dd/mm/yyyy`, Asia/Ho_Chi_Minh. */
  today: string;
}

// The addressee line of each kind of authority: civil status goes to the commune People's
// Committee (Luật Hộ tịch Điều 7), residence to the commune police (Luật Cư trú), criminal
// records to the provincial police since 01/3/2025, household businesses to the commune's
// business registration office (NĐ 168/2025).
function addressee(authority: "ubnd" | "congAn" | "lltp" | "dkkd", unit: Unit | null, city: City): string {
  const unitName = unit ? unit.nameVi.replace(/^(Phường|Xã)/, (w) => w.toLowerCase()) : `${city.kind} ${city.name}`;
  switch (authority) {
    case "ubnd":
      return `Ủy ban nhân dân ${unitName}, ${city.kind} ${city.name}, tỉnh ${city.province}`;
    case "congAn":
      return `Công an ${unitName}, ${city.kind} ${city.name}, tỉnh ${city.province}`;
    case "lltp":
      return `Công an tỉnh ${city.province}`;
    case "dkkd":
      return `Cơ quan đăng ký kinh doanh – Ủy ban nhân dân ${unitName}, tỉnh ${city.province}`;
  }
}

/** The value of a field the bot derives from other answers, the unit, the city or the date. */
export function computeField(computation: Computation, context: ComputeContext): Value {
  const { answers } = context;
  switch (computation.fn) {
    case "dateInWords": {
      const date = answers[computation.from];
      const valid = typeof date === "string" ? parseDate(date) : null;
      return valid?.ok ? dateInWords(valid.value) : null;
    }
    case "numberInWords": {
      const amount = answers[computation.from];
      return typeof amount === "number" ? `${numberInWords(amount)} đồng` : null;
    }
    case "addressee":
      return addressee(computation.authority, context.unit, context.city);
    case "signingPlace":
      return context.unit
        ? `${context.unit.nameVi}, ${context.city.kind} ${context.city.name}`
        : `${context.city.kind} ${context.city.name}`;
    case "today":
      return context.today;
    case "copy":
      return answers[computation.from] ?? null;
    case "upper": {
      const value = answers[computation.from];
      return typeof value === "string" ? value.toLocaleUpperCase("vi") : null;
    }
    case "map": {
      const value = answers[computation.from];
      return typeof value === "string" ? (computation.map[value] ?? null) : null;
    }
    case "concat": {
      const parts = computation.from
        .map((key) => answers[key])
        .filter((v) => (typeof v === "string" && v !== "") || typeof v === "number");
      return parts.length > 0 ? parts.join(computation.separator) : null;
    }
    case "constant":
      return computation.value;
  }
}
