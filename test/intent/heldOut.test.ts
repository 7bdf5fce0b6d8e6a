import { readFileSync } from "node:fs";
import path from "node:path";
import { PROCEDURE_FACTS } from "../../flows/procedureFacts";
import { matchIntent, type IntentMatch } from "../../server/engine/understanding/matchIntent";

/**
 * Intent recognition measured on messages it was never tuned on: test/intent/heldOut*.jsonl, each written by
 * someone who never saw the matcher. Only ever measured (each file's header says so): a message missed here is a
 * figure to report, not a phrase to add. A new round of tuning is measured on a new set.
 */
interface HeldOutMessage {
  text: string;
  expected: string;
  class: string;
  code?: string;
}

const PROCEDURE_IDS = new Set(PROCEDURE_FACTS.map((p) => p.id));
const KIND_LABELS: Record<string, string> = {
  statusLookup: "status",
  human: "human",
  greeting: "greeting",
  outOfScope: "out-of-scope",
  none: "none",
};
const OTHER_LABELS = new Set(["status", "human", "greeting", "out-of-scope"]);

/** The labels the matcher answers with, best first: up to three procedures, or one kind. */
function rankedLabels(match: IntentMatch): string[] {
  if (match.kind === "procedure") return match.candidates.map((c) => c.procedureId);
  return [KIND_LABELS[match.kind as string] ?? match.kind];
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)}% (${part}/${whole})`;
}

function measure(fileName: string) {
  const [headerLine, ...lines] = readFileSync(path.join(__dirname, fileName), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "");
  const header = JSON.parse(headerLine!) as { header: string };
  const measured = lines.map((line) => {
    const message = JSON.parse(line) as HeldOutMessage;
    const match = matchIntent(message.text);
    return { message, ranked: rankedLabels(match), startsProcedure: match.kind === "procedure" && match.confident };
  });
  const top1 = measured.filter((m) => m.ranked[0] === m.message.expected);
  const top3 = measured.filter((m) => m.ranked.slice(0, 3).includes(m.message.expected));
  const outOfScope = measured.filter((m) => m.message.expected === "out-of-scope");
  const starting = outOfScope.filter((m) => m.startsProcedure);
  const report = [
    `${fileName}: top-1 ${percent(top1.length, measured.length)}, top-3 ${percent(top3.length, measured.length)}, ` +
      `out-of-scope starting a procedure ${starting.length} of ${outOfScope.length}`,
  ];
  for (const cls of [...new Set(measured.map((m) => m.message.class))].sort()) {
    const inClass = measured.filter((m) => m.message.class === cls);
    const right = inClass.filter((m) => m.ranked[0] === m.message.expected).length;
    report.push(`  ${cls}: top-1 ${percent(right, inClass.length)}`);
  }
  for (const miss of measured.filter((m) => m.ranked[0] !== m.message.expected)) {
    report.push(`  missed [${miss.message.expected} → ${miss.ranked.join(", ")}] ${miss.message.text}`);
  }
  return { header, measured, top1, top3, starting, report: report.join("\n") };
}

// The figures recorded for each set when it was first measured (docs/understanding.md): a guard against losing
// ground, not the target (97% top-1, 100% top-3, none starting). The first set also guided the second round of
// tuning by its per-class figures, so only its first figures count as a measurement on unseen messages. Both
// sets guided the third round of tuning (their misses were read for the classes of failure), so the figures below
// are those reached after it, kept as a floor, and no longer a measurement on unseen messages.
const RECORDED = {
  "heldOut.jsonl": { top1: 236, top3: 236, starting: 0 },
  "heldOut2.jsonl": { top1: 258, top3: 258, starting: 1 },
  "heldOut3.jsonl": { top1: 246, top3: 246, starting: 0 },
} as const;

describe.each(Object.keys(RECORDED) as (keyof typeof RECORDED)[])("intent recognition on %s", (fileName) => {
  const result = measure(fileName);

  it("has a header saying the set is only measured, and at least 200 labelled messages", () => {
    expect(result.header.header).toMatch(/only ever measured/i);
    expect(result.measured.length).toBeGreaterThanOrEqual(200);
    for (const { message } of result.measured) {
      expect([message.text, PROCEDURE_IDS.has(message.expected) || OTHER_LABELS.has(message.expected)]).toEqual([
        message.text,
        true,
      ]);
    }
  });

  it("prints top-1, top-3 and out-of-scope figures, by class, and keeps the figures recorded for it", () => {
    console.log(result.report);
    expect(result.top1.length).toBeGreaterThanOrEqual(RECORDED[fileName].top1);
    expect(result.top3.length).toBeGreaterThanOrEqual(RECORDED[fileName].top3);
    expect(result.starting.length).toBeLessThanOrEqual(RECORDED[fileName].starting);
  });
});
