/**
 * What the console computes from the server's data, without touching the page: kept apart so
 * that Node can test it (the root tsconfig has no DOM).
 */
import type { ChatMessage } from "../../server/channels/web/protocol";
import type {
  ChannelContactView,
  ChannelStatusView,
  ConversationView,
  DraftField,
  QueueItem,
} from "../../server/console/clerkProtocol";
import { APP_TITLE, CHANNEL_LABELS, TEXTS } from "./texts";

const MINUTE = 60_000;

/** "vừa xong", "7 phút", "1 giờ 05 phút", "2 ngày": how long a citizen has waited. */
export function formatWaiting(sinceIso: string | null, nowMs: number): string {
  if (!sinceIso) return "";
  const since = Date.parse(sinceIso);
  if (Number.isNaN(since)) return "";
  const minutes = Math.floor(Math.max(0, nowMs - since) / MINUTE);
  if (minutes < 1) return "vừa xong";
  if (minutes < 60) return `${minutes} phút`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} giờ ${String(minutes % 60).padStart(2, "0")} phút`;
  return `${Math.floor(hours / 24)} ngày`;
}

// Clerks work in Vietnam; a PC left on another zone must not shift the transcript's times.
const CLOCK = new Intl.DateTimeFormat("vi-VN", {
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
  timeZone: "Asia/Ho_Chi_Minh",
});

/** "14:05", or "" for a date the browser cannot read. */
export function formatClock(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? "" : CLOCK.format(ms);
}

/** "(2) Khai Hộ – Bàn làm việc": the count shows in the tab strip while the clerk is elsewhere. */
export function pageTitle(waiting: number): string {
  return waiting > 0 ? `(${waiting}) ${APP_TITLE}` : APP_TITLE;
}

/** Waiting for a clerk and held by nobody: what the title counts and the sound announces. */
export function isUnheld(item: QueueItem): boolean {
  return item.status === "waiting_clerk" && item.clerk === null;
}

/** Unheld first, longest wait first; then the held ones, in the same order. */
export function sortQueue(items: readonly QueueItem[]): QueueItem[] {
  const since = (item: QueueItem) => (item.waitingSince ? Date.parse(item.waitingSince) || 0 : 0);
  return [...items].sort((a, b) => Number(isUnheld(b)) - Number(isUnheld(a)) || since(a) - since(b));
}

/** What this clerk should look at: waiting for anyone, or handed to them by a colleague. */
export function needsClerk(item: QueueItem, userId: string): boolean {
  return isUnheld(item) || (item.status === "with_clerk" && item.clerk?.id === userId);
}

/**
 * Conversations that need this clerk now and did not before: a new one waiting, or one a
 * colleague handed to them (one they took themselves was waiting already). `null` before the
 * first update: what is already there at login is not news.
 */
export function newArrivals(
  previouslyNeeding: ReadonlySet<string> | null,
  items: readonly QueueItem[],
  userId: string,
): string[] {
  if (previouslyNeeding === null) return [];
  return items
    .filter((item) => needsClerk(item, userId) && !previouslyNeeding.has(item.conversationId))
    .map((item) => item.conversationId);
}

export interface DraftGroup {
  group: string;
  fields: DraftField[];
}

/** Fields by the group of the paper form, groups in the order their first field comes. */
export function groupDraft(draft: readonly DraftField[]): DraftGroup[] {
  const groups = new Map<string, DraftField[]>();
  for (const field of draft) {
    const list = groups.get(field.group);
    if (list) list.push(field);
    else groups.set(field.group, [field]);
  }
  return [...groups].map(([group, fields]) => ({ group, fields }));
}

/**
 * The transcript with `incoming` merged in, in `seq` order; a message with a `seq` already
 * there replaces it (the clerk's own message, shown on its ack, then echoed by the server).
 */
export function mergeTranscript(existing: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const bySeq = new Map<number, ChatMessage>();
  for (const message of existing) bySeq.set(message.seq, message);
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The review is a step like the others in `releaseTargets`; the engine has its own `at` for it. */
export const REVIEW_STEP_ID = "review";

export type ReleaseAt = "current" | "review" | { stepId: string };

export function releaseAt(choice: string): ReleaseAt {
  if (choice === "current" || choice === REVIEW_STEP_ID) return choice;
  return { stepId: choice };
}

/** Whether the signed-in clerk holds the conversation: only then may they write or fill. */
export function holds(view: Pick<ConversationView, "status" | "clerk">, userId: string): boolean {
  return view.status === "with_clerk" && view.clerk?.id === userId;
}

/**
 * The Vietnamese half of a server message. REST errors are "vi / en" (`sendError` without a
 * locale); acks may already be Vietnamese only.
 */
export function vietnamesePart(message: string): string {
  const cut = message.indexOf(" / ");
  return cut > 0 ? message.slice(0, cut) : message;
}

/**
 * What the header says of a citizen on Zalo beside their name: a warning while Zalo will not
 * deliver to them (the clerk should call), a quiet note while messages wait to go out.
 */
export function contactNotice(
  contact: ChannelContactView | null,
): { kind: "unreachable" | "pending"; text: string } | null {
  if (!contact) return null;
  if (!contact.reachable)
    return {
      kind: "unreachable",
      text: TEXTS.zaloUnreachable(contact.reason ? vietnamesePart(contact.reason) : TEXTS.zaloUnknownReason),
    };
  return contact.pending ? { kind: "pending", text: TEXTS.zaloPending } : null;
}

/**
 * "Hàng đợi Zalo đang ùn: 23 công dân chờ gửi", one per backed-up outbox. Citizens the app
 * refuses (unreachable) are left out of the count, as the server leaves them out of "backed
 * up": they wait for their own reason, which their conversation shows.
 */
export function backedUpAlerts(statuses: readonly ChannelStatusView[]): string[] {
  return statuses
    .filter((status) => status.backedUp)
    .map((status) =>
      TEXTS.channelBackedUp(
        CHANNEL_LABELS[status.channel] ?? status.channel,
        Math.max(0, status.waiting - status.unreachable),
      ),
    );
}
