import { transition } from "../../server/engine/transition";
import { Conversation } from "../support/conversation";
import { catalogue, CLOCK, walkFlow } from "../support/flowWalker";

const LAN = { id: "u-lan", name: "Nguyễn Thị Lan" };

/** A birth registration handed to a clerk at the child's date of birth. */
function withClerk(): Conversation {
  const chat = new Conversation().say(
    "khai sinh",
    "Trần Thị Mai",
    "12/04/1995",
    "bỏ qua",
    "cccd",
    "087195001234",
    "bỏ qua",
    "bỏ qua",
    "mẹ",
    "Nguyễn Ngọc Bảo An",
    "gặp cán bộ",
  );
  return chat.send({ kind: "clerkTake", clerk: LAN });
}

describe("a clerk in the conversation", () => {
  it("takes over: the citizen sees the clerk's name and the bot falls silent", () => {
    const chat = withClerk();
    expect(chat.state.status).toBe("with_clerk");
    expect(chat.state.clerk).toEqual(LAN);
    expect(chat.said).toContain("Nguyễn Thị Lan");
    chat.send("em không nhớ ngày sinh của bé");
    expect(chat.replies).toEqual([]);
    expect(chat.state.stepId).toBe("childDateOfBirth");
  });

  it("fills a field for the citizen, marked as the clerk's, and the citizen confirms it", () => {
    const chat = withClerk().send({ kind: "clerkSetField", clerk: LAN, field: "childDateOfBirth", text: "5/3/2026" });
    expect(chat.state.answers.childDateOfBirth).toBe("05/03/2026");
    expect(chat.state.sources.childDateOfBirth).toEqual({ by: "clerk", clerkId: "u-lan" });
    expect(chat.said).toBe(
      "Cán bộ Nguyễn Thị Lan đã điền giúp bạn Ngày, tháng, năm sinh: 05/03/2026. Thông tin này đúng không?",
    );
    chat.send("đúng rồi");
    expect(chat.state.pending).toBeNull();
    expect(chat.said).toContain("xác nhận");
    // Back with the bot, the clerk's value is not asked again: the flow walks on with it, deriving what it derives.
    chat.send({ kind: "clerkRelease", at: "current" });
    expect(chat.state.stepId).not.toBe("childDateOfBirth");
    expect(chat.said).not.toContain("Bé sinh ngày nào?");
    expect(chat.state.answers.childDateOfBirthInWords).toBe(
      "Ngày năm, tháng ba, năm hai nghìn không trăm hai mươi sáu",
    );
    expect(chat.state.sources.childDateOfBirth).toEqual({ by: "clerk", clerkId: "u-lan" });
  });

  it("lets the citizen correct a value the clerk filled", () => {
    const chat = withClerk()
      .send({ kind: "clerkSetField", clerk: LAN, field: "childDateOfBirth", text: "5/3/2026" })
      .send("không");
    expect(chat.state.pending).toEqual({ kind: "correctField", stepId: "childDateOfBirth" });
    chat.send("6/3/2026");
    expect(chat.state.answers.childDateOfBirth).toBe("06/03/2026");
    expect(chat.state.sources.childDateOfBirth).toEqual({ by: "citizen" });
  });

  it("refuses a value the field's parser refuses, telling the clerk why and changing nothing", () => {
    const chat = withClerk();
    const before = chat.state;
    const result = transition(
      catalogue(),
      before,
      { kind: "clerkSetField", clerk: LAN, field: "childDateOfBirth", text: "31/02/2026" },
      CLOCK,
    );
    expect(result.refused).toMatchObject({ code: "DATE_IMPOSSIBLE" });
    expect(result.state).toBe(before);
    expect(result.replies).toEqual([]);
    expect(
      transition(catalogue(), before, { kind: "clerkSetField", clerk: LAN, field: "khongCo", text: "x" }, CLOCK).refused
        ?.code,
    ).toBe("CLERK_FIELD_UNKNOWN");
  });

  it("hands back to the bot at the question where the flow stood", () => {
    const chat = withClerk().send({ kind: "clerkRelease", at: "current" });
    expect(chat.state.status).toBe("bot");
    expect(chat.state.clerk).toBeNull();
    expect(chat.state.stepId).toBe("childDateOfBirth");
    expect(chat.lastReply.text).toBe("Bé sinh ngày nào?");
  });

  it("hands back at a chosen step, taking up the first question unanswered from there", () => {
    const chat = withClerk().send({ kind: "clerkRelease", at: { stepId: "requesterFullName" } });
    expect(chat.state.stepId).toBe("childDateOfBirth");
    expect(chat.lastReply.text).toBe("Bé sinh ngày nào?");
  });

  it("closes the conversation and asks the citizen for a rating, which may carry a comment", () => {
    const chat = withClerk().send({ kind: "clerkClose" });
    expect(chat.state.status).toBe("closed");
    expect(chat.choiceValues).toEqual(["rating:1", "rating:2", "rating:3", "rating:4", "rating:5", "skip"]);
    chat.send({ kind: "choice", value: "rating:5" }).send("Cán bộ rất nhiệt tình");
    expect(chat.state.rating).toEqual({ score: 5, comment: "Cán bộ rất nhiệt tình" });
    expect(chat.said).toContain("Cảm ơn");
  });

  it("refuses clerk actions on a conversation no clerk holds", () => {
    const chat = new Conversation().say("khai sinh");
    expect(transition(catalogue(), chat.state, { kind: "clerkClose" }, CLOCK).refused?.code).toBe("CLERK_NOT_HOLDING");
  });
});

describe("rating after a dossier", () => {
  it("is asked right after the receipt code and can be skipped", () => {
    const chat = new Conversation();
    chat.state = { ...chat.state, flowId: "dang-ky-khai-tu", stepId: "submit", status: "bot" };
    chat.send({ kind: "dossierSubmitted", code: "HN-20261127-0001-K7QM" });
    expect(chat.state.pending).toEqual({ kind: "rating" });
    chat.send({ kind: "choice", value: "skip" });
    expect(chat.state.pending).toBeNull();
    expect(chat.state.rating).toBeNull();
  });
});

describe("handing back at the review", () => {
  it("submits on the citizen's first confirmation", () => {
    const walk = walkFlow("dang-ky-khai-tu", { stopAt: "review" });
    const chat = new Conversation();
    chat.state = walk.state;
    chat.send("gặp cán bộ").send({ kind: "clerkTake", clerk: LAN }).send({ kind: "clerkRelease", at: "review" });
    expect(chat.state.stepId).toBe("review");
    chat.send({ kind: "choice", value: "review:confirm" });
    expect(chat.effects).toContainEqual(expect.objectContaining({ type: "submitDossier" }));
  });
});

describe("a step that needs a clerk", () => {
  /** A death registration up to "no death notice, nothing replacing it". */
  function withoutDeathNotice(): Conversation {
    const walk = walkFlow("dang-ky-khai-tu", { stopAt: "hasDeathNotice" });
    const chat = new Conversation();
    chat.state = walk.state;
    return chat.send("không");
  }

  it("tells the citizen why and puts the conversation in the queue with the reason 'required'", () => {
    const chat = withoutDeathNotice();
    expect(chat.state.status).toBe("waiting_clerk");
    expect(chat.state.handoff).toMatchObject({ reason: "required" });
    expect(chat.effects).toContainEqual(
      expect.objectContaining({ type: "requestClerk", reason: "required", stepId: "deathProofClerk" }),
    );
    expect(chat.said).toContain("cán bộ tư pháp cần xem");
    expect(chat.lastReply.choices).toContainEqual({ label: "Tiếp tục với trợ lý", value: "cmd:resume-bot" });
  });

  it("goes on past the step the clerk hands back at; going back does not call the clerk again", () => {
    const chat = withoutDeathNotice()
      .send({ kind: "clerkTake", clerk: LAN })
      .send({ kind: "clerkRelease", at: "current" });
    expect(chat.state.status).toBe("bot");
    expect(chat.state.stepId).toBe("copyRequested");
    chat.send("quay lại");
    expect(chat.state.status).toBe("bot");
    expect(chat.state.stepId).toBe("hasDeathNotice");
  });

  it("goes on after the step when the citizen carries on with the assistant, the answers kept", () => {
    const chat = withoutDeathNotice().send({ kind: "choice", value: "cmd:resume-bot" });
    expect(chat.state.status).toBe("bot");
    expect(chat.state.stepId).toBe("copyRequested");
    expect(chat.state.answers.hasDeathNotice).toBe(false);
  });
});
