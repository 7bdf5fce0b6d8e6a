import { Writable } from "node:stream";
import { createLogger } from "../../server/logger";
import { redactPersonalData } from "../../server/redactPersonalData";

describe("logs", () => {
  it("never carry a CCCD, a CMND or a phone number, wherever it hides", () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) });
    const logger = createLogger("info", sink);
    logger.info(
      { event: "x", detail: "CCCD 087190001234", nested: { phone: "0912 345 678", cmnd: "381234567" } },
      "call +84 912.345.678",
    );
    logger.error({ err: new Error("bad id 087-190-001-234") }, "failed");
    const text = lines.join("");
    for (const secret of ["087190001234", "0912 345 678", "381234567", "912.345.678", "087-190-001-234"])
      expect(text).not.toContain(secret);
    expect(text).toContain("[redacted]");
  });

  it("keeps numbers that are not personal: receipt codes, counts, dates", () => {
    expect(redactPersonalData("HN-20261127-0042 took 1500 ms on 27/11/2026")).toBe(
      "HN-20261127-0042 took 1500 ms on 27/11/2026",
    );
  });
});
