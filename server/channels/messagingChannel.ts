import type { Router } from "express";
import type { ConversationMessage } from "../conversation/conversationTypes";
import type { ConversationRecord } from "../store/store";

/** What clerks see of a conversation's citizen on a messaging app. */
export interface ChannelContact {
  channel: ConversationRecord["channel"];
  /** The name the citizen gave the app, when known. */
  displayName: string | null;
  /** False when the app will not deliver to the citizen now; `reason` says why, for the clerk. */
  reachable: boolean;
  reason: string | null;
  /** Messages written for the citizen that have not reached the app yet. */
  pending: boolean;
}

/** The state of a channel's outbox, for `/ready` and the console. */
export interface ChannelStatus {
  channel: ConversationRecord["channel"];
  /** Citizens with messages waiting to go out, and how many of them cannot be reached now. */
  waiting: number;
  unreachable: number;
  /** Waiting messages past which the outbox counts as backed up (the console shows a badge). */
  backedUp: boolean;
}

/**
 * A messaging app (Zalo; Messenger or Telegram would be others) between its citizens and the
 * turn pipeline: its webhook in, its outbox out. The pipeline knows nothing of it; the server
 * mounts its routes and tells it of every committed turn.
 */
export interface MessagingChannel {
  readonly name: ConversationRecord["channel"];
  /** The webhook routes the app calls. */
  readonly router: Router;
  /** A turn was committed: the channel sends its conversations' new messages. */
  committed(saved: ConversationRecord, messages: readonly ConversationMessage[]): void;
  contact(conversationId: string): Promise<ChannelContact | null>;
  /** Adds a listener told when what the app can deliver to a conversation's citizen changes. */
  onContactChange(listener: (conversationId: string) => void): void;
  status(): Promise<ChannelStatus>;
  /** Posting to a group chat the organisation owns (the leaders' daily report), where the app offers it. */
  groups?: GroupPoster;
  start(): void;
  /** Stops taking events and waits for the work under way. */
  stop(): Promise<void>;
}

/** A post to a group: done, or refused with the app's code, and whether trying again later may work. */
export type GroupPostResult = { ok: true } | { ok: false; retry: boolean; code: number; message: string };

/** Posts to a group chat: text (no buttons in groups) and images. */
export interface GroupPoster {
  postText(groupId: string, text: string): Promise<GroupPostResult>;
  postImage(groupId: string, png: Buffer, caption: string): Promise<GroupPostResult>;
}
