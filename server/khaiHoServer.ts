import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express } from "express";
import path from "node:path";
import { Server } from "socket.io";
import { HONG_NGU_CITY } from "../flows/units";
import { ALL_FLOWS } from "../flows/catalogue";
import { attachChatNamespace, namespaceDelivery } from "./channels/web/chatNamespace";
import { attachClerkNamespace, type ClerkNamespace } from "./console/clerkNamespace";
import { watchAccountChanges } from "./console/watchAccountChanges";
import { requeueHeldConversations } from "./handoff/requeueHeldConversations";
import { clerkAvailability } from "./handoff/clerkAvailability";
import { citizenConnections } from "./handoff/citizenConnections";
import { parseWorkingHours } from "./handoff/workingHours";
import type { Config } from "./config";
import { ConversationService } from "./conversation/conversationService";
import { formTemplateExists } from "./dossier/renderForm";
import { DailyReportJob } from "./reports/dailyReportJob";
import { reportThresholds } from "./reports/reportThresholds";
import { type ReportSchedule, startReportSchedule } from "./reports/reportSchedule";
import { LegalDeadlines } from "./deadlines/legalDeadlines";
import { WorkingCalendar } from "./deadlines/workingCalendar";
import { StoreDossierService } from "./dossier/storeDossierService";
import { buildCatalogue } from "./engine/buildCatalogue";
import { createApp } from "./http/createApp";
import { capConsolesPerAccount } from "./limits/consoleConnectionCap";
import { OpenConnectionCap } from "./limits/openConnectionCap";
import { createLimits } from "./limits/sharedLimits";
import { startUnattachedUploadSweep } from "./http/unattachedUploadSweep";
import { startDraftRetentionSweep } from "./privacy/draftRetentionSweep";
import type { Logger } from "./logger";
import type { Store } from "./store/store";
import { PROJECT_ROOT } from "./projectRoot";
import { consoleHttpRoutes } from "./console/consoleHttpRoutes";
import { createZaloChannel } from "./channels/zalo/zaloChannel";
import { BotpressBridge } from "./channels/botpress/botpressBridge";
import type { MessagingChannel } from "./channels/messagingChannel";
import type { QuestionBridge } from "./conversation/questionBridge";
import type { RedisLink } from "./cluster/redisLink";
import { joinNodes } from "./cluster/joinNodes";

export const DEMO_PAGE = path.join(PROJECT_ROOT, "widget/demo/index.html");
const CONSOLE_PAGE = path.join(PROJECT_ROOT, "console/index.html");

export interface KhaiHoServer {
  http: HttpServer;
  /** The HTTP app, whose router lists every route. */
  app: Express;
  io: Server;
  service: ConversationService;
  /** The daily report: made on its schedule, or on demand. */
  reports: DailyReportJob;
  /** Starts listening; resolves with the port (PORT=0 picks a free one). */
  listen(): Promise<number>;
  /** Graceful stop: no new connections, in-flight turns finished and stored, store closed. */
  close(): Promise<void>;
}

export interface ServerParts {
  config: Readonly<Config>;
  store: Store;
  logger: Logger;
  /** The built widget script. */
  widget: string;
  /** The built clerk console (page, script, stylesheet, the dashboard's script). */
  console?: { html: string; js: string; css: string; dashboardJs?: string };
  now?: () => Date;
  /** The city's own bot for questions the assistant cannot answer (the Botpress bridge), when configured. */
  questionBridge?: QuestionBridge;
  /** The shared Redis of several nodes (REDIS_URL); closed with the server. Absent: one node on its own. */
  redis?: RedisLink | null;
}

/** Puts the server together: catalogue, conversation service, HTTP app, Socket.IO. */
export function createKhaiHoServer(parts: ServerParts): KhaiHoServer {
  const { config, store, logger } = parts;
  const now = parts.now ?? (() => new Date());
  const city = { ...HONG_NGU_CITY, unitPrefixedCodes: config.UNIT_PREFIXED_CODES };
  const catalogue = buildCatalogue({ flows: ALL_FLOWS, units: config.units, city, formTemplateExists });
  const calendar = WorkingCalendar.fromFile(config.HOLIDAYS_FILE, config.HOLIDAYS);
  const deadlines = new LegalDeadlines(calendar, config.DEADLINE_CUTOFF_HOUR);
  // Counted in Redis with several nodes (one budget between them), by this node alone without it.
  const limits = createLimits(config, parts.redis ?? null, logger);
  const dossiers = new StoreDossierService(store, city, catalogue.units, limits.statusLookup, deadlines);

  const questionBridge =
    parts.questionBridge ??
    (config.BOTPRESS_API_URL
      ? new BotpressBridge({
          apiUrl: config.BOTPRESS_API_URL,
          token: config.BOTPRESS_TOKEN!,
          botId: config.BOTPRESS_BOT_ID!,
          timeoutMs: config.BOTPRESS_TIMEOUT_MS,
          logger,
        })
      : null);
  let io: Server | null = null;
  const delivery = namespaceDelivery(() => io!.of("/chat") as never);
  const hours = parseWorkingHours(config.WORKING_HOURS, [...calendar.daysOff].join(","));
  let consoles: ClerkNamespace | null = null;
  const queueAbandonment = {
    afterMs: config.QUEUE_ABANDON_MINUTES * 60_000,
    connected: citizenConnections(() => io!.of("/chat")),
  };
  const service = new ConversationService({
    store,
    catalogue,
    dossiers,
    now,
    logger,
    delivery,
    maxTurnsInFlight: config.MAX_TURNS_IN_FLIGHT,
    deadlines,
    // Clerks signed in are counted on this node: with several nodes, sticky sessions and the
    // Redis adapter's room counts take over (roadmap step 6).
    clerkAvailability: clerkAvailability(hours, () => consoles),
    queueAbandonment,
    ...(questionBridge ? { questionBridge } : {}),
  });
  const channels: MessagingChannel[] = [
    createZaloChannel({ config, store, service, catalogue, logger, now, perConversation: limits.zaloPerConversation }),
  ].filter((channel) => channel !== null);
  for (const channel of channels) service.onCommitted((saved, messages) => channel.committed(saved, messages));
  const app = createApp({
    config,
    store,
    service,
    dossiers,
    catalogue,
    logger,
    now,
    widget: () => parts.widget,
    demoPage: readFileSync(DEMO_PAGE, "utf8"),
    console: parts.console ?? { html: readFileSync(CONSOLE_PAGE, "utf8"), js: "", css: "" },
    perIp: limits.httpPerIp,
    consoleRouters: consoleHttpRoutes({
      store,
      service,
      catalogue,
      logger,
      now,
      secureCookies: config.publicUrl.startsWith("https:"),
      calendar,
      loginLimits: { perAccount: limits.loginPerAccount, perAddress: limits.loginPerAddress },
    }),
    channelRouters: channels.map((channel) => channel.router),
    ...(channels.length > 0 ? { channelStatus: () => Promise.all(channels.map((channel) => channel.status())) } : {}),
  });
  const http = createServer(
    {
      // Node checks these timeouts on a timer (30 s by default): a fraction of the shortest, so that a
      // trickling client is cut close to the time set rather than up to half a minute later.
      connectionsCheckingInterval: Math.min(
        5_000,
        Math.max(100, Math.min(config.HTTP_HEADERS_TIMEOUT_MS, config.HTTP_REQUEST_TIMEOUT_MS) / 4),
      ),
    },
    app,
  );
  // Explicit, so that slowloris and slow POSTs are cut by the city's settings, not by Node's defaults of the day.
  http.headersTimeout = config.HTTP_HEADERS_TIMEOUT_MS;
  http.requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  http.keepAliveTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  const allowed = new Set(config.ALLOWED_ORIGINS);
  io = new Server(http, {
    // Application-level resume (lastSeq) is the mechanism; recovery only spares a quick
    // reconnect the replay. Kept ≤ 30 s: longer windows hold ~0.8 KB of heap per event (DESIGN.md).
    // 0 turns recovery off altogether: passing the option at all keeps every emitted packet.
    ...(config.CONNECTION_RECOVERY_MS > 0
      ? { connectionStateRecovery: { maxDisconnectionDuration: config.CONNECTION_RECOVERY_MS, skipMiddlewares: false } }
      : {}),
    maxHttpBufferSize: 64 * 1024,
    pingInterval: 25_000,
    pingTimeout: 20_000,
    cors: { origin: [...allowed], methods: ["GET", "POST"] },
    // Browsers send Origin; a page of a city not in the list cannot open the chat.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, origin === undefined || allowed.has(origin) || allowed.has("*"));
    },
  });
  // Several nodes: events fan out through Redis, and session ids name their node for the proxy's routing.
  const nodeId = config.NODE_ID ?? null;
  if (parts.redis) joinNodes(io, parts.redis);
  if (nodeId) {
    const engine = io.engine as unknown as { generateId: (req: unknown) => string };
    engine.generateId = () => `${nodeId}-${randomBytes(15).toString("base64url")}`;
  }
  const addressOf = (socket: { handshake: { address: string; headers: Record<string, unknown> } }) => {
    const forwarded = config.TRUST_PROXY
      ? String(socket.handshake.headers["x-forwarded-for"] ?? "")
          .split(",")[0]
          ?.trim()
      : "";
    return forwarded || socket.handshake.address;
  };
  consoles = attachClerkNamespace(io, {
    store,
    service,
    catalogue,
    logger,
    now,
    recheckMs: config.CONSOLE_SESSION_RECHECK_MS,
    cannedReplies: config.CANNED_REPLIES,
    abandonment: queueAbandonment,
    ...(parts.redis ? { clusterNode: nodeId ?? `node-${process.pid}`, nodesReached: parts.redis.isUp } : {}),
    ...(channels.length > 0
      ? {
          contactOf: async (conversationId: string) => {
            for (const channel of channels) {
              const contact = await channel.contact(conversationId);
              if (contact) return contact;
            }
            return null;
          },
          channelStatus: () => Promise.all(channels.map((channel) => channel.status())),
        }
      : {}),
  });
  for (const channel of channels) channel.onContactChange((conversationId) => consoles?.contactChanged(conversationId));
  capConsolesPerAccount(io.of("/clerk"), config.CONSOLE_CONNECTIONS_PER_ACCOUNT);
  attachChatNamespace(io, {
    service,
    logger,
    perConversation: limits.chatPerConversation,
    perIp: limits.chatPerIp,
    openPerAddress: new OpenConnectionCap(config.CHAT_CONNECTIONS_PER_ADDRESS),
    perSocket: {
      perSecond: config.CHAT_EVENTS_PER_SECOND,
      burst: config.CHAT_EVENTS_BURST,
      refusalsBeforeCut: config.CHAT_REFUSALS_BEFORE_DISCONNECT,
    },
    addressOf,
    citizenTyping: (conversationId) => consoles?.citizenTyping(conversationId),
  });
  const uploadSweep = startUnattachedUploadSweep({
    store,
    ttlMinutes: config.UPLOAD_UNATTACHED_TTL_MINUTES,
    now,
    logger,
  });
  const draftSweep = startDraftRetentionSweep({ store, retentionDays: config.DRAFT_RETENTION_DAYS, now, logger });

  /** An account disabled or given a new password: its consoles are cut, its conversations requeued. */
  async function actOnAccountChanges(userIds: string[]): Promise<void> {
    await consoles!.recheckUsers(userIds);
    const users = await Promise.all(userIds.map((id) => store.getUser(id)));
    const gone = new Set(userIds.filter((id, i) => !users[i] || users[i]!.disabled));
    await requeueHeldConversations(store, service, logger, gone);
  }
  let accountWatcher: { stop(): Promise<void> } | null = null;
  const reportJob = new DailyReportJob({
    store,
    units: catalogue.units,
    city,
    calendar,
    thresholds: reportThresholds(config),
    groupId: config.ZALO_REPORT_GROUP_ID ?? null,
    groups: channels.find((channel) => channel.groups)?.groups ?? null,
    logger,
    now,
  });
  let reportSchedule: ReportSchedule | null = null;

  return {
    http,
    app,
    io,
    service,
    reports: reportJob,
    listen: () =>
      new Promise((resolve, reject) => {
        http.once("error", reject);
        http.listen(config.PORT, config.HOST, () => {
          accountWatcher ??= watchAccountChanges({
            store,
            logger,
            pollMs: config.ACCOUNT_CHANGES_POLL_MS,
            onChanges: actOnAccountChanges,
          });
          for (const channel of channels) channel.start();
          if (config.REPORT_CRON !== "off")
            reportSchedule ??= startReportSchedule({ pattern: config.REPORT_CRON, job: reportJob, logger, now });
          resolve((http.address() as AddressInfo).port);
        });
      }),
    async close() {
      await reportSchedule?.stop();
      await accountWatcher?.stop();
      consoles?.stop();
      const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
      // The channels first: no event is taken in that would not be processed, and replies under way go out.
      await Promise.all(channels.map((channel) => channel.stop()));
      await service.drain();
      await new Promise<void>((resolve) => io!.close(() => resolve()));
      await stopped;
      await uploadSweep.stop();
      await draftSweep.stop();
      await store.close();
      await parts.redis?.close();
    },
  };
}
