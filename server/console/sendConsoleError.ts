import { errorSender } from "../http/httpErrors";
import { CONSOLE_REST_TEXTS } from "./consoleTexts";

/**
 * Refuses a console REST request with the status and text of `CONSOLE_REST_TEXTS`.
 * @example sendConsoleError(res, "CONSOLE_NOT_FOUND.attachment")
 */
export const sendConsoleError = errorSender(CONSOLE_REST_TEXTS);
