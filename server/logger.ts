import pino, { type Logger } from "pino";
import { redactPersonalData } from "./redactPersonalData";

export type { Logger };

/**
 * JSON logs (pino) with personal numbers scrubbed from every field and message. Citizen and
 * clerk text is never logged: events carry ids, codes and counts only.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "khai-ho" },
      formatters: { log: (object) => redactPersonalData(object) },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => redactPersonalData(a)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
