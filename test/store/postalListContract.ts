import type { Dossier, PostalStatus, SubmissionChoice } from "../../server/dossier/dossier";
import { initialState } from "../../server/engine/conversationState";
import type { Store } from "../../server/store/store";
import { newDossier, OPERATOR, queuedConversation, uniqueId } from "./storeRecords";
import { openForEachTest, type StoreUnderTest } from "../support/storeUnderTest";

// 2 March 2026 in Viet Nam runs from 1 March 17:00 UTC to 2 March 17:00 UTC.
const DAY = "2026-03-02";
const FIRST_INSTANT = "2026-03-01T17:00:00.000Z";
const LAST_INSTANT = "2026-03-02T16:59:59.999Z";
const DAY_BEFORE = "2026-03-01T16:59:59.999Z";
const WEEK_BEFORE = "2026-02-23T03:00:00.000Z";
const WEEK_BEFORE_LATER = "2026-02-23T04:00:00.000Z";
const DAY_AFTER = "2026-03-02T17:00:00.000Z";

const PICKUP_ONLY: SubmissionChoice = { submitMethod: "postal", returnMethod: "counter", postalAddress: "1 Lê Lợi" };
const DELIVERY_ONLY: SubmissionChoice = { submitMethod: "online", returnMethod: "postal", postalAddress: "2 Lê Lợi" };
const BOTH: SubmissionChoice = { submitMethod: "postal", returnMethod: "postal", postalAddress: "3 Lê Lợi" };
const NONE: SubmissionChoice = { submitMethod: "counter", returnMethod: "counter" };

/**
 * The postal list over every adapter (part of the dossier contract): the day's postal dossiers of some units, in the
 * city's calendar, and the earlier ones the post office has not finished with — identical in SQLite and MongoDB.
 */
export function describePostalListContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`${name} (postal list contract)`, () => {
    let store: Store;
    openForEachTest(makeStore, (opened) => {
      store = opened;
    });

    /** A dossier written by a turn of a conversation of its unit, created at `createdAt`. */
    async function submitted(
      createdAt: string,
      submission: SubmissionChoice,
      extra: { unitId?: string; postal?: PostalStatus; code?: string } = {},
    ): Promise<Dossier> {
      const dossier = newDossier(extra.code ?? uniqueId("HN"), {
        unitId: extra.unitId ?? "an-thanh",
        submission,
        createdAt,
        updatedAt: createdAt,
        ...(extra.postal ? { postal: { status: extra.postal, updatedAt: createdAt, byClerkId: "clerk-1" } } : {}),
      });
      const conversation = queuedConversation(dossier.unitId, "completed", 0);
      await store.createConversation(conversation);
      const result = await store.commitTurn({
        conversationId: conversation.id,
        expectedVersion: 0,
        state: { ...initialState("vi", dossier.unitId), status: "completed", dossierCode: dossier.code },
        messages: [],
        dedupe: null,
        dossier,
      });
      if (!result.ok) throw new Error(`the turn was refused: ${result.reason}`);
      return dossier;
    }

    async function listed(unitIds: readonly string[] | null = ["an-thanh"], day = DAY, limit = 100) {
      return (await store.postalDossiers({ unitIds, day, limit })).map((dossier) => dossier.code);
    }

    it("lists the day's dossiers submitted or returned by post, oldest first, on Viet Nam's calendar", async () => {
      const last = await submitted(LAST_INSTANT, DELIVERY_ONLY);
      const first = await submitted(FIRST_INSTANT, PICKUP_ONLY);
      const both = await submitted("2026-03-02T02:00:00.000Z", BOTH);
      await submitted("2026-03-02T03:00:00.000Z", NONE);
      await submitted(DAY_AFTER, BOTH);

      expect(await listed()).toEqual([first.code, both.code, last.code]);
      const [stored] = await store.postalDossiers({ unitIds: ["an-thanh"], day: DAY, limit: 1 });
      expect(stored).toEqual(first);
    });

    it("keeps a dossier finished that day in the day's list", async () => {
      const done = await submitted("2026-03-02T02:00:00.000Z", PICKUP_ONLY, { postal: "picked_up" });
      expect(await listed()).toEqual([done.code]);
    });

    it("adds earlier days' dossiers not at the last step of their route, and leaves finished ones out", async () => {
      const notCollected = await submitted(WEEK_BEFORE, PICKUP_ONLY);
      await submitted(WEEK_BEFORE, PICKUP_ONLY, { postal: "picked_up" });
      const collectedNotDelivered = await submitted(DAY_BEFORE, BOTH, { postal: "picked_up" });
      const onItsWay = await submitted(WEEK_BEFORE_LATER, DELIVERY_ONLY, { postal: "to_deliver" });
      await submitted(WEEK_BEFORE, BOTH, { postal: "returned" });
      const deliveredDayBefore = await submitted("2026-03-01T16:00:00.000Z", DELIVERY_ONLY, { postal: "returned" });
      await submitted(DAY_BEFORE, NONE);
      const today = await submitted("2026-03-02T01:00:00.000Z", DELIVERY_ONLY);

      expect(await listed()).toEqual([notCollected.code, onItsWay.code, collectedNotDelivered.code, today.code]);
      // Seen from the day before: that day's own, finished or not, and none made after it.
      expect(await listed(["an-thanh"], "2026-03-01")).toEqual([
        notCollected.code,
        onItsWay.code,
        deliveredDayBefore.code,
        collectedNotDelivered.code,
      ]);
    });

    it("lists the units asked for only, every unit for null, none for an empty list", async () => {
      const anThanh = await submitted("2026-03-02T01:00:00.000Z", BOTH);
      const tanHoi = await submitted("2026-03-02T02:00:00.000Z", BOTH, { unitId: "tan-hoi" });

      expect(await listed(["tan-hoi"])).toEqual([tanHoi.code]);
      expect(await listed(null)).toEqual([anThanh.code, tanHoi.code]);
      expect(await listed([])).toEqual([]);
      expect(await listed([OPERATOR])).toEqual([]);
    });

    it("stops at the limit, and orders the same instant by code", async () => {
      const instant = "2026-03-02T01:00:00.000Z";
      await submitted(instant, BOTH, { code: "HN-B" });
      await submitted(instant, BOTH, { code: "HN-A" });
      await submitted(instant, BOTH, { code: "HN-C" });

      expect(await listed(["an-thanh"], DAY, 2)).toEqual(["HN-A", "HN-B"]);
      expect(await listed(["an-thanh"], DAY, 0)).toEqual([]);
    });

    it("refuses a day that is not a real YYYY-MM-DD day", async () => {
      for (const day of ["2026-02-30", "02/03/2026", "", OPERATOR]) {
        await expect(store.postalDossiers({ unitIds: null, day, limit: 10 })).rejects.toMatchObject({
          name: "StoreError",
          code: "STORE_FILTER_INVALID",
        });
      }
    });
  });
}
