import type { Value } from "../../flows/flowTypes";
import type { Unit } from "../../flows/units";
import type { Catalogue, CompiledFlow } from "./catalogue";
import { type Clock, localIsoDate } from "./clock";
import type { ConversationState, FieldSource } from "./conversationState";
import type { Choice, Effect, ExpectedInput, Progress, Reply } from "./engineIO";
import { fill } from "./engineTexts";
import type { Localized } from "./localized";

import { flowProgress } from "./conversationProgress";
import { memoizedPathOf } from "./flowPath";
import type { Step } from "../../flows/flowTypes";

/**
 * One turn in progress: a private copy of the state that the turn's steps change, and the
 * replies and effects it collects. Nothing outside the turn sees it until `transition`
 * returns, so a turn is all or nothing.
 */
export class Turn {
  readonly replies: Reply[] = [];
  readonly effects: Effect[] = [];
  /** Set when a clerk's input is refused: the clerk is told why, the citizen nothing. */
  refused: { code: string; message: Localized } | undefined;
  state: ConversationState;
  // The path depends only on the flow and the answers; a turn asks for it several times.
  private answersVersion = 0;
  private cachedPath: { answers: object; version: number; flowId: string; path: readonly Step[] } | null = null;

  constructor(
    readonly catalogue: Catalogue,
    state: ConversationState,
    private readonly clock: Clock,
  ) {
    // The caller's state is never changed: the top level is copied here, the answers and the
    // history the first time the turn writes to them (most turns ask again or fail to parse).
    this.state = { ...state };
  }

  private ownsAnswers = false;
  private ownsHistory = false;

  private writableAnswers(): void {
    if (this.ownsAnswers) return;
    const before = this.state.answers;
    this.state.answers = { ...before };
    // The same answers in a new object: the path computed from them still holds.
    if (this.cachedPath?.answers === before) this.cachedPath.answers = this.state.answers;
    this.state.sources = { ...this.state.sources };
    this.ownsAnswers = true;
  }

  /** Adds a step to the steps answered, for "quay lại". */
  pushHistory(stepId: string): void {
    if (this.state.history[this.state.history.length - 1] === stepId) return;
    if (!this.ownsHistory) {
      this.state.history = [...this.state.history];
      this.ownsHistory = true;
    }
    this.state.history.push(stepId);
  }

  /** Takes the last answered step off the history. */
  popHistory(): string | undefined {
    if (this.state.history.length === 0) return undefined;
    const last = this.state.history[this.state.history.length - 1];
    this.state.history = this.state.history.slice(0, -1);
    this.ownsHistory = true;
    return last;
  }

  private isoToday: string | null = null;

  /** The turn's instant, ISO 8601. */
  get nowIso(): string {
    return this.clock.now.toISOString();
  }

  /** `yyyy-mm-dd` in Asia/Ho_Chi_Minh. */
  get today(): string {
    this.isoToday ??= localIsoDate(this.clock.now);
    return this.isoToday;
  }

  /** `dd/mm/yyyy` in Asia/Ho_Chi_Minh, as written on forms. */
  get todayOnForms(): string {
    const [year, month, day] = this.today.split("-");
    return `${day}/${month}/${year}`;
  }

  private answeredCount = 0;
  private cachedProgress: {
    path: readonly Step[];
    stepId: string | null;
    answered: number;
    editing: boolean;
    progress: Progress;
  } | null = null;

  private progress(): Progress {
    const path = this.path();
    const cache = this.cachedProgress;
    const answered = this.answeredCount;
    const editing = this.state.returnToReview;
    if (
      cache &&
      cache.path === path &&
      cache.stepId === this.state.stepId &&
      cache.answered === answered &&
      cache.editing === editing
    )
      return cache.progress;
    const progress = flowProgress(this.flow!, path, this.state);
    this.cachedProgress = { path, stepId: this.state.stepId, answered, editing, progress };
    return progress;
  }

  /** The steps the answers lead through (see `pathOf`), computed once per change of answers. */
  path(): readonly Step[] {
    const flow = this.flow!;
    const cache = this.cachedPath;
    const { answers } = this.state;
    if (cache && cache.answers === answers && cache.version === this.answersVersion && cache.flowId === flow.flow.id)
      return cache.path;
    const path = memoizedPathOf(flow, answers);
    this.cachedPath = { answers, version: this.answersVersion, flowId: flow.flow.id, path };
    return path;
  }

  get flow(): CompiledFlow | null {
    return this.state.flowId === null ? null : (this.catalogue.flows.get(this.state.flowId) ?? null);
  }

  get unit(): Unit | null {
    return this.catalogue.units.find((u) => u.id === this.state.unitId) ?? null;
  }

  /** The text in the conversation's language, placeholders filled. */
  text(text: Localized, values: Readonly<Record<string, string | number>> = {}): string {
    return fill(text[this.state.locale], values);
  }

  /** Sends a reply, stamped with the progress of the current step. */
  say(text: string, extras: { choices?: Choice[]; input?: ExpectedInput } = {}): void {
    const flow = this.flow;
    const progress = flow && this.state.status === "bot" ? this.progress() : null;
    this.replies.push({
      text,
      ...(extras.choices && extras.choices.length > 0 ? { choices: extras.choices } : {}),
      input: extras.input ?? (extras.choices && extras.choices.length > 0 ? { kind: "choice" } : { kind: "none" }),
      progress,
    });
  }

  setAnswer(key: string, value: Value, by: "citizen" | "bot" | FieldSource): void {
    const source: FieldSource = typeof by === "string" ? { by } : by;
    if (this.state.answers[key] === value && this.state.sources[key]?.by === source.by && source.by !== "clerk") return;
    this.writableAnswers();
    const isNew = !(key in this.state.answers);
    this.state.answers[key] = value;
    this.state.sources[key] = source;
    // Most answers (names, dates) decide nothing about the path; only routing fields change it.
    if (this.flow?.routingFields.has(key) !== false) this.answersVersion += 1;
    if (isNew) this.answeredCount += 1;
  }

  /** Forgets an answer (a table filled again from its first row). */
  clearAnswer(key: string): void {
    this.writableAnswers();
    delete this.state.answers[key];
    delete this.state.sources[key];
    this.answersVersion += 1;
  }

  emit(effect: Effect): void {
    this.effects.push(effect);
  }
}
