import { nodePresence } from "../cluster/nodePresence";
import { randomUUID } from "node:crypto";
import type { Server, Socket } from "socket.io";
import { z } from "zod";
import { roomOf as chatRoomOf } from "../channels/web/chatNamespace";
import { splitAck } from "../channels/splitAck";
import { inLocale, type Refusal, refusalOf } from "../codedTexts";
import type { ConversationService } from "../conversation/conversationService";
import type { Acknowledge, TurnOutcome } from "../conversation/turnTypes";
import { consoleRefusal } from "./consoleRefusal";
import type { Catalogue } from "../engine/catalogue";
import type { EngineInput } from "../engine/engineIO";
import { normalizeInput } from "../engine/understanding/normalizeInput";
import type { Logger } from "../logger";
import type { ClerkPresence } from "../handoff/clerkPresence";
import { colleaguesOf } from "../handoff/colleaguesOf";
import { handOverTarget } from "../handoff/handOverTarget";
import { mayAccess } from "../handoff/mayAccess";
import { transferTargets } from "../handoff/transferTargets";
import type { QueueAbandonment } from "../handoff/abandonedConversations";
import { UnitQueues } from "../handoff/unitQueues";
import type { ConversationRecord, NoteRecord, Store, UserRecord } from "../store/store";
import type {
  ClerkClientToServerEvents,
  ClerkServerToClientEvents,
  ChannelContactView,
  ChannelStatusView,
  ConsoleAck,
  ConversationView,
  QueueItem,
} from "./clerkProtocol";
import { CARD_PHOTO_MAX_BASE64 } from "../../widget/shared/cardPhotoLimit";
import { readCardPhoto } from "../identity/readCardPhoto";
import { readCccdQr } from "../identity/readCccdQr";
import { readCookie, SESSION_COOKIE, sessionUser } from "./consoleSessions";
import { CONSOLE_SOCKET_TEXTS } from "./consoleTexts";
import { conversationView, queueItem } from "./conversationView";

interface ClerkData {
  user: UserRecord;
  sessionSecret: string;
}

type ClerkSocket = Socket<ClerkClientToServerEvents, ClerkServerToClientEvents, Record<string, never>, ClerkData>;

export interface ClerkNamespaceOptions {
  store: Store;
  service: ConversationService;
  catalogue: Catalogue;
  logger: Logger;
  now: () => Date;
  /** How often an open console socket re-checks its session (a disabled user is cut off). */
  recheckMs: number;
  /** The canned replies of the configuration, offered in the composer. */
  cannedReplies: readonly string[];
  /** The citizen of a conversation on a messaging app (Zalo), for the conversation's header. */
  contactOf?: (conversationId: string) => Promise<ChannelContactView | null>;
  /** The messaging apps' outboxes, read every `channelStatusMs` and sent to the consoles when changed. */
  channelStatus?: () => Promise<ChannelStatusView[]>;
  channelStatusMs?: number;
  /** When a waiting citizen who has gone leaves the queues (QUEUE_ABANDON_MINUTES); absent, nobody does. */
  abandonment?: QueueAbandonment;
  /** This node's name when several nodes share the consoles (REDIS_URL): presence and views are told across. */
  clusterNode?: string;
  /** With several nodes: whether this node reaches the others now (Redis up); consoles are told when it changes. */
  nodesReached?: () => boolean;
}

/**
 * How often the queues are checked for citizens who went away or came back: a tenth of the abandon time, so
 * that one leaves the consoles' queue within 10% of it, and at least once a minute.
 */
const abandonSweepMs = (afterMs: number) => Math.min(60_000, Math.max(250, afterMs / 10));

/** The console shows a conversation's latest notes; a ward's case rarely needs more. */
const NOTES_SHOWN = 200;
const ALL_UNITS_ROOM = "units:all";
const unitRoom = (unitId: string | null) => `unit:${unitId ?? "none"}`;
const watchRoom = (conversationId: string) => `watch:${conversationId}`;
const userRoom = (userId: string) => `user:${userId}`;
/** Between nodes: a conversation changed, each node sends its view again to the consoles it holds watching it. */
const VIEW_CHANGED_EVENT = "node:conversation-changed";

const idSchema = z.object({ conversationId: z.string().uuid() }).strip();
const messageSchema = idSchema.extend({
  clientMessageId: z.string().min(1).max(100),
  text: z.string().min(1).max(4000),
});
const patchSchema = idSchema.extend({ field: z.string().min(1).max(100), text: z.string().min(1).max(2000) });
const identityCardSchema = z.union([
  idSchema.extend({ qrText: z.string().min(1).max(2000) }).strict(),
  idSchema.extend({ photo: z.string().min(1).max(CARD_PHOTO_MAX_BASE64).base64() }).strict(),
]);
const releaseSchema = idSchema.extend({
  at: z.union([z.literal("current"), z.literal("review"), z.object({ stepId: z.string().min(1).max(100) }).strict()]),
});
const noteSchema = idSchema.extend({ text: z.string().trim().min(1).max(2000) });
const transferSchema = z.union([
  idSchema.extend({ unitId: z.string().min(1).max(64) }).strict(),
  idSchema.extend({ clerkId: z.string().min(1).max(64) }).strict(),
]);

type SocketRefusal = Refusal<typeof CONSOLE_SOCKET_TEXTS>;
type ConsoleCheck =
  { ok: true; user: UserRecord } | { ok: false; refusal: Extract<SocketRefusal, { key: `AUTH_${string}` }> };

/**
 * Whether a console socket may be served now: a live session of an enabled account that no
 * longer runs on a password someone else chose (that account may only change it, over REST).
 */
async function checkConsole(store: Store, secret: string | undefined, now: Date): Promise<ConsoleCheck> {
  const found = await sessionUser(store, secret, now);
  if (!found) return { ok: false, refusal: { key: "AUTH_REQUIRED" } };
  if (found.user.mustChangePassword) return { ok: false, refusal: { key: "AUTH_PASSWORD_CHANGE_REQUIRED" } };
  return { ok: true, user: found.user };
}

/** A refusal worded elsewhere, "Vietnamese / English": the engine's and the conversation service's. */
function denied<T>(code: string, message: string): ConsoleAck<T> {
  return { ok: false, error: { code, message } } as ConsoleAck<T>;
}

/** The code and message of one of `/clerk`'s own refusals. */
function refusalError(refusal: SocketRefusal): { code: string; message: string } {
  const { code, text } = refusalOf(CONSOLE_SOCKET_TEXTS, refusal);
  return { code, message: inLocale(text) };
}

function refused<T>(refusal: SocketRefusal): ConsoleAck<T> {
  return { ok: false, error: refusalError(refusal) } as ConsoleAck<T>;
}

/** What the rest of the server tells the consoles outside committed turns. */
export interface ClerkNamespace extends ClerkPresence {
  /** The citizen of a conversation is typing: the consoles watching it show it. */
  citizenTyping(conversationId: string): void;
  /** The citizen's messaging app changed what it can deliver (Zalo down, back, or refusing): views are sent again. */
  contactChanged(conversationId: string): void;
  /** Checks again the consoles these accounts have open on this node; cuts off those no longer allowed. */
  recheckUsers(userIds: readonly string[]): Promise<void>;
  /** Stops the namespace's timers (the server is closing). */
  stop(): void;
}

/**
 * The clerk console's live side, Socket.IO namespace `/clerk`: authenticated by the console's
 * session cookie, re-checked on every event and periodically, authorised per unit on every
 * event, every read and change of a conversation written to the audit log.
 */
export function attachClerkNamespace(io: Server, options: ClerkNamespaceOptions): ClerkNamespace {
  const namespace = io.of("/clerk");
  const { store, service, catalogue, logger } = options;

  namespace.use(async (socket, next) => {
    const secret = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
    const checked = await checkConsole(store, secret, options.now()).catch((): ConsoleCheck => ({
      ok: false,
      refusal: { key: "AUTH_REQUIRED.unchecked" },
    }));
    if (!checked.ok) {
      const error = refusalError(checked.refusal);
      next(Object.assign(new Error(error.code), { data: error }));
      return;
    }
    socket.data = { user: checked.user, sessionSecret: secret! };
    next();
  });

  const queues = new UnitQueues(store, options.abandonment, options.now);
  // With several nodes a clerk may be signed in on another: each node tells the others what its rooms hold.
  const shared = options.clusterNode
    ? nodePresence(namespace, options.clusterNode, (room) => room.startsWith("unit:") || room.startsWith("user:"))
    : null;
  const roomSize = (room: string) => shared?.count(room) ?? namespace.adapter.rooms.get(room)?.size ?? 0;
  const presence: ClerkPresence = {
    clerksSignedIn: (unitId) => roomSize(unitRoom(unitId)),
    isSignedIn: (userId) => roomSize(userRoom(userId)) > 0,
  };

  async function queueFor(unitIds: readonly string[] | null): Promise<QueueItem[]> {
    return (await queues.queueOf(unitIds)).map((record) => queueItem(catalogue, record));
  }

  /** Sends the queue to a unit's room and to the supervisors' room. */
  async function publishQueue(unitId: string | null): Promise<void> {
    namespace.to(unitRoom(unitId)).emit("queue:update", await queueFor(unitId ? [unitId] : []));
    namespace.to(ALL_UNITS_ROOM).emit("queue:update", await queueFor(null));
  }

  /** Everything the console shows of a conversation: state, transcript, draft, notes. */
  async function viewOf(conversationId: string): Promise<ConversationView | null> {
    const [loaded, notes, contact] = await Promise.all([
      service.load(conversationId),
      store.listNotes(conversationId, NOTES_SHOWN),
      options.contactOf?.(conversationId) ?? null,
    ]);
    return loaded ? conversationView(catalogue, loaded.record, loaded.transcript, notes, contact) : null;
  }

  /**
   * Sends the conversation's view again to the consoles of this node watching it; with several nodes the others
   * are told to do the same for theirs, so that each view is read once per node that shows it, not once per turn
   * on every node.
   */
  function refreshView(conversationId: string, toOtherNodes = true): void {
    if (shared && toOtherNodes) namespace.serverSideEmit(VIEW_CHANGED_EVENT, conversationId);
    if (!namespace.adapter.rooms.get(watchRoom(conversationId))?.size) return;
    void viewOf(conversationId)
      .then((loaded) => {
        if (loaded) namespace.local.to(watchRoom(conversationId)).emit("conversation:view", loaded);
      })
      .catch((error: unknown) =>
        logger.error({ event: "clerk.view_failed", err: error, conversationId }, "conversation view update failed"),
      );
  }

  if (shared)
    namespace.on(VIEW_CHANGED_EVENT, (conversationId: unknown) => {
      if (typeof conversationId === "string") refreshView(conversationId, false);
    });

  service.onCommitted((saved: ConversationRecord, messages) => {
    for (const message of messages) namespace.to(watchRoom(saved.id)).emit("conversation:message", message);
    for (const unitId of queues.changedBy(saved)) {
      void publishQueue(unitId).catch((error: unknown) =>
        logger.error({ event: "clerk.queue_failed", err: error }, "queue update failed"),
      );
    }
    refreshView(saved.id);
  });

  // The outboxes' state, sent to every console when it changes (a backed-up Zalo outbox shows a badge).
  let channelStatuses: ChannelStatusView[] = [];
  const readChannelStatus = async () => {
    const statuses = (await options.channelStatus?.()) ?? [];
    if (JSON.stringify(statuses) === JSON.stringify(channelStatuses)) return;
    channelStatuses = statuses;
    namespace.emit("channels:status", statuses);
  };
  const channelTimer = options.channelStatus
    ? setInterval(
        () =>
          void readChannelStatus().catch((error: unknown) =>
            logger.error({ event: "clerk.channels_failed", err: error }, "channel status failed"),
          ),
        options.channelStatusMs ?? 5_000,
      )
    : null;
  channelTimer?.unref();

  // With several nodes, the consoles of this node are told when it loses the others (Redis down) and gets them back:
  // meanwhile they see only the citizens and colleagues of this node.
  let reached = options.nodesReached?.() ?? true;
  const reachTimer = options.nodesReached
    ? setInterval(() => {
        const now = options.nodesReached!();
        if (now === reached) return;
        reached = now;
        namespace.local.emit("cluster:status", { shared: now });
      }, 1_000)
    : null;
  reachTimer?.unref();

  // Citizens who went away leave the queues on screen, and come back into them, without a turn to tell of it.
  let sweeping = false;
  const sweepAbandoned = async () => {
    if (sweeping || namespace.sockets.size === 0) return;
    sweeping = true;
    try {
      const swept = await queues.sweepAbandoned();
      for (const record of swept.left)
        logger.info(
          { event: "queue.abandoned", conversationId: record.id, unitId: record.state.unitId },
          "waiting citizen gone: out of the queue until they come back",
        );
      for (const unitId of swept.units) await publishQueue(unitId);
    } finally {
      sweeping = false;
    }
  };
  const abandonTimer = options.abandonment
    ? setInterval(
        () =>
          void sweepAbandoned().catch((error: unknown) =>
            logger.error({ event: "clerk.queue_failed", err: error }, "queue sweep failed"),
          ),
        abandonSweepMs(options.abandonment.afterMs),
      )
    : null;
  abandonTimer?.unref();

  namespace.on("connection", (raw) => {
    const socket = raw as unknown as ClerkSocket;
    const { user } = socket.data;
    socket.emit("console:settings", {
      cannedReplies: [...options.cannedReplies],
      units: catalogue.units.map((u) => ({ id: u.id, name: u.nameVi })),
    });
    if (options.channelStatus) socket.emit("channels:status", channelStatuses);
    if (options.nodesReached) socket.emit("cluster:status", { shared: reached });
    void (async () => {
      await socket.join(userRoom(user.id));
      if (user.role === "clerk") for (const unitId of user.unitIds) await socket.join(unitRoom(unitId));
      else await socket.join(ALL_UNITS_ROOM);
      shared?.changed();
      socket.emit("queue:update", await queueFor(user.role === "clerk" ? user.unitIds : null));
    })().catch((error: unknown) =>
      logger.error({ event: "clerk.connect_failed", err: error }, "console connection failed"),
    );

    // A disabled account or an ended session is cut off within `recheckMs`, even if idle.
    const timer = setInterval(() => {
      void checkConsole(store, socket.data.sessionSecret, options.now())
        .then((checked) => {
          if (!checked.ok) socket.disconnect(true);
        })
        // A store that fails to answer says nothing of the session: the next check decides.
        .catch((error: unknown) =>
          logger.error({ event: "clerk.recheck_failed", err: error }, "console session re-check failed"),
        );
    }, options.recheckMs);
    timer.unref();
    socket.on("disconnect", () => {
      clearInterval(timer);
      shared?.changed();
    });

    /** Checks the session again and the unit of the conversation; answers the ack itself when refused. */
    async function authorised(
      conversationId: string,
      ack: (a: ConsoleAck<never>) => void,
    ): Promise<ConversationRecord | null> {
      const checked = await checkConsole(store, socket.data.sessionSecret, options.now());
      if (!checked.ok) {
        ack(refused(checked.refusal));
        socket.disconnect(true);
        return null;
      }
      socket.data.user = checked.user;
      const record = await store.getConversation(conversationId);
      // Another unit's conversation and no conversation look the same to a clerk.
      if (!record || !mayAccess(checked.user, record.state.unitId)) {
        ack(refused({ key: "CONSOLE_NOT_FOUND" }));
        return null;
      }
      return record;
    }

    function audit(action: string, conversationId: string, detail?: Record<string, string | number | boolean>): void {
      void store
        .appendAudit({
          id: randomUUID(),
          at: options.now().toISOString(),
          actorId: socket.data.user.id,
          action,
          conversationId,
          ...(detail ? { detail } : {}),
        })
        .catch((error: unknown) => logger.error({ event: "audit.failed", err: error, action }, "audit write failed"));
    }

    const clerkRef = () => ({ id: socket.data.user.id, name: socket.data.user.displayName });

    /** `run` answers with the ack, or answers through `reply` itself and returns nothing. */
    function handle<S extends z.ZodTypeAny, T>(
      event: keyof ClerkClientToServerEvents,
      schema: S,
      run: (
        payload: z.infer<S>,
        record: ConversationRecord,
        reply: (answer: ConsoleAck<T>) => void,
      ) => Promise<ConsoleAck<T> | void>,
    ): void {
      (socket as unknown as Socket).on(event, async (...args: unknown[]) => {
        const { payload, ack: reply } = splitAck<ConsoleAck<T>>(args);
        const parsed = schema.safeParse(payload);
        if (!parsed.success) {
          reply(refused({ key: "CONSOLE_PAYLOAD_INVALID" }));
          return;
        }
        try {
          const record = await authorised((parsed.data as { conversationId: string }).conversationId, reply as never);
          if (!record) return;
          const answer = await run(parsed.data, record, reply);
          if (answer) reply(answer);
        } catch (error) {
          logger.error({ event: "clerk.event_failed", err: error, eventName: event }, "console event failed");
          reply(refused({ key: "CONSOLE_UNAVAILABLE" }));
        }
      });
    }

    /**
     * The acknowledgement of a clerk's turn, called once it is stored and before it is
     * delivered: a refusal, or `stored`'s answer (which may read the conversation as saved).
     */
    function acknowledgeWith<T>(
      reply: (answer: ConsoleAck<T>) => void,
      stored: (outcome: TurnOutcome & { ok: true }) => Promise<ConsoleAck<T>>,
    ): Acknowledge {
      return async (outcome) => {
        if (!outcome.ok) {
          const refusal = consoleRefusal(outcome);
          reply(denied(refusal.code, refusal.message));
          return;
        }
        reply(
          await stored(outcome).catch((error: unknown) => {
            logger.error({ event: "clerk.ack_failed", err: error }, "console acknowledgement failed");
            return denied<T>("CONSOLE_UNAVAILABLE", "Hệ thống đang bận, thử lại sau. / The system is busy; try again.");
          }),
        );
      };
    }

    const viewNow = (conversationId: string) => async () => ({
      ok: true as const,
      view: (await viewOf(conversationId))!,
    });

    handle("conversation:watch", idSchema, async ({ conversationId }) => {
      // The console shows one conversation at a time: watching one stops watching the others.
      for (const room of socket.rooms)
        if (room.startsWith("watch:") && room !== watchRoom(conversationId)) await socket.leave(room);
      await socket.join(watchRoom(conversationId));
      audit("conversation.read", conversationId);
      return { ok: true, view: (await viewOf(conversationId))! };
    });

    handle("conversation:note", noteSchema, async ({ conversationId, text }) => {
      const { user } = socket.data;
      const note: NoteRecord = {
        id: randomUUID(),
        conversationId,
        authorId: user.id,
        authorName: user.displayName,
        text,
        at: options.now().toISOString(),
      };
      await store.appendNote(note);
      audit("conversation.note", conversationId);
      const shown = { id: note.id, at: note.at, author: { id: user.id, name: user.displayName }, text };
      socket.to(watchRoom(conversationId)).emit("conversation:note", { ...shown, conversationId });
      return { ok: true, note: shown };
    });

    handle("conversation:take", idSchema, async ({ conversationId }, _record, reply) => {
      await service.clerkAction(
        conversationId,
        clerkRef(),
        { kind: "clerkTake", clerk: clerkRef() },
        acknowledgeWith(reply, async () => {
          audit("conversation.take", conversationId);
          await socket.join(watchRoom(conversationId));
          return viewNow(conversationId)();
        }),
      );
    });

    handle("conversation:message", messageSchema, async ({ conversationId, clientMessageId, text }, _record, reply) => {
      await service.clerkMessage(
        conversationId,
        clerkRef(),
        clientMessageId,
        normalizeInput(text),
        acknowledgeWith(reply, async (outcome) => {
          audit("conversation.message", conversationId);
          return { ok: true, seq: outcome.seq ?? outcome.record.lastSeq };
        }),
      );
    });

    handle("dossier:patch", patchSchema, async ({ conversationId, field, text }, _record, reply) => {
      const input: EngineInput = { kind: "clerkSetField", clerk: clerkRef(), field, text };
      await service.clerkAction(
        conversationId,
        clerkRef(),
        input,
        acknowledgeWith(reply, async () => {
          audit("dossier.patch", conversationId, { field });
          return viewNow(conversationId)();
        }),
      );
    });
    // The card's text and picture stay in this handler's memory: never logged, never stored, only the reading
    // goes to the engine (and, once the citizen confirms, the fields it fills).
    handle("dossier:identityCard", identityCardSchema, async (payload, _record, reply) => {
      const { conversationId } = payload;
      const reading =
        "qrText" in payload ? readCccdQr(payload.qrText) : await readCardPhoto(Buffer.from(payload.photo, "base64"));
      await service.clerkAction(
        conversationId,
        clerkRef(),
        { kind: "clerkIdentityCard", reading },
        acknowledgeWith(reply, async () => {
          audit("dossier.identity_card", conversationId, { from: "qrText" in payload ? "qr" : "photo" });
          return viewNow(conversationId)();
        }),
      );
    });
    handle("conversation:release", releaseSchema, async ({ conversationId, at }, _record, reply) => {
      await service.clerkAction(
        conversationId,
        clerkRef(),
        { kind: "clerkRelease", at },
        acknowledgeWith(reply, async () => {
          audit("conversation.release", conversationId, { at: typeof at === "string" ? at : at.stepId });
          return { ok: true };
        }),
      );
    });

    handle("conversation:close", idSchema, async ({ conversationId }, _record, reply) => {
      await service.clerkAction(
        conversationId,
        clerkRef(),
        { kind: "clerkClose" },
        acknowledgeWith(reply, async () => {
          audit("conversation.close", conversationId);
          return { ok: true };
        }),
      );
    });

    handle("conversation:transfer", transferSchema, async (payload, record, reply) => {
      const { conversationId } = payload;
      if ("unitId" in payload) {
        await service.clerkAction(
          conversationId,
          clerkRef(),
          { kind: "clerkTransfer", by: clerkRef(), unitId: payload.unitId },
          acknowledgeWith(reply, async () => {
            audit("conversation.transfer", conversationId, { unitId: payload.unitId });
            await socket.leave(watchRoom(conversationId));
            return { ok: true };
          }),
        );
        return;
      }
      const target = handOverTarget(
        await colleaguesOf(store, presence, record.state.unitId),
        payload.clerkId,
        socket.data.user.id,
      );
      if (!target.ok) return refused(target.refusal);
      const { colleague } = target;
      await service.clerkAction(
        conversationId,
        clerkRef(),
        { kind: "clerkHandOver", by: clerkRef(), to: { id: colleague.id, name: colleague.name } },
        acknowledgeWith(reply, async () => {
          audit("conversation.hand_over", conversationId, { to: colleague.id });
          return { ok: true };
        }),
      );
    });

    handle("conversation:transferTargets", idSchema, async (_payload, record) => ({
      ok: true,
      ...(await transferTargets(catalogue, store, presence, record.state.unitId, socket.data.user.id)),
    }));

    // Only the clerk holding the conversation types to its citizen; anything else is dropped.
    socket.on("typing:clerk", (payload) => {
      const parsed = idSchema.safeParse(payload);
      if (!parsed.success) return;
      void store
        .getConversation(parsed.data.conversationId)
        .then((record) => {
          const { user } = socket.data;
          if (
            record?.state.status === "with_clerk" &&
            record.state.clerk?.id === user.id &&
            mayAccess(user, record.state.unitId)
          ) {
            io.of("/chat").to(chatRoomOf(record.id)).emit("typing:start");
          }
        })
        // A lost typing signal is not worth an error: the next keystroke sends another.
        .catch(() => undefined);
    });
  });

  return {
    contactChanged: (conversationId) => refreshView(conversationId),
    citizenTyping(conversationId) {
      namespace.to(watchRoom(conversationId)).emit("typing:citizen", { conversationId });
    },
    ...presence,
    async recheckUsers(userIds) {
      const sockets = userIds.flatMap((id) =>
        [...(namespace.adapter.rooms.get(userRoom(id)) ?? [])].flatMap(
          (socketId) => namespace.sockets.get(socketId) ?? [],
        ),
      );
      await Promise.all(
        sockets.map(async (socket) => {
          const checked = await checkConsole(
            store,
            (socket as unknown as ClerkSocket).data.sessionSecret,
            options.now(),
          );
          if (!checked.ok) socket.disconnect(true);
        }),
      );
    },
    stop() {
      if (channelTimer) clearInterval(channelTimer);
      if (abandonTimer) clearInterval(abandonTimer);
      shared?.stop();
      if (reachTimer) clearInterval(reachTimer);
    },
  };
}
