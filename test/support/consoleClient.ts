import { io as connect, type Socket } from "socket.io-client";
import { HONG_NGU_UNITS_2022 } from "../../flows/units";
import type {
  ClerkClientToServerEvents,
  ClerkNote,
  ClerkServerToClientEvents,
  ConsoleSettings,
  ConversationView,
  QueueItem,
} from "../../server/console/clerkProtocol";
import { addUser } from "../../server/console/userAccounts";
import type { ChatMessage } from "../../server/channels/web/protocol";
import type { UserRole } from "../../server/store/store";
import type { TestServer } from "./testServer";

export const CLERK_PASSWORD = "mật khẩu của cán bộ phường";

/** A clerk account of An Thạnh (or the given units) with {@link CLERK_PASSWORD}, as the admin would make it. */
export async function addClerk(
  store: TestServer["store"],
  clerk: { username: string; displayName: string },
  unitIds: string[] = ["an-thanh"],
): Promise<void> {
  await addUser(
    store,
    HONG_NGU_UNITS_2022,
    { username: clerk.username, role: "clerk", unitIds, displayName: clerk.displayName, password: CLERK_PASSWORD },
    new Date(),
  );
}

/** A console user logged in, with a live `/clerk` connection recording what arrives. */
export class Clerk {
  readonly socket: Socket<ClerkServerToClientEvents, ClerkClientToServerEvents>;
  readonly queues: QueueItem[][] = [];
  readonly messages: ChatMessage[] = [];
  readonly views: ConversationView[] = [];
  readonly notes: (ClerkNote & { conversationId: string })[] = [];
  settings: ConsoleSettings | null = null;

  private constructor(
    readonly id: string,
    readonly cookie: string,
    readonly csrfToken: string,
    url: string,
  ) {
    this.socket = connect(`${url}/clerk`, {
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      extraHeaders: { Cookie: cookie },
    });
    this.socket.on("queue:update", (q) => this.queues.push(q));
    this.socket.on("conversation:message", (m) => this.messages.push(m));
    this.socket.on("conversation:view", (v) => this.views.push(v));
    this.socket.on("conversation:note", (n) => this.notes.push(n));
    this.socket.on("console:settings", (s) => (this.settings = s));
  }

  /** Creates the account, logs in over HTTP and connects to `/clerk`. */
  static async login(
    server: TestServer,
    username: string,
    role: UserRole,
    unitIds: string[],
    displayName: string,
  ): Promise<Clerk> {
    const { user } = await addUser(
      server.store,
      HONG_NGU_UNITS_2022,
      { username, role, unitIds, displayName, password: CLERK_PASSWORD },
      new Date(),
    );
    return Clerk.signIn(server.url, username, user.id);
  }

  /** Logs an existing account in at `url` (a server, or the proxy in front of several) and connects to `/clerk`. */
  static async signIn(url: string, username: string, userId = ""): Promise<Clerk> {
    const res = await fetch(`${url}/api/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username, password: CLERK_PASSWORD }),
    });
    const cookie = /khaiho_session=[^;]*/.exec(res.headers.get("set-cookie") ?? "")![0];
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const clerk = new Clerk(userId, cookie, csrfToken, url);
    await new Promise<void>((resolve, reject) => {
      clerk.socket.once("connect", () => resolve());
      clerk.socket.once("connect_error", reject);
    });
    await clerk.until(() => clerk.queues.length > 0, "the first queue");
    return clerk;
  }

  get queue(): QueueItem[] {
    return this.queues[this.queues.length - 1] ?? [];
  }

  async until(test: () => boolean, what: string, ms = 5000): Promise<void> {
    const started = Date.now();
    while (!test()) {
      if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  emit<E extends keyof ClerkClientToServerEvents>(
    event: E,
    payload: Parameters<ClerkClientToServerEvents[E]>[0],
  ): Promise<Parameters<NonNullable<Parameters<ClerkClientToServerEvents[E]>[1]>>[0]> {
    return (this.socket.timeout(5000) as unknown as { emitWithAck(e: string, p: unknown): Promise<never> }).emitWithAck(
      event,
      payload,
    );
  }

  close(): void {
    this.socket.disconnect();
  }
}

/**
 * A console user's REST request, as the console sends it: the session cookie, the CSRF token on every
 * request, a JSON body when there is one (a POST), and any extra headers.
 */
export function consoleRequest(
  url: string,
  user: Clerk,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      Cookie: user.cookie,
      "X-CSRF-Token": user.csrfToken,
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
