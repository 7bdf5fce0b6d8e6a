import type { Store, UserRecord } from "../../server/store/store";
import { newSession, newUser, OPERATOR, sha256, sleep, T0, T1 } from "./storeRecords";
import { openForEachTest, type StoreUnderTest } from "../support/storeUnderTest";

/**
 * Console accounts over every adapter: users, sessions and the account change log behave the
 * same in SQLite and MongoDB.
 *
 * @example
 * describeAccountStoreContract("SqliteStore", sqliteStoreUnderTest("accounts"));
 */
export function describeAccountStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`${name} (account store contract)`, () => {
    let store: Store;
    openForEachTest(makeStore, (opened) => {
      store = opened;
    });

    async function createdUser(username: string, overrides: Partial<UserRecord> = {}): Promise<UserRecord> {
      const user = newUser(username, overrides);
      await store.createUser(user);
      return user;
    }

    describe("users", () => {
      it("returns a created user by id and by username", async () => {
        const user = await createdUser("lan.nguyen");
        expect(await store.getUser(user.id)).toEqual(user);
        expect(await store.getUserByUsername("lan.nguyen")).toEqual(user);
      });

      it("stores the username lower case", async () => {
        const user = await createdUser("Lan.Nguyen");
        expect(await store.getUser(user.id)).toEqual({ ...user, username: "lan.nguyen" });
      });

      it("finds a user by username whatever its case", async () => {
        const user = await createdUser("lan.nguyen");
        expect(await store.getUserByUsername("LAN.Nguyen")).toEqual(user);
      });

      it("finds a Vietnamese username typed with combining marks or precomposed", async () => {
        const precomposed = "đặng.thu".normalize("NFC");
        const user = await createdUser(precomposed);
        expect(await store.getUserByUsername("ĐẶNG.THU".normalize("NFD"))).toEqual(user);
      });

      it("returns null for an unknown id or username", async () => {
        await createdUser("lan.nguyen");
        expect(await store.getUser("user-unknown")).toBeNull();
        expect(await store.getUserByUsername("binh.tran")).toBeNull();
      });

      it("refuses a username taken, in any letter case, with STORE_USERNAME_TAKEN; keeps the first user", async () => {
        const first = await createdUser("lan.nguyen");

        await expect(store.createUser(newUser("lan.nguyen"))).rejects.toMatchObject({
          name: "StoreError",
          code: "STORE_USERNAME_TAKEN",
        });
        await expect(store.createUser(newUser("LAN.NGUYEN", { displayName: "Someone else" }))).rejects.toMatchObject({
          name: "StoreError",
          code: "STORE_USERNAME_TAKEN",
        });

        expect(await store.getUserByUsername("lan.nguyen")).toEqual(first);
        expect(await store.countUsers()).toBe(1);
      });

      it("refuses a second user with the same id with STORE_USER_EXISTS", async () => {
        const first = await createdUser("lan.nguyen");
        await expect(store.createUser(newUser("binh.tran", { id: first.id }))).rejects.toMatchObject({
          name: "StoreError",
          code: "STORE_USER_EXISTS",
        });
        expect(await store.getUser(first.id)).toEqual(first);
        expect(await store.getUserByUsername("binh.tran")).toBeNull();
      });

      it("lets exactly one of two concurrent creations of one username through", async () => {
        const results = await Promise.allSettled([
          store.createUser(newUser("lan.nguyen")),
          store.createUser(newUser("Lan.Nguyen")),
        ]);

        expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
        const refused = results.find((result) => result.status === "rejected");
        expect(String(refused?.status === "rejected" && refused.reason)).toContain("STORE_USERNAME_TAKEN");
        expect(await store.countUsers()).toBe(1);
      });

      it("updateUser replaces every field of the user and returns true", async () => {
        const user = await createdUser("lan.nguyen");
        const changed: UserRecord = {
          ...user,
          displayName: "Nguyễn Thị Lan (Tổ một cửa)",
          role: "supervisor",
          unitIds: [],
          passwordHash: "scrypt$32768$8$3$bmV3$bmV3",
          disabled: true,
          mustChangePassword: false,
          updatedAt: T1,
        };

        expect(await store.updateUser(changed)).toBe(true);

        expect(await store.getUser(user.id)).toEqual(changed);
      });

      it("updateUser returns false for an unknown id and stores nothing", async () => {
        expect(await store.updateUser(newUser("ghost"))).toBe(false);
        expect(await store.getUserByUsername("ghost")).toBeNull();
        expect(await store.countUsers()).toBe(0);
      });

      it("updateUser changes the username, stored lower case, and the old one finds nobody", async () => {
        const user = await createdUser("lan.nguyen");

        expect(await store.updateUser({ ...user, username: "Lan.Tran" })).toBe(true);

        expect(await store.getUserByUsername("lan.tran")).toEqual({ ...user, username: "lan.tran" });
        expect(await store.getUserByUsername("lan.nguyen")).toBeNull();
      });

      it("updateUser refuses another user's username with STORE_USERNAME_TAKEN and changes nothing", async () => {
        const lan = await createdUser("lan.nguyen");
        const binh = await createdUser("binh.tran");

        await expect(
          store.updateUser({ ...binh, username: "LAN.NGUYEN", displayName: "Trần Bình" }),
        ).rejects.toMatchObject({ name: "StoreError", code: "STORE_USERNAME_TAKEN" });

        expect(await store.getUser(binh.id)).toEqual(binh);
        expect(await store.getUser(lan.id)).toEqual(lan);
      });

      it("updateUser keeps the user's own username", async () => {
        const user = await createdUser("lan.nguyen");
        expect(await store.updateUser({ ...user, username: "LAN.NGUYEN", updatedAt: T1 })).toBe(true);
        expect(await store.getUser(user.id)).toEqual({ ...user, updatedAt: T1 });
      });

      it("listUsers returns every user sorted by username, and countUsers counts them", async () => {
        expect(await store.listUsers()).toEqual([]);
        expect(await store.countUsers()).toBe(0);
        const chi = await createdUser("chi.le");
        const an = await createdUser("An.Pham", { role: "admin", unitIds: [] });
        const binh = await createdUser("binh.tran", { role: "supervisor" });

        expect(await store.listUsers()).toEqual([{ ...an, username: "an.pham" }, binh, chi]);
        expect(await store.countUsers()).toBe(3);
      });

      it("keeps users across close and re-open", async () => {
        const user = await createdUser("lan.nguyen");
        await store.close();
        await store.open();
        expect(await store.getUser(user.id)).toEqual(user);
      });

      it("treats a query-operator object as a plain value that matches nothing", async () => {
        await createdUser("lan.nguyen");
        expect(await store.getUser(OPERATOR)).toBeNull();
        expect(await store.getUserByUsername(OPERATOR)).toBeNull();
      });
    });

    describe("sessions", () => {
      it("returns a stored session before its expiresAt", async () => {
        const session = newSession("user-lan");
        await store.createSession(session);
        expect(await store.getSession(session.idHash)).toEqual(session);
      });

      it("returns null for an unknown session", async () => {
        await store.createSession(newSession("user-lan"));
        expect(await store.getSession(sha256("unknown"))).toBeNull();
      });

      it("returns null for a session whose expiresAt is past", async () => {
        const session = newSession("user-lan", -1000);
        await store.createSession(session);
        expect(await store.getSession(session.idHash)).toBeNull();
      });

      it("returns null once the expiresAt of a stored session passes", async () => {
        const session = newSession("user-lan", 300);
        await store.createSession(session);
        expect(await store.getSession(session.idHash)).toEqual(session);

        await sleep(400);

        expect(await store.getSession(session.idHash)).toBeNull();
      });

      it("refuses an expiresAt that is not Date#toISOString() output", async () => {
        const session = newSession("user-lan");
        await expect(store.createSession({ ...session, expiresAt: "2099-03-02T01:00:00Z" })).rejects.toMatchObject({
          name: "StoreError",
          code: "STORE_TIME_INVALID",
        });
        await expect(store.createSession({ ...session, expiresAt: "tomorrow" })).rejects.toMatchObject({
          name: "StoreError",
          code: "STORE_TIME_INVALID",
        });
        expect(await store.getSession(session.idHash)).toBeNull();
      });

      it("refuses a second session with the same id hash and keeps the first", async () => {
        const session = newSession("user-lan");
        await store.createSession(session);
        await expect(store.createSession({ ...newSession("user-binh"), idHash: session.idHash })).rejects.toThrow();
        expect(await store.getSession(session.idHash)).toEqual(session);
      });

      it("deleteSession removes that session only", async () => {
        const ended = newSession("user-lan");
        const kept = newSession("user-lan");
        await store.createSession(ended);
        await store.createSession(kept);

        await store.deleteSession(ended.idHash);

        expect(await store.getSession(ended.idHash)).toBeNull();
        expect(await store.getSession(kept.idHash)).toEqual(kept);
      });

      it("deleteSessionsOfUser removes every session of that user and keeps the others' sessions", async () => {
        const lanSessions = [newSession("user-lan"), newSession("user-lan"), newSession("user-lan")];
        const binhSession = newSession("user-binh");
        for (const session of [...lanSessions, binhSession]) await store.createSession(session);

        await store.deleteSessionsOfUser("user-lan");

        for (const session of lanSessions) expect(await store.getSession(session.idHash)).toBeNull();
        expect(await store.getSession(binhSession.idHash)).toEqual(binhSession);
      });

      it("keeps sessions across close and re-open", async () => {
        const session = newSession("user-lan");
        await store.createSession(session);
        await store.close();
        await store.open();
        expect(await store.getSession(session.idHash)).toEqual(session);
      });

      it("treats a query-operator object as a plain value that matches and deletes nothing", async () => {
        const session = newSession("user-lan");
        await store.createSession(session);

        expect(await store.getSession(OPERATOR)).toBeNull();
        await store.deleteSession(OPERATOR);
        await store.deleteSessionsOfUser(OPERATOR);

        expect(await store.getSession(session.idHash)).toEqual(session);
      });
    });

    describe("account changes", () => {
      it(
        "numbers changes in increasing order and lists those " + "after a number, oldest first, at most limit",
        async () => {
          const first = await store.appendAccountChange("user-lan", T0);
          const second = await store.appendAccountChange("user-mai", T1);
          const third = await store.appendAccountChange("user-lan", T1);
          expect(first).toBeGreaterThanOrEqual(1);
          expect(second).toBeGreaterThan(first);
          expect(third).toBeGreaterThan(second);
          expect(await store.listAccountChanges(0, 10)).toEqual([
            { seq: first, userId: "user-lan", at: T0 },
            { seq: second, userId: "user-mai", at: T1 },
            { seq: third, userId: "user-lan", at: T1 },
          ]);
          expect((await store.listAccountChanges(first, 1)).map((c) => c.seq)).toEqual([second]);
          expect(await store.listAccountChanges(third, 10)).toEqual([]);
          expect(await store.listAccountChanges(0, 0)).toEqual([]);
        },
      );

      it(
        "refuses a time that is not Date#toISOString() output, " + "and keeps changes across close and re-open",
        async () => {
          await expect(store.appendAccountChange("user-lan", "2026-03-02 01:00:03")).rejects.toMatchObject({
            name: "StoreError",
            code: "STORE_TIME_INVALID",
          });
          const seq = await store.appendAccountChange("user-lan", T0);
          await store.close();
          await store.open();
          expect(await store.listAccountChanges(0, 10)).toEqual([{ seq, userId: "user-lan", at: T0 }]);
          expect(await store.appendAccountChange("user-mai", T1)).toBeGreaterThan(seq);
        },
      );
    });
  });
}
