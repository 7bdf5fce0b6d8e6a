import { createHash, randomBytes } from "node:crypto";
import { procedureFacts } from "../../flows/procedureFacts";
import type { City, Unit } from "../../flows/units";
import { addDays, type CityDay, cityDayStart } from "../deadlines/cityDay";
import type { LegalDeadlines } from "../deadlines/legalDeadlines";
import { nextDossierStatuses } from "../dossier/dossierLifecycle";
import type { Dossier, DossierStatus, SubmitMethod } from "../dossier/dossier";
import { receiptCodeFor } from "../dossier/receiptCode";
import { type ConversationState, initialState } from "../engine/conversationState";
import type { ConversationRecord, MessageRecord, ServiceEvent, Store } from "../store/store";

/** A small, seedable random source (mulberry32): the same seed makes the same city. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Đặng", "Bùi", "Đỗ", "Hồ"];
const MIDDLE = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hoàng", "Quốc", "Thị Kim", "Hữu", "Bảo"];
const GIVEN = [
  "An",
  "Bình",
  "Châu",
  "Dũng",
  "Hà",
  "Hạnh",
  "Hùng",
  "Lan",
  "Linh",
  "Nam",
  "Nhung",
  "Phúc",
  "Tâm",
  "Trang",
];
const HAMLETS = ["khóm 1", "khóm 2", "khóm 3", "ấp Tân Hội", "ấp Bình Thạnh", "khóm An Thịnh", "tổ 5"];
const STREETS = ["Nguyễn Huệ", "Lê Lợi", "Trần Hưng Đạo", "Chu Văn An", "Hùng Vương", "Thiên Hộ Dương"];
const QUESTIONS = [
  "mấy giờ phường mở cửa thứ bảy",
  "ly hôn thì làm sao",
  "lệ phí khai sinh bao nhiêu",
  "làm căn cước cho con ở đâu",
  "xin giấy phép xây dựng nhà",
  "đăng ký tạm vắng thế nào",
  "mất sổ đỏ làm lại ở đâu",
];
const TIME_WINDOWS = ["8:00–11:00", "13:30–16:30", "cả ngày"];

export interface SeedOptions {
  /** How many days back from `today` (included) to fill. */
  days: number;
  /** Dossiers per day over the whole city; conversations are about 1.6 times as many. */
  dossiersPerDay: number;
  seed: number;
  today: CityDay;
  units: readonly Unit[];
  city: City;
  deadlines: LegalDeadlines;
  /** Clock time now (the statuses of today's dossiers stop here). */
  now: Date;
}

/**
 * Where a seeded conversation ends: submitted; waiting for the call back it asked for (only in the last two
 * days: a clerk's queue is not weeks long); or over.
 */
function finalState(state: ConversationState, submitted: boolean, daysAgo: number): ConversationState {
  if (submitted) return { ...state, status: "completed" };
  if (state.callback && daysAgo <= 1)
    return { ...state, status: "waiting_clerk", handoff: { reason: "asked", since: state.callback.at } };
  return { ...state, status: "closed", callback: null };
}

export interface SeedResult {
  conversations: number;
  dossiers: number;
  events: number;
}

/**
 * Fills a store with a realistic city's conversations and dossiers for the last `days` days, through the
 * store's own turn commits (the same rows a live server writes): the seven units with different habits (one
 * slow to answer, one with many counter submissions), the eight procedures, online, counter and postal
 * submissions, handoffs and their waits, call backs, ratings, questions the assistant could not answer,
 * statuses moved on with the dossiers' age and some left overdue. Reproducible from `seed`.
 */
export async function seedStore(store: Store, options: SeedOptions): Promise<SeedResult> {
  const rand = random(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const procedures = [
    "dang-ky-khai-sinh",
    "dang-ky-khai-sinh",
    "chung-thuc-ban-sao-tu-ban-chinh",
    "chung-thuc-ban-sao-tu-ban-chinh",
    "dang-ky-khai-tu",
    "dang-ky-ket-hon",
    "cap-giay-xac-nhan-tinh-trang-hon-nhan",
    "dang-ky-thuong-tru",
    "cap-phieu-ly-lich-tu-phap",
    "dang-ky-ho-kinh-doanh",
  ];
  // Each unit's habits: its share of the city's dossiers, how often it is done online, how slow its clerks are.
  const habits = options.units.map((unit, index) => ({
    unit,
    weight: 1 + ((index * 7) % 5) / 2,
    online: index === 2 ? 0.6 : 0.88 + (index % 3) * 0.05,
    waitMinutes: index === 1 ? 18 : 3 + index,
    lateness: index === 1 ? 0.25 : 0.03,
  }));
  const totalWeight = habits.reduce((sum, h) => sum + h.weight, 0);
  const pickUnit = () => {
    let r = rand() * totalWeight;
    for (const habit of habits) if ((r -= habit.weight) < 0) return habit;
    return habits[habits.length - 1]!;
  };
  const name = () => `${pick(SURNAMES)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
  const phone = () => `09${String(Math.floor(rand() * 1e8)).padStart(8, "0")}`;
  const address = (unit: Unit) => `${1 + Math.floor(rand() * 200)} ${pick(STREETS)}, ${pick(HAMLETS)}, ${unit.nameVi}`;
  const result: SeedResult = { conversations: 0, dossiers: 0, events: 0 };
  const sequences = new Map<string, number>();

  for (let back = options.days - 1; back >= 0; back -= 1) {
    const day = addDays(options.today, -back);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const workingDay = options.deadlines.calendar.isWorkingDay(day);
    const volume = Math.round(options.dossiersPerDay * (workingDay ? 1 : weekday === 6 ? 0.25 : 0.1));
    const dayStart = Date.parse(cityDayStart(day));
    const conversations = Math.round(volume * 1.6);
    for (let n = 0; n < conversations; n += 1) {
      const habit = pickUnit();
      const unit = habit.unit;
      // Office hours mostly, some in the evening.
      const hour = rand() < 0.85 ? 7 + rand() * 9.5 : 18 + rand() * 4;
      const startedAt = new Date(dayStart + hour * 3_600_000);
      if (startedAt > options.now) continue;
      const at = (minutes: number) => new Date(startedAt.getTime() + minutes * 60_000);
      const procedureId = pick(procedures);
      const submits = n < volume;
      const id = `seed-${options.seed}-${day}-${n}`;
      const state = { ...initialState("vi", unit.id), flowId: procedureId };
      const record: ConversationRecord = {
        id,
        tokenHash: createHash("sha256")
          .update(`${id}:${randomBytes(8).toString("hex")}`)
          .digest("hex"),
        channel: rand() < 0.55 ? "zalo" : "web",
        locale: "vi",
        unitId: unit.id,
        state,
        status: "bot",
        procedureId,
        lastSeq: 0,
        version: 0,
        createdAt: startedAt.toISOString(),
        updatedAt: startedAt.toISOString(),
      };
      await store.createConversation(record);
      result.conversations += 1;
      const events: ServiceEvent[] = [];
      const event = (kind: ServiceEvent["kind"], minutes: number, extra: Partial<ServiceEvent> = {}) =>
        events.push({ kind, conversationId: id, unitId: unit.id, at: at(minutes).toISOString(), ...extra });
      const handoff = rand() < 0.18;
      let clock = 2 + rand() * 10;
      if (handoff) {
        event("handoff.requested", clock);
        const waited = Math.max(0.5, habit.waitMinutes * (0.3 + rand() * 1.6));
        if (!submits && rand() < 0.3) {
          event("callback.requested", clock + 1);
          state.callback = { phone: phone(), at: at(clock + 1).toISOString() };
        } else event("handoff.taken", clock + waited, { value: Math.round(waited * 60_000) });
        clock += waited + 5;
      }
      if (rand() < 0.08) event("question.unanswered", 1, { text: pick(QUESTIONS) });
      let dossier: Dossier | null = null;
      if (submits) {
        clock += 5 + rand() * 15;
        const createdAt = at(clock);
        const submitMethod: SubmitMethod = rand() < habit.online ? "online" : rand() < 0.6 ? "counter" : "postal";
        const returnMethod: SubmitMethod = submitMethod === "postal" || rand() < 0.15 ? "postal" : "counter";
        const sequenceKey = day;
        const sequence = (sequences.get(sequenceKey) ?? 0) + 1;
        sequences.set(sequenceKey, sequence);
        const suffix = randomBytes(3).toString("hex").toUpperCase().slice(0, 4);
        const citizen = name();
        const citizenPhone = phone();
        const dueDate = options.deadlines.dueDate(procedureId, createdAt);
        // Older dossiers have moved on; a unit that runs late leaves some open past their due day.
        const age = back;
        let status: DossierStatus = "submitted";
        const steps = age === 0 ? Math.floor(rand() * 2) : rand() < habit.lateness ? 1 : Math.min(4, age + 1);
        for (let s = 0; s < steps; s += 1) {
          const next: DossierStatus[] = nextDossierStatuses(status).filter(
            (x) => x !== "rejected" && x !== "needs_more_info",
          );
          if (next.length === 0) break;
          status = next[next.length - 1]!;
        }
        if (status !== "done" && status !== "returned" && rand() < 0.02) status = "rejected";
        const postal = submitMethod === "postal" || returnMethod === "postal";
        dossier = {
          code: receiptCodeFor(options.city, options.units, unit.id, day, sequence, suffix),
          procedureId,
          unitId: unit.id,
          status,
          fields: { requesterFullName: citizen, requesterPhone: citizenPhone, contactPhone: citizenPhone },
          provenance: {},
          submission: {
            submitMethod,
            returnMethod,
            ...(postal
              ? { postalAddress: address(unit), postalPhone: citizenPhone, postalTimeWindow: pick(TIME_WINDOWS) }
              : {}),
          },
          documents: [...procedureFacts(procedureId).documents],
          attachments: {},
          locale: "vi",
          ...(dueDate ? { dueDate } : {}),
          createdAt: createdAt.toISOString(),
          updatedAt: createdAt.toISOString(),
        };
        state.dossierCode = dossier.code;
        state.status = "completed";
        if (rand() < 0.6) event("rating.given", clock + 1, { value: rand() < 0.8 ? 5 : rand() < 0.6 ? 4 : 3 });
      }
      const messages: MessageRecord[] = [
        {
          id: `${id}-1`,
          conversationId: id,
          seq: 1,
          author: "citizen",
          text: procedureFacts(procedureId).nameVi,
          at: record.createdAt,
        },
        {
          id: `${id}-2`,
          conversationId: id,
          seq: 2,
          author: "bot",
          text: dossier ? `Đã nộp hồ sơ. Mã hồ sơ của bạn: ${dossier.code}.` : "Bạn cần giúp gì thêm không?",
          at: at(clock).toISOString(),
        },
      ];
      const committed = await store.commitTurn({
        conversationId: id,
        expectedVersion: 0,
        state: finalState(state, dossier !== null, back),
        messages,
        dedupe: null,
        dossier,
        events,
      });
      if (!committed.ok) throw new Error(`seed: the commit of ${id} failed (${committed.reason})`);
      result.events += events.length;
      if (dossier) result.dossiers += 1;
    }
  }
  return result;
}
