import { parseZaloEvent } from "../../server/channels/zalo/zaloEvent";

// The examples of ../shared/reference/zalo-oa.md (A.1), as Zalo sends them.
const USER_SEND_TEXT =
  '{"app_id":"360846524940903967","sender":{"id":"246845883529197922"},"user_id_by_app":"552177279717587730",' +
  '"recipient":{"id":"388613280878808645"},"event_name":"user_send_text",' +
  '"message":{"text":"message","msg_id":"96d3cdf3af150460909"},"timestamp":"154390853474"}';
const USER_SEND_LOCATION =
  '{"app_id":"360846524940903967","sender":{"id":"246845883529197922"},"user_id_by_app":"552177279717587730",' +
  '"recipient":{"id":"388613280878808645"},"event_name":"user_send_location","timestamp":"1720000000000",' +
  '"message":{"msg_id":"96d3cdf3af150460910","text":"",' +
  '"attachments":[{"type":"location","payload":{"coordinates":{"latitude":"10.7642473","longitude":"106.6564314"}}}]}}';
const FOLLOW =
  '{"oa_id":"388613280879808645","follower":{"id":"24684588352919792"},"user_id_by_app":"552172779717587730",' +
  '"event_name":"follow","source":"oa_profile","app_id":"36084652489903967","timestamp":"154397978274"}';
const SUBMIT_INFO =
  '{"sender":{"id":"246845883529697922"},"recipient":{"id":"388613280879880645"},"event_name":"user_submit_info",' +
  '"app_id":"3608465248940903967","timestamp":"1540368141908",' +
  '"info":{"name":"Name Example","phone":"84912345678","user_dob":"30/10/1999","gender":"Nam",' +
  '"full_address":{"user_city":"Thành phố Hồ Chí Minh","user_ward":"Phường Tân Thuận","user_address":"Đường số 13"}}}';

describe("Zalo webhook events", () => {
  it("reads a text message with every id exactly as sent, past 2^53", () => {
    expect(parseZaloEvent(USER_SEND_TEXT)).toEqual({
      kind: "text",
      eventKey: "msg:96d3cdf3af150460909",
      userId: "246845883529197922",
      oaId: "388613280878808645",
      timestamp: "154390853474",
      text: "message",
      quoteMsgId: null,
    });
    expect(Number("246845883529197922") > Number.MAX_SAFE_INTEGER).toBe(true);
  });

  it("reads a location as strings, for the postal pickup address", () => {
    expect(parseZaloEvent(USER_SEND_LOCATION)).toMatchObject({
      kind: "location",
      eventKey: "msg:96d3cdf3af150460910",
      latitude: "10.7642473",
      longitude: "106.6564314",
    });
  });

  it("reads images and files with their URL, name and size", () => {
    const body = JSON.parse(USER_SEND_TEXT);
    body.event_name = "user_send_file";
    body.message = {
      msg_id: "f1",
      attachments: [
        {
          type: "file",
          payload: { size: "4891", name: "don.pdf", checksum: "d41d8c", type: "pdf", url: "https://f.zdn.vn/a" },
        },
        { type: "image", payload: { thumbnail: "https://f.zdn.vn/t", url: "https://f.zdn.vn/i" } },
      ],
    };
    expect(parseZaloEvent(JSON.stringify(body))).toMatchObject({
      kind: "attachments",
      text: "",
      attachments: [
        { type: "file", url: "https://f.zdn.vn/a", name: "don.pdf", size: "4891" },
        { type: "image", url: "https://f.zdn.vn/i", name: null, size: null },
      ],
    });
  });

  it("reads follow, which has a follower and an oa_id instead of sender and recipient", () => {
    expect(parseZaloEvent(FOLLOW)).toEqual({
      kind: "follow",
      eventKey: "follow:24684588352919792:154397978274",
      userId: "24684588352919792",
      oaId: "388613280879808645",
      timestamp: "154397978274",
      source: "oa_profile",
    });
  });

  it("reads the info a citizen shares, in the nested shape and in the flat one", () => {
    expect(parseZaloEvent(SUBMIT_INFO)).toMatchObject({
      kind: "submitInfo",
      info: {
        name: "Name Example",
        phone: "84912345678",
        address: "Đường số 13, Phường Tân Thuận, Thành phố Hồ Chí Minh",
      },
    });
    const flat = JSON.parse(SUBMIT_INFO);
    flat.info = {
      name: "Trần Văn Bình",
      phone: "0912345678",
      address: "12 Nguyễn Huệ",
      ward: "An Thạnh",
      city: "Hồng Ngự",
    };
    expect(parseZaloEvent(JSON.stringify(flat))).toMatchObject({
      info: { name: "Trần Văn Bình", phone: "0912345678", address: "12 Nguyễn Huệ, An Thạnh, Hồng Ngự" },
    });
  });

  it("tells the OA's own sends from a person typing in Zalo's OA tool", () => {
    const echo = {
      event_name: "oa_send_text",
      sender: { id: "388613280878808645" },
      recipient: { id: "246845883529197922" },
      message: { msg_id: "e1", text: "Cán bộ đang xem hồ sơ" },
      timestamp: "1720000000001",
    };
    expect(parseZaloEvent(JSON.stringify(echo))).toMatchObject({
      kind: "oaEcho",
      userId: "246845883529197922",
      oaId: "388613280878808645",
      adminId: null,
    });
    const byAdmin = { ...echo, sender: { id: "388613280878808645", admin_id: "7001234567890123456" } };
    expect(parseZaloEvent(JSON.stringify(byAdmin))).toMatchObject({ kind: "oaEcho", adminId: "7001234567890123456" });
  });

  it("keeps other events by name, and refuses bodies it cannot place or whose ids are not exact", () => {
    const seen = JSON.parse(USER_SEND_TEXT);
    seen.event_name = "user_seen_message";
    expect(parseZaloEvent(JSON.stringify(seen))).toMatchObject({ kind: "other", eventName: "user_seen_message" });
    const noUser = JSON.parse(USER_SEND_TEXT);
    delete noUser.sender;
    const inexact = USER_SEND_TEXT.replace('"246845883529197922"', "246845883529197922");
    for (const body of ["", "{", "[]", '{"event_name":"user_send_text"}', JSON.stringify(noUser), inexact])
      expect(parseZaloEvent(body)).toBeNull();
  });
});
