import type { Namespace } from "socket.io";
import { type CodedTexts, inLocale, refusalOf } from "../codedTexts";
import { OpenConnectionCap } from "./openConnectionCap";

export const CONSOLE_CAP_TEXTS = {
  CONSOLE_TOO_MANY_CONSOLES: {
    vi: (params: { max: number }) =>
      `Tài khoản này đã mở ${params.max} cửa sổ bàn làm việc cùng lúc. Đóng bớt các tab không dùng rồi tải lại trang.`,
    en: (params: { max: number }) =>
      `This account already has ${params.max} consoles open at once. Close the tabs you do not use, then reload.`,
  },
} satisfies CodedTexts;

/**
 * Caps the consoles one account keeps open on `/clerk` at once (CONSOLE_CONNECTIONS_PER_ACCOUNT):
 * a clerk works in a few tabs, a stolen session opening hundreds is refused with `connect_error`
 * `CONSOLE_TOO_MANY_CONSOLES`. Registered after the namespace's own login check, which names the
 * account; the place is freed when the console closes.
 * Counted per process even with several nodes: the cap bounds the consoles one node holds, each on one node.
 */
export function capConsolesPerAccount(namespace: Namespace, max: number): OpenConnectionCap {
  const cap = new OpenConnectionCap(max);
  namespace.use((socket, next) => {
    const userId = (socket.data as { user?: { id?: unknown } }).user?.id;
    if (typeof userId !== "string") {
      next();
      return;
    }
    const release = cap.acquire(userId);
    if (!release) {
      const { code, text } = refusalOf(CONSOLE_CAP_TEXTS, { key: "CONSOLE_TOO_MANY_CONSOLES", params: { max } });
      next(Object.assign(new Error(code), { data: { code, message: inLocale(text) } }));
      return;
    }
    socket.once("disconnect", release);
    socket.conn.once("close", release);
    next();
  });
  return cap;
}
