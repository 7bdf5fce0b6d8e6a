import type { AskStep, ChooseStep, ConfirmStep, Step, Value } from "../../flows/flowTypes";
import type { Catalogue } from "../../server/engine/catalogue";
import type { Clock } from "../../server/engine/clock";
import { type ConversationState, initialState } from "../../server/engine/conversationState";
import { defaultCatalogue } from "../../server/defaultCatalogue";
import type { DossierDraft, Effect, EngineInput, Reply } from "../../server/engine/engineIO";
import type { Locale } from "../../server/engine/localized";
import { transition } from "../../server/engine/transition";
import { foldDiacritics } from "../../server/engine/understanding/foldDiacritics";

export const CLOCK: Clock = { now: new Date("2026-11-27T03:00:00Z") };

let shared: Catalogue | null = null;
/** The default catalogue, built once per test file. */
export function catalogue(): Catalogue {
  shared ??= defaultCatalogue();
  return shared;
}

/** A sample answer a citizen would type for each kind of question. */
const SAMPLE_BY_TYPE: Record<AskStep["type"], string> = {
  text: "Nội dung mẫu",
  address: "12 Nguyễn Huệ, phường An Thạnh, Đồng Tháp",
  addressLine: "Số 12, đường Nguyễn Huệ, khóm 1",
  province: "Đồng Tháp",
  ward: "phường An Bình",
  issuingAuthority: "Bộ Công an",
  name: "Nguyễn Văn An",
  date: "05/03/2020",
  birthDate: "15/08/1990",
  pastDate: "05/03/2020",
  // Replaced by a date after the walk's clock (`weekdayAhead`): a fixed one would pass.
  futureDate: "",
  time: "14 giờ 30",
  yearOrDate: "1960",
  monthYear: "03/2015",
  monthYearOrNow: "nay",
  cccd: "087090012345",
  idNumber: "087090012345",
  phone: "0912 345 678",
  businessPhone: "0277 3837 123",
  email: "an@example.com",
  integer: "2",
  money: "50 triệu",
  ethnicity: "Kinh",
  nationality: "Việt Nam",
  industryCode: "5610",
  receiptCode: "HN-20261127-0001-K7QM",
};

/**
 * A Monday–Friday at least five days after `now` on Vietnam's calendar, as a citizen types it
 * (a day to come to the counter). Relative to the clock, so that a walk on the real clock keeps
 * answering with a date that is still ahead.
 */
export function weekdayAhead(now: Date): string {
  // Vietnam is UTC+7 all year: shifted, the UTC getters read its calendar.
  const day = new Date(now.getTime() + 7 * 3_600_000);
  day.setUTCDate(day.getUTCDate() + 5);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(day.getUTCDate())}/${pad(day.getUTCMonth() + 1)}/${day.getUTCFullYear()}`;
}

export type Scripted = string | EngineInput;

export interface WalkOptions {
  /** Answers for particular steps (by step or table column id): typed text, or an input. */
  answers?: Readonly<Record<string, Scripted>>;
  /** Type every answer without diacritics, as many citizens do. */
  withoutDiacritics?: boolean;
  locale?: Locale;
  unitId?: string;
  /** Rows to add to each table beyond the first. */
  extraRows?: number;
  /** Stop when the flow asks this step, before answering it. */
  stopAt?: string;
  /** The engine's clock; `CLOCK` unless the walk is compared with something running on the real one. */
  clock?: Clock;
}

export interface Walk {
  state: ConversationState;
  replies: Reply[];
  effects: Effect[];
  draft: DossierDraft | null;
  /** Every step id the walk was asked, in order. */
  asked: string[];
  /** Every input sent, in order, starting with the procedure's choice. */
  inputs: EngineInput[];
}

function stepOf(catalogueValue: Catalogue, state: ConversationState): Step {
  const compiled = catalogueValue.flows.get(state.flowId!)!;
  return compiled.flow.steps[compiled.stepIndex.get(state.stepId!)!]!;
}

function defaultFor(step: AskStep | ChooseStep | ConfirmStep, clock: Clock): string {
  if (step.kind === "confirm") return "có";
  if (step.kind === "choose") return step.options[0]!.label.vi;
  if (step.type === "integer") return String(step.min ?? 2);
  if (step.type === "futureDate") return weekdayAhead(clock.now);
  return SAMPLE_BY_TYPE[step.type];
}

/**
 * Drives a flow to its end the way a citizen answers: each question gets a plausible answer
 * for its type, or the scripted one. Returns everything the engine said and did.
 */
export function walkFlow(procedureId: string, options: WalkOptions = {}): Walk {
  const clock = options.clock ?? CLOCK;
  const cat = catalogue();
  let state = initialState(options.locale ?? "vi", options.unitId ?? null);
  const walk: Walk = { state, replies: [], effects: [], draft: null, asked: [], inputs: [] };
  const rowsAdded = new Map<string, number>();
  const send = (input: EngineInput) => {
    walk.inputs.push(input);
    const result = transition(cat, state, input, clock);
    state = result.state;
    walk.replies.push(...result.replies);
    walk.effects.push(...result.effects);
  };
  const typed = (text: string): EngineInput => ({
    kind: "text",
    text: options.withoutDiacritics ? foldDiacritics(text) : text,
  });
  const scripted = (id: string, fallback: string): EngineInput => {
    const answer = options.answers?.[id];
    if (answer === undefined) return typed(fallback);
    return typeof answer === "string" ? typed(answer) : answer;
  };

  send({ kind: "choice", value: procedureId });
  for (
    let turn = 0;
    turn < 400 && (state.status === "bot" || state.handoff?.reason === "required") && state.flowId === procedureId;
    turn++
  ) {
    // A case that needs a clerk: with none in the walk, the citizen carries on with the assistant.
    if (state.status === "waiting_clerk") {
      walk.asked.push(state.stepId!);
      send({ kind: "choice", value: "cmd:resume-bot" });
      continue;
    }
    if (state.pending?.kind === "confirmWarning") {
      send(typed("có"));
      continue;
    }
    // A name typed without diacritics: the citizen takes the spelling offered first.
    if (state.pending?.kind === "chooseSpelling") {
      send({ kind: "choice", value: "spell:0" });
      continue;
    }
    const step = stepOf(cat, state);
    if (step.kind === "submit" || step.id === options.stopAt) break;
    walk.asked.push(step.id);
    switch (step.kind) {
      case "ask":
      case "choose":
      case "confirm":
        send(scripted(step.id, defaultFor(step, clock)));
        break;
      case "unit":
        send(scripted(step.id, "an thạnh"));
        break;
      case "upload":
        send(
          options.answers?.[step.id] !== undefined
            ? scripted(step.id, "")
            : { kind: "attachment", attachmentId: `att-${step.id}` },
        );
        break;
      case "review":
        send(scripted(step.id, "xác nhận"));
        break;
      case "table": {
        const table = state.table!;
        if (table.askingMore) {
          const added = rowsAdded.get(step.id) ?? 0;
          rowsAdded.set(step.id, added + 1);
          send(typed(added < (options.extraRows ?? 0) ? "có" : "không"));
        } else {
          const column = step.columns[table.column]!;
          send(scripted(column.id, defaultFor(column, clock)));
        }
        break;
      }
      default:
        throw new Error(`walker cannot answer step ${step.id} (${step.kind})`);
    }
  }
  walk.state = state;
  const submitted = walk.effects.find(
    (e): e is Extract<Effect, { type: "submitDossier" }> => e.type === "submitDossier",
  );
  walk.draft = submitted?.draft ?? null;
  return walk;
}

/** Every field value as plain text, for looking values up in a rendered form. */
export function textValues(fields: Readonly<Record<string, Value>>): string[] {
  return Object.values(fields).flatMap((v) =>
    Array.isArray(v) ? v.flatMap((row) => Object.values(row).map(String)) : [String(v)],
  );
}
