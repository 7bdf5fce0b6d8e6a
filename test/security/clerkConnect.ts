import { io as connect } from "socket.io-client";

/** Opens `/clerk` with these headers; resolves with "connected" or the refusal's code. */
export function clerkConnectOutcome(url: string, headers: Record<string, string>, auth: object = {}): Promise<string> {
  const socket = connect(`${url}/clerk`, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: headers,
    auth,
  });
  return new Promise((resolve) => {
    socket.once("connect", () => (socket.disconnect(), resolve("connected")));
    socket.once(
      "connect_error",
      (e: Error & { data?: { code?: string } }) => (socket.disconnect(), resolve(e.data?.code ?? e.message)),
    );
  });
}
