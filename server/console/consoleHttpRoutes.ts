import { reportRoutes } from "./reportRoutes";
import type { Request, Router } from "express";
import type { ConversationService } from "../conversation/conversationService";
import type { Catalogue } from "../engine/catalogue";
import type { WindowLimiter } from "../limits/windowLimiter";
import type { Logger } from "../logger";
import type { Store } from "../store/store";
import { authRoutes } from "./authRoutes";
import { consoleRoutes } from "./consoleRoutes";
import { dashboardRoutes } from "./dashboardRoutes";
import { postalRoutes } from "./postalRoutes";
import { privacyRoutes } from "./privacyRoutes";
import type { WorkingCalendar } from "../deadlines/workingCalendar";

export interface ConsoleHttpOptions {
  store: Store;
  service: ConversationService;
  catalogue: Catalogue;
  logger: Logger;
  now: () => Date;
  /** Cookies marked Secure when the public address is https. */
  secureCookies: boolean;
  /** The dashboard's "due soon": today or the next working day. */
  calendar: WorkingCalendar;
  /**
   * Password attempts per account and per address (`createLimits`: shared by the nodes with Redis).
   */
  loginLimits: { perAccount: WindowLimiter; perAddress: WindowLimiter };
}

/**
 * The console's REST side (sign-in, account, dossiers, dashboard), for the HTTP app to mount under its
 * API guard: given how the app tells a request's address, the routers in their order.
 */
export function consoleHttpRoutes(options: ConsoleHttpOptions): (addressOf: (req: Request) => string) => Router[] {
  return (addressOf) => [
    authRoutes({
      store: options.store,
      logger: options.logger,
      now: options.now,
      secureCookies: options.secureCookies,
      accountLimiter: options.loginLimits.perAccount,
      addressLimiter: options.loginLimits.perAddress,
      addressOf,
    }),
    consoleRoutes({
      store: options.store,
      service: options.service,
      catalogue: options.catalogue,
      logger: options.logger,
      now: options.now,
      calendar: options.calendar,
    }),
    reportRoutes({ store: options.store, logger: options.logger, now: options.now }),
    privacyRoutes({ store: options.store, logger: options.logger, now: options.now }),
    postalRoutes({
      store: options.store,
      service: options.service,
      catalogue: options.catalogue,
      logger: options.logger,
      now: options.now,
    }),
    dashboardRoutes({
      store: options.store,
      catalogue: options.catalogue,
      calendar: options.calendar,
      logger: options.logger,
      now: options.now,
    }),
  ];
}
