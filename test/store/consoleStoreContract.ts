import { createHash, randomBytes } from "node:crypto";
import type { AuditRecord, NoteRecord, SessionRecord, Store, UserRecord } from "../../server/store/store";
import { openForEachTest, type StoreUnderTest } from "../support/storeUnderTest";


const T0 = "2026-03-02T01:00:00.000Z";
const T1 = "2026-03-02T01:00:05.000Z";
const HOUR_MS = 3_600_000;

/** A filter value a request body could smuggle in; both adapters must treat it as a plain string. */
const OPERATOR = { $ne: null } as unknown as string;

function uniqueId(prefix: string): string {
  return `${prefix}-${randomBytes(6).toString("hex")}`;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function newUser(username: string, overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    id: uniqueId("user"),
    username,
    displayName: "Nguyễn Thị Lan",
    role: "clerk",
    unitIds: ["an-thanh", "tan-hoi"],
    passwordHash: "scrypt$32768$8$3$c2FsdA$aGFzaA",
    disabled: false,
    mustChangePassword: true,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

function newSession(userId: string, expiresInMs = HOUR_MS): SessionRecord {
  const now = Date.now();
  return {
    idHash: sha256(uniqueId("secret")),
    userId,
    csrfToken: randomBytes(16).toString("base64url"),
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + expiresInMs).toISOString(),
  };
}

/** Entry number `second` is one second after T0, so a higher number is newer. */
function newAudit(second: number, fields: Partial<AuditRecord> = {}): AuditRecord {
  return {
    id: uniqueId("audit"),
    at: new Date(Date.parse(T0) + second * 1000).toISOString(),
    actorId: "user-lan",
    action: "dossier.read",
    ...fields,
  };
}

/** Note number `second` is one second after T0. */
function newNote(second: number, fields: Partial<NoteRecord> = {}): NoteRecord {
  return {
    id: uniqueId("note"),
    conversationId: "conv-1",
    authorId: "user-lan",
    authorName: "Nguyễn Thị Lan",
    text: "Đã gọi lại cho công dân, hẹn mang bản chính thứ Hai.",
    at: new Date(Date.parse(T0) + second * 1000).toISOString(),
    ...fields,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The one suite every `ConsoleStore` adapter passes: users, sessions and the audit log behave
 * the same in SQLite and MongoDB.
 *
 * @example
 * describeConsoleStoreContract("SqliteStore", async () => {
 *   const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "khai-ho-"));
 *   const store = new SqliteStore({ dataDir });
 *   return { store, cleanup: async () => { await store.close(); fs.rmSync(dataDir, { recursive: true }); } };
 * });
 */
export function describeConsoleStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`${name} (console store contract)`, () => {
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

      it("refuses a username already taken, in another case too, with STORE_USERNAME_TAKEN, and keeps the first user", async () => {
        const first = await createdUser("lan.nguyen");

        await expect(store.createUser(newUser("lan.nguyen"))).rejects.toThrow(/^STORE_USERNAME_TAKEN/);
        await expect(store.createUser(newUser("LAN.NGUYEN", { displayName: "Someone else" }))).rejects.toThrow(/^STORE_USERNAME_TAKEN/);

        expect(await store.getUserByUsername("lan.nguyen")).toEqual(first);
        expect(await store.countUsers()).toBe(1);
      });

      it("refuses a second user with the same id with STORE_USER_EXISTS", async () => {
        const first = await createdUser("lan.nguyen");
        await expect(store.createUser(newUser("binh.tran", { id: first.id }))).rejects.toThrow(/^STORE_USER_EXISTS/);
        expect(await store.getUser(first.id)).toEqual(first);
        expect(await store.getUserByUsername("binh.tran")).toBeNull();
      });

      it("lets exactly one of two concurrent creations of one username through", async () => {
        const results = await Promise.allSettled([store.createUser(newUser("lan.nguyen")), store.createUser(newUser("Lan.Nguyen"))]);

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

        await expect(store.updateUser({ ...binh, username: "LAN.NGUYEN", displayName: "Trần Bình" })).rejects.toThrow(/^STORE_USERNAME_TAKEN/);

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
        await expect(store.createSession({ ...session, expiresAt: "2099-03-02T01:00:00Z" })).rejects.toThrow("STORE_TIME_INVALID");
        await expect(store.createSession({ ...session, expiresAt: "tomorrow" })).rejects.toThrow("STORE_TIME_INVALID");
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

    describe("audit", () => {
      it("returns an entry as appended: absent optional fields stay absent", async () => {
        const full = newAudit(1, { conversationId: "conv-1", dossierCode: "HN-20260302-0001", detail: { field: "ngaySinh", count: 2, confirmed: true } });
        const bare = newAudit(2, { action: "user.disable" });
        await store.appendAudit(full);
        await store.appendAudit(bare);

        const listed = await store.listAudit({}, 10);

        expect(listed).toEqual([bare, full]);
        expect(listed[0]).not.toHaveProperty("conversationId");
        expect(listed[0]).not.toHaveProperty("dossierCode");
        expect(listed[0]).not.toHaveProperty("detail");
      });

      it("lists the newest entries first, at most limit", async () => {
        const entries = [3, 1, 4, 0, 2].map((second) => newAudit(second));
        for (const entry of entries) await store.appendAudit(entry);
        const newestFirst = [...entries].sort((a, b) => b.at.localeCompare(a.at));

        expect(await store.listAudit({}, 100)).toEqual(newestFirst);
        expect(await store.listAudit({}, 2)).toEqual(newestFirst.slice(0, 2));
      });

      it("orders entries of the same instant by descending id", async () => {
        const entries = ["audit-b", "audit-c", "audit-a"].map((id) => ({ ...newAudit(1), id }));
        for (const entry of entries) await store.appendAudit(entry);
        expect((await store.listAudit({}, 10)).map((entry) => entry.id)).toEqual(["audit-c", "audit-b", "audit-a"]);
      });

      it("returns nothing for a limit of 0, a negative or a NaN limit", async () => {
        await store.appendAudit(newAudit(1));
        expect(await store.listAudit({}, 0)).toEqual([]);
        expect(await store.listAudit({}, -1)).toEqual([]);
        expect(await store.listAudit({}, Number.NaN)).toEqual([]);
      });

      it("filters by actor, by conversation, by dossier code, and by several at once", async () => {
        const lanReads = newAudit(1, { actorId: "user-lan", conversationId: "conv-1", dossierCode: "HN-1" });
        const lanPatches = newAudit(2, { actorId: "user-lan", action: "dossier.patch", conversationId: "conv-2", dossierCode: "HN-2" });
        const binhReads = newAudit(3, { actorId: "user-binh", conversationId: "conv-1", dossierCode: "HN-1" });
        const adminDisables = newAudit(4, { actorId: "user-admin", action: "user.disable", detail: { userId: "user-binh" } });
        for (const entry of [lanReads, lanPatches, binhReads, adminDisables]) await store.appendAudit(entry);

        expect(await store.listAudit({ actorId: "user-lan" }, 10)).toEqual([lanPatches, lanReads]);
        expect(await store.listAudit({ conversationId: "conv-1" }, 10)).toEqual([binhReads, lanReads]);
        expect(await store.listAudit({ dossierCode: "HN-2" }, 10)).toEqual([lanPatches]);
        expect(await store.listAudit({ actorId: "user-lan", dossierCode: "HN-1" }, 10)).toEqual([lanReads]);
        expect(await store.listAudit({ actorId: "user-admin", conversationId: "conv-1" }, 10)).toEqual([]);
        expect(await store.listAudit({ actorId: "user-binh", conversationId: "conv-1" }, 1)).toEqual([binhReads]);
      });

      it("refuses an entry whose at is not Date#toISOString() output", async () => {
        await expect(store.appendAudit({ ...newAudit(1), at: "2026-03-02 01:00:00" })).rejects.toThrow("STORE_TIME_INVALID");
        expect(await store.listAudit({}, 10)).toEqual([]);
      });

      it("refuses a second entry with the same id", async () => {
        const entry = newAudit(1);
        await store.appendAudit(entry);
        await expect(store.appendAudit({ ...newAudit(2), id: entry.id })).rejects.toThrow();
        expect(await store.listAudit({}, 10)).toEqual([entry]);
      });

      it("keeps entries across close and re-open", async () => {
        const entry = newAudit(1, { conversationId: "conv-1", detail: { unitId: "an-thanh" } });
        await store.appendAudit(entry);
        await store.close();
        await store.open();
        expect(await store.listAudit({}, 10)).toEqual([entry]);
      });

      it("treats a query-operator object as a plain value that matches nothing", async () => {
        await store.appendAudit(newAudit(1, { conversationId: "conv-1", dossierCode: "HN-1" }));
        expect(await store.listAudit({ actorId: OPERATOR }, 10)).toEqual([]);
        expect(await store.listAudit({ conversationId: OPERATOR }, 10)).toEqual([]);
        expect(await store.listAudit({ dossierCode: OPERATOR }, 10)).toEqual([]);
      });
    });

    describe("notes", () => {
      it("lists a conversation's notes oldest first, the latest limit of them, and no other conversation's", async () => {
        const notes = [2, 0, 3, 1].map((second) => newNote(second));
        const elsewhere = newNote(5, { conversationId: "conv-2" });
        for (const note of [...notes, elsewhere]) await store.appendNote(note);
        const oldestFirst = [...notes].sort((a, b) => a.at.localeCompare(b.at));

        expect(await store.listNotes("conv-1", 10)).toEqual(oldestFirst);
        expect(await store.listNotes("conv-1", 2)).toEqual(oldestFirst.slice(2));
        expect(await store.listNotes("conv-2", 10)).toEqual([elsewhere]);
        expect(await store.listNotes("conv-3", 10)).toEqual([]);
        expect(await store.listNotes("conv-1", 0)).toEqual([]);
      });

      it("refuses a second note with the same id, and a time that is not Date#toISOString() output", async () => {
        const note = newNote(1);
        await store.appendNote(note);
        await expect(store.appendNote({ ...newNote(2), id: note.id })).rejects.toThrow();
        await expect(store.appendNote({ ...newNote(3), at: "2026-03-02 01:00:03" })).rejects.toThrow("STORE_TIME_INVALID");
        expect(await store.listNotes("conv-1", 10)).toEqual([note]);
      });

      it("keeps notes across close and re-open, and treats a query-operator object as a plain value", async () => {
        const note = newNote(1);
        await store.appendNote(note);
        await store.close();
        await store.open();
        expect(await store.listNotes("conv-1", 10)).toEqual([note]);
        expect(await store.listNotes(OPERATOR, 10)).toEqual([]);
      });
    });

    describe("account changes", () => {
      it("numbers changes in increasing order and lists those after a number, oldest first, at most limit", async () => {
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
      });

      it("refuses a time that is not Date#toISOString() output, and keeps changes across close and re-open", async () => {
        await expect(store.appendAccountChange("user-lan", "2026-03-02 01:00:03")).rejects.toThrow("STORE_TIME_INVALID");
        const seq = await store.appendAccountChange("user-lan", T0);
        await store.close();
        await store.open();
        expect(await store.listAccountChanges(0, 10)).toEqual([{ seq, userId: "user-lan", at: T0 }]);
        expect(await store.appendAccountChange("user-mai", T1)).toBeGreaterThan(seq);
      });
    });
  });
}
