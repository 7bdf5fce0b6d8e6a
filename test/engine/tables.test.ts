import { Conversation } from "../support/conversation";
import { walkFlow } from "../support/flowWalker";

/** A residence registration answered up to the household-members table. */
function atMembersTable(): Conversation {
  const walk = walkFlow("dang-ky-thuong-tru", { stopAt: "householdMembers" });
  const chat = new Conversation();
  chat.state = walk.state;
  chat.replies = walk.replies.slice(-1);
  return chat;
}

describe("tables of the form", () => {
  const row = ["Nguyễn Văn Bình", "03/04/2015", "nam", "087215001234", "Con"];

  it("asks a row column by column, numbering it, and offers to add another", () => {
    const chat = atMembersTable();
    expect(chat.state.table).toMatchObject({ stepId: "householdMembers", column: 0 });
    expect(chat.lastReply.text).toMatch(/^Người cùng đăng ký thứ 1: /);
    chat.say(...row);
    expect(chat.state.table?.askingMore).toBe(true);
    chat.say("có", "Nguyễn Thị Cúc", "05/06/2018", "nữ", "087318001234", "Con", "không");
    expect(chat.state.table).toBeNull();
    expect(chat.state.answers.householdMembers).toEqual([
      {
        memberFullName: "Nguyễn Văn Bình",
        memberDateOfBirth: "03/04/2015",
        memberGender: "Nam",
        memberPersonalId: "087215001234",
        memberRelationshipToHead: "Con",
      },
      {
        memberFullName: "Nguyễn Thị Cúc",
        memberDateOfBirth: "05/06/2018",
        memberGender: "Nữ",
        memberPersonalId: "087318001234",
        memberRelationshipToHead: "Con",
      },
    ]);
  });

  it("re-asks a column whose answer does not parse, keeping the row so far", () => {
    const chat = atMembersTable().say("Nguyễn Văn Bình", "31/02/2015");
    expect(chat.state.table).toMatchObject({ column: 1, row: { memberFullName: "Nguyễn Văn Bình" } });
  });

  it("goes back one column inside a row", () => {
    const chat = atMembersTable().say("Nguyễn Văn Bình", "03/04/2015", "quay lại");
    expect(chat.state.table?.column).toBe(1);
  });

  it("shows every row of the table in the review", () => {
    const walk = walkFlow("dang-ky-thuong-tru", { extraRows: 1 });
    const review = walk.replies.find((r) => r.text.startsWith("Bạn kiểm tra lại thông tin"))!;
    expect(review.text).toMatch(/Những thành viên.*: 1\) .*; 2\) /);
  });
});
