import fc from "fast-check";
import { dateInWords } from "../../server/engine/understanding/dateInWords";
import { numberInWords } from "../../server/engine/understanding/numberInWords";
import { isRealDate, pad } from "../support/parseExpectations";

describe("dateInWords", () => {
  it.each([
    ["05/03/2020", "Ngày năm, tháng ba, năm hai nghìn không trăm hai mươi"],
    ["21/11/2019", "Ngày hai mươi mốt, tháng mười một, năm hai nghìn không trăm mười chín"],
    ["10/10/2010", "Ngày mười, tháng mười, năm hai nghìn không trăm mười"],
    ["04/04/2004", "Ngày bốn, tháng tư, năm hai nghìn không trăm linh bốn"],
    ["01/01/2001", "Ngày một, tháng một, năm hai nghìn không trăm linh một"],
    ["15/12/1995", "Ngày mười lăm, tháng mười hai, năm một nghìn chín trăm chín mươi lăm"],
    ["31/05/1960", "Ngày ba mươi mốt, tháng năm, năm một nghìn chín trăm sáu mươi"],
    ["24/06/2024", "Ngày hai mươi bốn, tháng sáu, năm hai nghìn không trăm hai mươi bốn"],
  ])("writes %p as %p", (date, words) => {
    expect(dateInWords(date)).toBe(words);
  });

  it("calls month 4 tư while day 4 stays bốn", () => {
    expect(dateInWords("04/04/2020")).toMatch(/^Ngày bốn, tháng tư,/);
  });

  it.each(["5/3/2020", "31/02/2020", "2020-03-05", "", "05/13/2020"])(
    "throws a RangeError on %p, which is not a valid dd/mm/yyyy",
    (text) => {
      expect(() => dateInWords(text)).toThrow(RangeError);
    },
  );

  it("writes every valid date as Ngày …, tháng …, năm … with the year in numberInWords' reading", () => {
    const validDate = fc
      .record({
        y: fc.integer({ min: 1900, max: 2100 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 31 }),
      })
      .filter(({ d, m, y }) => isRealDate(d, m, y));
    fc.assert(
      fc.property(validDate, ({ d, m, y }) => {
        const words = dateInWords(`${pad(d)}/${pad(m)}/${y}`);
        const dayWords = numberInWords(d).toLowerCase();
        const yearWords = numberInWords(y).toLowerCase();
        expect(words.startsWith(`Ngày ${dayWords}, tháng `)).toBe(true);
        expect(words.endsWith(`, năm ${yearWords}`)).toBe(true);
      }),
    );
  });
});
