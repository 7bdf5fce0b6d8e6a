import { readFileSync } from "node:fs";
import path from "node:path";
import { PROCEDURE_FACTS } from "../../flows/procedureFacts";
import { matchIntent, type IntentMatch } from "../../server/engine/understanding/matchIntent";

/**
 * Intent recognition measured on messages it was never tuned on: test/intent/heldOut.jsonl, written by
 * someone who never saw the matcher. Only ever measured (the file's header says so): a message missed here
 * is a figure to report, not a phrase to add.
 */
interface HeldOutMessage {
  text: string;
  expected: string;
  class: string;
  code?: string;
}

const FILE = path.join(__dirname, "heldOut.jsonl");
const [headerLine, ...messageLines] = readFileSync(FILE, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "");
const header = JSON.parse(headerLine!) as { header: string };
const MESSAGES = messageLines.map((line) => JSON.parse(line) as HeldOutMessage);
const PROCEDURE_IDS = new Set(PROCEDURE_FACTS.map((p) => p.id));

const KIND_LABELS: Record<string, string> = {
  statusLookup: "status",
  human: "human",
  greeting: "greeting",
  outOfScope: "out-of-scope",
  none: "none",
};

/** The labels the matcher answers with, best first: up to three procedures, or one kind. */
function rankedLabels(match: IntentMatch): string[] {
  if (match.kind === "procedure") return match.candidates.map((c) => c.procedureId);
  return [KIND_LABELS[match.kind as string] ?? match.kind];
}

interface Measured {
  message: HeldOutMessage;
  ranked: string[];
  startsProcedure: boolean;
}

const MEASURED: Measured[] = MESSAGES.map((message) => {
  const match = matchIntent(message.text);
  return { message, ranked: rankedLabels(match), startsProcedure: match.kind === "procedure" && match.confident };
});

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)}% (${part}/${whole})`;
}

const top1 = MEASURED.filter((m) => m.ranked[0] === m.message.expected);
const top3 = MEASURED.filter((m) => m.ranked.slice(0, 3).includes(m.message.expected));
const outOfScope = MEASURED.filter((m) => m.message.expected === "out-of-scope");
const outOfScopeStarting = outOfScope.filter((m) => m.startsProcedure);

describe("intent recognition on the held-out messages", () => {
  it("has a header saying the set is only measured, and at least 200 labelled messages", () => {
    expect(header.header).toMatch(/only ever measured/i);
    expect(MESSAGES.length).toBeGreaterThanOrEqual(200);
    for (const m of MESSAGES)
      expect([m.text, PROCEDURE_IDS.has(m.expected) || m.expected in LABEL_NAMES]).toEqual([m.text, true]);
  });

  it("prints top-1, top-3 and out-of-scope figures, by class", () => {
    const lines = [
      `held-out intent: top-1 ${percent(top1.length, MEASURED.length)}, top-3 ${percent(top3.length, MEASURED.length)}, ` +
        `out-of-scope starting a procedure ${outOfScopeStarting.length} of ${outOfScope.length}`,
    ];
    for (const cls of [...new Set(MESSAGES.map((m) => m.class))].sort()) {
      const inClass = MEASURED.filter((m) => m.message.class === cls);
      lines.push(
        `  ${cls}: top-1 ${percent(inClass.filter((m) => m.ranked[0] === m.message.expected).length, inClass.length)}`,
      );
    }
    for (const miss of MEASURED.filter((m) => m.ranked[0] !== m.message.expected)) {
      lines.push(`  missed [${miss.message.expected} → ${miss.ranked.join(", ")}] ${miss.message.text}`);
    }
    console.log(lines.join("\n"));
    expect(MEASURED.length).toBe(MESSAGES.length);
  });
});

const LABEL_NAMES: Record<string, true> = { status: true, human: true, greeting: true, "out-of-scope": true };
