import { walkFlow } from "../support/flowWalker";
import { sendOverChat } from "../support/submitOverChat";
import { watchedServerForThisFile } from "./securityHarness";

const watched = watchedServerForThisFile();

describe("case 52: dates that do not exist, are ambiguous or lie in the future", () => {
  it.each(["31/02/2000", "2000-13-01", "01/02/03", "01/01/2999"])(
    "re-asks the child's date of birth for %s, in Vietnamese, keeping no value",
    async (date) => {
      const c = await watched.citizen();
      const walk = walkFlow("dang-ky-khai-sinh", {
        clock: { now: new Date() },
        unitId: "an-thanh",
        stopAt: "childDateOfBirth",
      });
      await sendOverChat(c, walk.inputs);
      await c.until(() => c.lastBot !== undefined, "the question");
      const reply = await c.say(date);
      const said = reply
        .filter((m) => m.author === "bot")
        .map((m) => m.text)
        .join("\n");
      expect(said).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêếềệểễôốồộổỗơớờợởỡưứừựửữ]/);
      const record = (await watched.server.store.getConversation(c.conversationId!))!;
      expect(record.state.stepId).toBe("childDateOfBirth");
    },
  );
});
