import { Clerk } from "../support/consoleClient";
import { Conversation } from "../support/conversation";
import { Citizen, startTestServer, type TestServer } from "../support/testServer";

describe("no clerk to answer", () => {
  it("offers a call back, a counter visit or the assistant when clerks are off work", () => {
    const chat = new Conversation().say("khai sinh", "Trần Thị Mai", "gặp cán bộ");
    chat.send({ kind: "clerkUnavailable", why: "closed", hours: "thứ Hai–thứ Sáu 07:00–11:30, 13:30–17:00" });
    expect(chat.said).toContain("ngoài giờ làm việc của cán bộ (thứ Hai–thứ Sáu 07:00–11:30, 13:30–17:00)");
    expect(chat.choiceValues).toEqual(["no-clerk:callback", "no-clerk:counter", "cmd:resume-bot"]);
  });

  it("books a counter visit and carries on with the assistant, the draft kept", () => {
    const chat = new Conversation().say("khai sinh", "Trần Thị Mai", "gặp cán bộ");
    chat.send({ kind: "clerkUnavailable", why: "nobody", hours: "" }).send("hẹn").send("02/12/2026");
    expect(chat.state).toMatchObject({ status: "bot", counterVisit: "02/12/2026", stepId: "requesterDateOfBirth" });
    expect(chat.state.answers.requesterFullName).toBe("Trần Thị Mai");
  });

  describe("on the server", () => {
    let server: TestServer;
    const open: { close(): void }[] = [];
    beforeEach(async () => {
      server = await startTestServer();
    });
    afterEach(async () => {
      open.splice(0).forEach((c) => c.close());
      await server.stop();
    });

    it("leaves a call-back ticket in the unit's queue when no clerk is signed in", async () => {
      const citizen = new Citizen(server.url, { unit: "an-thanh" });
      open.push(citizen);
      await citizen.ready();
      await citizen.say("khai sinh");
      const answers = await citizen.say("gặp cán bộ");
      expect(answers.map((m) => m.text).join("\n")).toContain("Hiện chưa có cán bộ của đơn vị trực tuyến");
      await citizen.send({ choice: "no-clerk:callback" });
      const booked = await citizen.say("0912 345 678");
      expect(booked.at(-1)!.text).toContain("Cán bộ sẽ gọi lại số 0912345678");
      const lan = await Clerk.login(server, "lan", "clerk", ["an-thanh"], "Nguyễn Thị Lan");
      open.push(lan);
      expect(lan.queue).toEqual([
        expect.objectContaining({ conversationId: citizen.conversationId, status: "waiting_clerk", reason: "asked" }),
      ]);
    });
  });
});
