import pino from "pino";
import { createLogger } from "../../server/logger";
import { stopOnFatalError } from "../../server/stopOnFatalError";

// `node --import tsx fatalErrorScript.ts <log file> throw|reject`: installs the fatal-error
// handler with a real logger writing to the file, then lets an error escape as told.
const [logFile, how] = process.argv.slice(2);
const logger = createLogger("info", pino.destination({ dest: logFile!, sync: true }));
stopOnFatalError(logger, async () => undefined);
const escaped = new Error("hồ sơ của CCCD 079203001234 không đọc được");
setTimeout(() => {
  if (how === "throw") throw escaped;
  void Promise.reject(escaped);
}, 0);
// Keeps the process alive: only the handler may end it.
setInterval(() => undefined, 60_000);
