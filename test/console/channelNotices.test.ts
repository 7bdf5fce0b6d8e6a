import { backedUpAlerts, contactNotice } from "../../console/src/consoleFormat";
import type { ChannelContactView, ChannelStatusView } from "../../server/console/clerkProtocol";

const contact = (patch: Partial<ChannelContactView>): ChannelContactView => ({
  displayName: "Nguyễn Thị Hồng Nhung",
  reachable: true,
  reason: null,
  pending: false,
  ...patch,
});

const zalo = (patch: Partial<ChannelStatusView>): ChannelStatusView => ({
  channel: "zalo",
  waiting: 0,
  unreachable: 0,
  backedUp: false,
  ...patch,
});

describe("the Zalo contact's notice in the conversation header", () => {
  it("warns in Vietnamese only, with Zalo's reason, when Zalo will not deliver", () => {
    const reason = "Quá 7 ngày không tương tác / No interaction for 7 days";
    expect(contactNotice(contact({ reachable: false, reason, pending: true }))).toEqual({
      kind: "unreachable",
      text: "Không gửi được tin qua Zalo: Quá 7 ngày không tương tác — gọi điện cho công dân nếu cần",
    });
  });

  it("keeps an unknown Zalo code as the server gives it, and says something when no reason came", () => {
    expect(contactNotice(contact({ reachable: false, reason: "Zalo -999" }))?.text).toBe(
      "Không gửi được tin qua Zalo: Zalo -999 — gọi điện cho công dân nếu cần",
    );
    expect(contactNotice(contact({ reachable: false }))?.text).toMatch(/^Không gửi được tin qua Zalo: Zalo không nhận/);
  });

  it("says messages are waiting only while Zalo may still deliver them", () => {
    expect(contactNotice(contact({ pending: true }))).toEqual({ kind: "pending", text: "Đang chờ gửi qua Zalo…" });
  });

  it("says nothing when everything went out, or for a citizen on no messaging app", () => {
    expect(contactNotice(contact({}))).toBeNull();
    expect(contactNotice(null)).toBeNull();
  });
});

describe("the top bar's alert for a backed-up outbox", () => {
  it("counts the citizens waiting for Zalo to come back, not those Zalo refuses", () => {
    expect(backedUpAlerts([zalo({ waiting: 23, unreachable: 2, backedUp: true })])).toEqual([
      "Hàng đợi Zalo đang ùn: 21 công dân chờ gửi",
    ]);
  });

  it("is empty while no outbox is backed up", () => {
    expect(backedUpAlerts([zalo({ waiting: 12, unreachable: 1 })])).toEqual([]);
    expect(backedUpAlerts([])).toEqual([]);
  });
});
