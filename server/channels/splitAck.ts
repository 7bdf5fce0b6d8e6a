/**
 * The payload and the acknowledgement callback of a socket event, whatever the client sent:
 * Socket.IO puts the callback last, so an event sent with no payload brings it as the first
 * argument, and one sent with extra arguments brings it further along. A client that asks for
 * no answer gets a no-op, so a handler always has something to answer.
 */
export function splitAck<A>(args: readonly unknown[]): { payload: unknown; ack: (answer: A) => void } {
  const last = args[args.length - 1];
  const ack = typeof last === "function" ? (last as (answer: A) => void) : () => undefined;
  const payload = typeof args[0] === "function" ? undefined : args[0];
  return { payload, ack };
}
