/** How the benchmarks' simulated citizens connect to `/chat`: as the widget does, at a bounded rate. */
import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import type { ChatAuth, ClientToServerEvents, ServerToClientEvents } from "../../server/channels/web/protocol";

export type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const HANDSHAKE_TIMEOUT_MS = 20_000;

export interface CitizenAddress {
  /** The citizen's global index: picks its source address. */
  index: number;
  /** Source addresses 127.0.0.2… to spread clients over (1 = everyone on 127.0.0.1). */
  sourceAddresses: number;
  /** The unit of the page the widget is on (handshake `unit`). */
  unit?: string;
}

/** A new conversation: websocket transport, one connection per citizen, no automatic reconnection. */
export function openCitizenSocket(url: string, citizen: CitizenAddress): ChatSocket {
  const auth: ChatAuth = { locale: "vi", ...(citizen.unit ? { unit: citizen.unit } : {}) };
  return io(`${url}/chat`, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    timeout: HANDSHAKE_TIMEOUT_MS,
    auth,
    ...(citizen.sourceAddresses > 1
      ? { localAddress: `127.0.0.${2 + (citizen.index % citizen.sourceAddresses)}` }
      : {}),
  } as Parameters<typeof io>[1]);
}

/** Calls `launch(0)`, `launch(1)`, … `launch(count - 1)` at `ratePerSecond`: every 10 ms, those due by then. */
export function launchAtRate(count: number, ratePerSecond: number, launch: (i: number) => void): void {
  const started = performance.now();
  let launched = 0;
  const ramp = setInterval(() => {
    const due = Math.min(count, Math.ceil(((performance.now() - started) / 1000) * ratePerSecond));
    while (launched < due) launch(launched++);
    if (launched >= count) clearInterval(ramp);
  }, 10);
}
