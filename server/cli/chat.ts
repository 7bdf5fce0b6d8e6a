import { writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { takeTurn } from "../conversation/takeTurn";
import type { Dossier } from "../dossier/dossier";
import { MemoryDossierService } from "../dossier/memoryDossierService";
import { renderForm } from "../dossier/renderForm";
import type { Catalogue } from "../engine/catalogue";
import { type ConversationState, initialState } from "../engine/conversationState";
import { loadConfig } from "../config";
import { defaultCatalogue } from "../defaultCatalogue";
import type { Choice, EngineInput, Reply } from "../engine/engineIO";
import { CHAT_USAGE, type ChatOptions, parseChatArgs } from "./parseChatArgs";
import { turnJson } from "./turnJson";

/**
 * The terminal chat: walk any procedure as a citizen would, in Vietnamese or English.
 * Interactive by default; `--json` for scripted testers (one message per line in, one JSON
 * object per turn out, nothing else on stdout).
 */
async function main(): Promise<void> {
  const options = parseChatArgs(process.argv.slice(2));
  if ("error" in options) {
    if (options.error) process.stderr.write(`chat: ${options.error}\n`);
    process.stderr.write(`${CHAT_USAGE}\n`);
    process.exitCode = options.error ? 2 : 0;
    return;
  }
  const catalogue = defaultCatalogue(loadConfig().units);
  if (options.unitId && !catalogue.units.some((u) => u.id === options.unitId)) {
    process.stderr.write(
      `chat: unknown unit "${options.unitId}"; known: ${catalogue.units.map((u) => u.id).join(", ")}\n`,
    );
    process.exitCode = 2;
    return;
  }
  const session = new ChatSession(catalogue, options);
  if (!options.json)
    session.print(
      await session.send({
        kind: "start",
        locale: options.locale,
        ...(options.unitId ? { unitId: options.unitId } : {}),
      }),
    );

  const lines = createInterface({ input: process.stdin, terminal: !options.json && process.stdin.isTTY });
  if (!options.json) process.stdout.write("> ");
  // Lines are handled one after another, each answered as soon as it arrives.
  for await (const line of lines) {
    const outcome = await session.send(session.inputFor(line));
    if (options.json)
      process.stdout.write(`${JSON.stringify(turnJson(outcome.state, outcome.replies, outcome.dossier))}\n`);
    else {
      session.print(outcome);
      process.stdout.write("> ");
    }
  }
  if (!options.json) process.stdout.write("\n");
}

class ChatSession {
  private state: ConversationState;
  private lastChoices: Choice[] = [];
  private readonly dossiers: MemoryDossierService;

  constructor(
    private readonly catalogue: Catalogue,
    private readonly options: ChatOptions,
  ) {
    this.state = initialState(options.locale, options.unitId);
    this.dossiers = new MemoryDossierService(catalogue.city, catalogue.units);
  }

  /** A typed line: a choice's number in interactive mode, `/attach NAME` for a file, or text. */
  inputFor(line: string): EngineInput {
    const attach = /^\/attach\s+(.+)$/.exec(line.trim());
    if (attach) return { kind: "attachment", attachmentId: `local:${attach[1]!.trim()}` };
    const number = Number(line.trim());
    if (!this.options.json && Number.isInteger(number) && number >= 1 && number <= this.lastChoices.length) {
      return { kind: "choice", value: this.lastChoices[number - 1]!.value };
    }
    return { kind: "text", text: line };
  }

  async send(input: EngineInput) {
    const outcome = await takeTurn(
      this.catalogue,
      this.state,
      input,
      { now: new Date() },
      { dossiers: this.dossiers, requester: "terminal" },
    );
    this.state = outcome.state;
    const last = outcome.replies[outcome.replies.length - 1];
    this.lastChoices = last?.choices ?? [];
    if (outcome.dossier && this.options.formFile) this.writeForm(outcome.dossier);
    return outcome;
  }

  private writeForm(dossier: Dossier): void {
    writeFileSync(this.options.formFile!, renderForm(dossier), "utf8");
    if (!this.options.json) process.stdout.write(`(Tờ khai đã ghi vào ${this.options.formFile})\n`);
  }

  print(outcome: { replies: Reply[] }): void {
    for (const reply of outcome.replies) {
      const progress = reply.progress
        ? `[${this.options.locale === "vi" ? "Bước" : "Step"} ${reply.progress.step}/${reply.progress.total}] `
        : "";
      process.stdout.write(`\n${progress}${reply.text}\n`);
      reply.choices?.forEach((choice, i) => process.stdout.write(`   ${i + 1}) ${choice.label}\n`));
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`chat: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
