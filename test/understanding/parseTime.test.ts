import fc from "fast-check";
import { parseTime } from "../../server/engine/understanding/parseTime";
import { expectRejected, expectValue, pad } from "../support/parseExpectations";

const FORMATS: Array<(h: number, m: number) => string> = [
  (h, m) => `${h}:${pad(m)}`,
  (h, m) => `${pad(h)}:${pad(m)}`,
  (h, m) => `${h}h${pad(m)}`,
  (h, m) => `${h}h${m}`,
  (h, m) => `${h} giờ ${m} phút`,
  (h, m) => `${h} gio ${m}`,
  (h, m) => `${h}g${pad(m)}`,
  (h, m) => `${h}.${pad(m)}`,
  (h, m) => `lúc ${h} giờ ${m} phút nhé`,
];

const nearTime = fc
  .tuple(
    fc.constantFrom("", "lúc ", "khoảng ", "tôi ", "buổi chiều "),
    fc.integer({ min: -1, max: 120 }),
    fc.constantFrom(":", "h", " giờ ", " gio ", "g", ".", " ", "", " giờ kém ", " gio kem "),
    fc.oneof(fc.constant(""), fc.integer({ min: 0, max: 99 }).map(String), fc.constantFrom("rưỡi", "ruoi")),
    fc.constantFrom("", " phút", "p", " sáng", " chiều", " tối", " toi", " đêm", " trưa", "pm", " am", " a.m."),
  )
  .map((parts) => parts.join(""));

describe("parseTime", () => {
  it.each([
    ["14:30", "14:30"],
    ["14h30", "14:30"],
    ["14 giờ 30 phút", "14:30"],
    ["14 gio 30", "14:30"],
    ["14g30", "14:30"],
    ["14.30", "14:30"],
    ["9:05", "09:05"],
    ["14h", "14:00"],
    ["14", "14:00"],
    ["2 giờ chiều", "14:00"],
    ["2 gio chieu", "14:00"],
    ["9h sáng", "09:00"],
    ["9 sáng", "09:00"],
    ["8 giờ tối", "20:00"],
    ["8 gio toi", "20:00"],
    ["12 giờ trưa", "12:00"],
    ["1 giờ trưa", "13:00"],
    ["11 giờ đêm", "23:00"],
    ["12 giờ đêm", "00:00"],
    ["2 giờ rưỡi chiều", "14:30"],
    ["3 giờ kém 15", "02:45"],
    ["2pm", "14:00"],
    ["2:30 p.m.", "14:30"],
    ["11 am", "11:00"],
    ["12 am", "00:00"],
    ["buổi chiều lúc 3 giờ", "15:00"],
    ["14h chiều", "14:00"],
  ])("reads %p as %p", (text, value) => {
    expectValue(parseTime(text), value);
  });

  it("does not read the pronoun tôi as evening", () => {
    expectValue(parseTime("tôi đến lúc 9h"), "09:00");
  });

  it("keeps a 24-hour figure when an unrelated word looks like a part of the day", () => {
    expectValue(parseTime("chuyển sang 14h"), "14:00");
  });

  it.each(["25:00", "24:00", "10:75", "99h"])("rejects %p as an impossible time", (text) => {
    expectRejected(parseTime(text), "TIME_IMPOSSIBLE");
  });

  it("rejects 14 giờ sáng, where the hour and the part of the day disagree", () => {
    const result = parseTime("14 giờ sáng");
    expectRejected(result, "TIME_IMPOSSIBLE");
    if (!result.ok) expect(result.message.vi).toContain("sáng");
  });

  it.each(["", "abc", "sáng mai", "chiều nay", "123"])("rejects %p as unreadable", (text) => {
    expectRejected(parseTime(text), "TIME_UNREADABLE");
  });

  it("gives an example in the message", () => {
    const result = parseTime("abc");
    if (!result.ok) {
      expect(result.message.vi).toContain("Ví dụ: 14:30");
      expect(result.message.en).toContain("Example: 14:30");
    }
  });

  describe("properties", () => {
    it("never throws, whatever the text", () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), nearTime),
          (text) => {
            parseTime(text);
          },
        ),
      );
    });

    it("accepts its own canonical output unchanged", () => {
      fc.assert(
        fc.property(nearTime, (text) => {
          const first = parseTime(text);
          if (first.ok) {
            expect(first.value).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
            expect(parseTime(first.value)).toEqual(first);
          }
        }),
      );
    });

    it("reads every valid time in every accepted format as the same HH:MM", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 23 }),
          fc.integer({ min: 0, max: 59 }),
          fc.constantFrom(...FORMATS),
          (h, m, format) => {
            expectValue(parseTime(format(h, m)), `${pad(h)}:${pad(m)}`);
          },
        ),
      );
    });

    it("moves afternoon and evening hours past noon", () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 11 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
          expectValue(parseTime(`${h} giờ ${m} sáng`), `${pad(h)}:${pad(m)}`);
          if (h <= 6) expectValue(parseTime(`${h} giờ ${m} chiều`), `${pad(h + 12)}:${pad(m)}`);
          if (h >= 6) expectValue(parseTime(`${h} giờ ${m} tối`), `${pad(h + 12)}:${pad(m)}`);
          expectValue(parseTime(`${h}:${pad(m)} pm`), `${pad(h + 12)}:${pad(m)}`);
        }),
      );
    });

    it("rejects every hour above 23 and every minute above 59", () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (h, m) => {
          fc.pre(h > 23 || m > 59);
          expectRejected(parseTime(`${h}:${pad(m)}`), "TIME_IMPOSSIBLE");
        }),
      );
    });
  });
});
