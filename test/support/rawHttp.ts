import net from "node:net";

/** How the client ends its side once the request bytes are written. */
export type RequestEnding =
  /** Waits for the answer (or the server closing). */
  | "wait"
  /** Half-closes: the server reads end-of-stream, so a short body stays short. */
  | "half-close"
  /** Destroys the socket at once, mid-body. */
  | "destroy";

export interface RawAnswer {
  /** The status code, or "closed" when the server closed without a full status line. */
  status: number | "closed";
  /** The answer's body as text (empty when closed). */
  body: string;
}

// A bound on how long a client waits for an answer to a body it never finished sending; the
// server's own request timeout is minutes. Reaching it is counted as "closed", not a failure.
const GIVE_UP_MS = 3_000;

/**
 * Writes raw bytes to the server, bypassing every client library (which would refuse to send a
 * short body or a bad header), and reads what comes back.
 */
export function rawRequest(port: number, bytes: Buffer | string, ending: RequestEnding = "wait"): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.write(bytes);
      if (ending === "half-close") socket.end();
      if (ending === "destroy") socket.destroy();
    });
    socket.on("data", (d: Buffer) => chunks.push(d));
    socket.on("error", () => undefined);
    const timer = setTimeout(() => socket.destroy(), GIVE_UP_MS);
    socket.on("close", () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString("utf8");
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
      resolve({ status: status ? Number(status) : "closed", body: text.split("\r\n\r\n").slice(1).join("\r\n\r\n") });
    });
  });
}

/** The head of an HTTP/1.1 request, closing the connection after it. */
export function requestHead(method: string, path: string, headers: Record<string, string | number>): string {
  const lines = Object.entries({ Host: "127.0.0.1", Connection: "close", ...headers }).map(([k, v]) => `${k}: ${v}`);
  return `${method} ${path} HTTP/1.1\r\n${lines.join("\r\n")}\r\n\r\n`;
}
