import fc from "fast-check";
import { INTENT_PHRASES } from "../../flows/intentPhrases";
import { PROCEDURE_FACTS } from "../../flows/procedureFacts";
import { matchIntent, type IntentMatch } from "../../server/engine/understanding/matchIntent";
import { normalizeInput } from "../../server/engine/understanding/normalizeInput";
import { INTENT_CORPUS, type LabelledMessage } from "./intentCorpus";

const PROCEDURE_IDS = PROCEDURE_FACTS.map((p) => p.id);

function bestOf(match: IntentMatch): string | undefined {
  return match.kind === "procedure" ? match.candidates[0]?.procedureId : undefined;
}

function idsOf(match: IntentMatch): string[] {
  return match.kind === "procedure" ? match.candidates.map((c) => c.procedureId) : [];
}

describe("matchIntent", () => {
  it("starts birth registration directly when a parent asks for a birth certificate without diacritics", () => {
    const match = matchIntent("toi muon lam giay khai sinh cho con");
    expect(match).toMatchObject({ kind: "procedure", confident: true });
    expect(bestOf(match)).toBe("dang-ky-khai-sinh");
  });

  it("gives the same answer with diacritics, without them, in NFD and in capitals", () => {
    const forms = [
      "nhập hộ khẩu cho vợ",
      "nhap ho khau cho vo",
      "nhập hộ khẩu cho vợ".normalize("NFD"),
      "NHẬP HỘ KHẨU CHO VỢ",
    ];
    for (const form of forms) expect(bestOf(matchIntent(form))).toBe("dang-ky-thuong-tru");
  });

  it("reads teen-code and abbreviations", () => {
    expect(bestOf(matchIntent("dk khai sinh cho be dc ko"))).toBe("dang-ky-khai-sinh");
    expect(bestOf(matchIntent("lam lltp mat bn tien"))).toBe("cap-phieu-ly-lich-tu-phap");
    expect(bestOf(matchIntent("gpkd can j"))).toBe("dang-ky-ho-kinh-doanh");
    expect(bestOf(matchIntent("đk kết hôn ntn"))).toBe("dang-ky-ket-hon");
    expect(bestOf(matchIntent("xin giấy tthn"))).toBe("cap-giay-xac-nhan-tinh-trang-hon-nhan");
  });

  it('takes "hk" for hộ khẩu after a household verb and for "không" elsewhere', () => {
    expect(bestOf(matchIntent("nhap hk cho vo"))).toBe("dang-ky-thuong-tru");
    expect(matchIntent("mình hk biết")).toEqual({ kind: "none" });
  });

  it("corrects a one-letter typo next to a word typed right, but not a lone typo", () => {
    expect(bestOf(matchIntent("khai sihn cho be"))).toBe("dang-ky-khai-sinh");
    expect(bestOf(matchIntent("ly lich tu phpa"))).toBe("cap-phieu-ly-lich-tu-phap");
    expect(matchIntent("sihn")).toEqual({ kind: "none" });
  });

  it("reads run-together words, Telex left-overs and southern spellings", () => {
    expect(bestOf(matchIntent("dangky khaisinh"))).toBe("dang-ky-khai-sinh");
    expect(bestOf(matchIntent("ddawng kys khai tu"))).toBe("dang-ky-khai-tu");
    expect(bestOf(matchIntent("làm giấy khai sanh"))).toBe("dang-ky-khai-sinh");
    expect(bestOf(matchIntent("đăng ký thường chú"))).toBe("dang-ky-thuong-tru");
  });

  it("understands the synonyms people use for each procedure", () => {
    const synonyms: [string, string][] = [
      ["làm hôn thú", "dang-ky-ket-hon"],
      ["báo tử cho ông", "dang-ky-khai-tu"],
      ["giấy chứng tử", "dang-ky-khai-tu"],
      ["giấy độc thân", "cap-giay-xac-nhan-tinh-trang-hon-nhan"],
      ["photo công chứng", "chung-thuc-ban-sao-tu-ban-chinh"],
      ["công chứng bằng đại học", "chung-thuc-ban-sao-tu-ban-chinh"],
      ["chuyển hộ khẩu", "dang-ky-thuong-tru"],
      ["mở tiệm tạp hóa", "dang-ky-ho-kinh-doanh"],
      ["giấy phép kinh doanh", "dang-ky-ho-kinh-doanh"],
    ];
    for (const [text, id] of synonyms) expect([text, bestOf(matchIntent(text))]).toEqual([text, id]);
  });

  it("understands English", () => {
    expect(bestOf(matchIntent("I need a certified copy"))).toBe("chung-thuc-ban-sao-tu-ban-chinh");
    expect(bestOf(matchIntent("how do I register a death"))).toBe("dang-ky-khai-tu");
    expect(bestOf(matchIntent("we are getting married"))).toBe("dang-ky-ket-hon");
    expect(bestOf(matchIntent("police clearance certificate"))).toBe("cap-phieu-ly-lich-tu-phap");
  });

  it("tells khai sinh from khai tử although they differ by one word", () => {
    expect(idsOf(matchIntent("khai sinh"))).toEqual(["dang-ky-khai-sinh"]);
    expect(idsOf(matchIntent("khai tử"))).toEqual(["dang-ky-khai-tu"]);
  });

  it("reads a certificate wanted for a marriage as the marital status certificate, not the marriage", () => {
    const match = matchIntent("giấy xác nhận độc thân để đăng ký kết hôn");
    expect(match).toMatchObject({ kind: "procedure", confident: true });
    expect(bestOf(match)).toBe("cap-giay-xac-nhan-tinh-trang-hon-nhan");
  });

  it("reads a paper to copy as the object of the certified copy, not as its own procedure", () => {
    expect(bestOf(matchIntent("sao y giấy khai sinh"))).toBe("chung-thuc-ban-sao-tu-ban-chinh");
    expect(bestOf(matchIntent("chứng thực bản sao sổ hộ khẩu"))).toBe("chung-thuc-ban-sao-tu-ban-chinh");
  });

  it("prefers the procedure asked for over one already done", () => {
    const match = matchIntent("mình đã đăng ký kết hôn rồi, giờ muốn nhập hộ khẩu cho vợ");
    expect(idsOf(match)).toEqual(["dang-ky-thuong-tru", "dang-ky-ket-hon"]);
  });

  it("offers at most three candidates, best first, without confidence when two are close", () => {
    const many = matchIntent("khai sinh, khai tử, kết hôn, hộ khẩu và lý lịch tư pháp");
    expect(many.kind).toBe("procedure");
    if (many.kind !== "procedure") return;
    expect(many.candidates).toHaveLength(3);
    expect(many.confident).toBe(false);
    const scores = many.candidates.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const close = matchIntent("đăng ký khai sinh kết hợp nhập hộ khẩu cho con");
    expect(close).toMatchObject({ kind: "procedure", confident: false });
    expect(idsOf(close)).toEqual(["dang-ky-khai-sinh", "dang-ky-thuong-tru"]);
  });

  it("does not take 'kết hợp' for 'kết hôn' nor 'mất' meaning lost or takes for a death", () => {
    expect(idsOf(matchIntent("đăng ký khai sinh kết hợp bảo hiểm y tế"))).toEqual(["dang-ky-khai-sinh"]);
    expect(matchIntent("ba tôi mất điện thoại")).toEqual({ kind: "none" });
    expect(idsOf(matchIntent("làm khai sinh mất bao lâu"))).toEqual(["dang-ky-khai-sinh"]);
    expect(bestOf(matchIntent("ba tôi mới mất hôm qua"))).toBe("dang-ky-khai-tu");
  });

  it("finds a receipt code anywhere in the message and returns it upper-cased", () => {
    expect(matchIntent("tra cứu HN-20261127-0042 giúp em")).toEqual({ kind: "statusLookup", code: "HN-20261127-0042" });
    expect(matchIntent("ho so at-hn-20261127-0042 toi dau roi")).toEqual({
      kind: "statusLookup",
      code: "AT-HN-20261127-0042",
    });
  });

  it("takes a code's random part with it, after a dash or a space, and no word for one", () => {
    expect(matchIntent("tra cứu hn-20261127-0042-k7qm giúp em")).toEqual({
      kind: "statusLookup",
      code: "HN-20261127-0042-K7QM",
    });
    expect(matchIntent("ho so HN-20261127-0042 K7QM toi dau roi")).toEqual({
      kind: "statusLookup",
      code: "HN-20261127-0042-K7QM",
    });
    expect(matchIntent("hồ sơ HN-20261127-0042 xong chưa")).toEqual({ kind: "statusLookup", code: "HN-20261127-0042" });
  });

  it("recognises a status lookup without a code, also when it names the procedure", () => {
    expect(matchIntent("tra cứu hồ sơ")).toEqual({ kind: "statusLookup" });
    expect(matchIntent("hồ sơ của tôi tới đâu rồi")).toEqual({ kind: "statusLookup" });
    expect(matchIntent("check my application")).toEqual({ kind: "statusLookup" });
    expect(matchIntent("tra cứu hồ sơ khai sinh")).toEqual({ kind: "statusLookup" });
  });

  it("recognises a request for a clerk in Vietnamese, without diacritics and in English", () => {
    const requests = [
      "gặp cán bộ",
      "gap can bo",
      "cho tôi nói chuyện với người thật",
      "tổng đài viên",
      "talk to a human",
    ];
    for (const text of requests) expect([text, matchIntent(text).kind]).toEqual([text, "human"]);
  });

  it('takes a bare "nhân viên" for a clerk only when no procedure is named', () => {
    expect(matchIntent("nhân viên")).toEqual({ kind: "human" });
    expect(bestOf(matchIntent("tôi là nhân viên văn phòng, cần lý lịch tư pháp"))).toBe("cap-phieu-ly-lich-tu-phap");
  });

  it("returns none for greetings, empty input and procedures not offered here", () => {
    for (const text of ["xin chào", "", "   ", "ok", "làm căn cước công dân", "cấp hộ chiếu", "đăng ký xe máy"]) {
      expect([text, matchIntent(text)]).toEqual([text, { kind: "none" }]);
    }
  });

  it("knows phrases for exactly the eight procedures of procedures.json", () => {
    expect(Object.keys(INTENT_PHRASES).sort()).toEqual([...PROCEDURE_IDS].sort());
    for (const id of PROCEDURE_IDS) expect(INTENT_PHRASES[id]!.length).toBeGreaterThan(5);
  });

  it("never throws, and returns at most three known candidates with positive scores, best first", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        const match = matchIntent(text);
        if (match.kind !== "procedure") return ["statusLookup", "human", "none"].includes(match.kind);
        const scores = match.candidates.map((c) => c.score);
        return (
          match.candidates.length >= 1 &&
          match.candidates.length <= 3 &&
          match.candidates.every((c) => PROCEDURE_IDS.includes(c.procedureId) && c.score > 0) &&
          scores.every((s, i) => i === 0 || s <= scores[i - 1]!)
        );
      }),
    );
  });

  it("answers the same for a message and its normalised form", () => {
    const vietnamese = fc.constantFrom(
      ..."aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵĐ",
    );
    const piece = fc.oneof(
      fc.constantFrom("khai sinh", "Đăng ký", "kết hôn", "HN-20261127-0042", " ", "\u200B", "\n", "\t", "１２", "."),
      fc.string({ unit: vietnamese, maxLength: 12 }),
      fc.string({ unit: "binary", maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join(" ");
        expect(matchIntent(text)).toEqual(matchIntent(normalizeInput(text)));
        expect(matchIntent(text.normalize("NFD"))).toEqual(matchIntent(text));
      }),
    );
  });
});

describe("intent accuracy over the labelled corpus", () => {
  const procedureMessages = INTENT_CORPUS.filter((m) => PROCEDURE_IDS.includes(m.expected));
  const otherMessages = INTENT_CORPUS.filter((m) => !PROCEDURE_IDS.includes(m.expected));

  it("holds at least 150 messages and at least 15 for each procedure", () => {
    expect(INTENT_CORPUS.length).toBeGreaterThanOrEqual(150);
    for (const id of PROCEDURE_IDS) {
      expect([id, procedureMessages.filter((m) => m.expected === id).length >= 15]).toEqual([id, true]);
    }
  });

  it("ranks the meant procedure first for at least 95% of messages and in the top 3 for all", () => {
    let top1 = 0;
    const missedTop3: string[] = [];
    for (const message of procedureMessages) {
      const ids = idsOf(matchIntent(message.text));
      if (ids[0] === message.expected) top1++;
      if (!ids.includes(message.expected)) missedTop3.push(`${message.expected}: ${message.text}`);
    }
    const n = procedureMessages.length;
    const top3 = n - missedTop3.length;
    const percent = (k: number): string => `${((100 * k) / n).toFixed(1)}%`;
    console.log(`intent accuracy: top-1 ${percent(top1)} (${top1}/${n}), top-3 ${percent(top3)} (${top3}/${n})`);
    expect(top1 / n).toBeGreaterThanOrEqual(0.95);
    expect(missedTop3).toEqual([]);
  });

  it("gives the exact kind for every status, human and none message, and the receipt code", () => {
    const expectedMatch = (message: LabelledMessage): IntentMatch => {
      if (message.expected === "status") {
        return message.code ? { kind: "statusLookup", code: message.code } : { kind: "statusLookup" };
      }
      return { kind: message.expected === "human" ? "human" : "none" };
    };
    const wrong = otherMessages
      .map((message) => ({ text: message.text, expected: expectedMatch(message), got: matchIntent(message.text) }))
      .filter(({ expected, got }) => JSON.stringify(expected) !== JSON.stringify(got));
    expect(wrong).toEqual([]);
  });
});
