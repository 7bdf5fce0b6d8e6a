import { wordSet } from "./wordSet";

/**
 * Teen-code and abbreviations, after folding. "hk" is handled apart: it is "không" in most
 * messages and "hộ khẩu" only after a verb that takes a household ("nhập hk", "chuyển hk").
 */
export const INTENT_SHORTHAND: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    ko: "khong",
    k: "khong",
    kg: "khong",
    khg: "khong",
    hok: "khong",
    khum: "khong",
    dc: "duoc",
    dk: "dang ky",
    dky: "dang ky",
    dki: "dang ky",
    dkks: "dang ky khai sinh",
    dkkt: "dang ky khai tu",
    dkkh: "dang ky ket hon",
    dktt: "dang ky thuong tru",
    dkkd: "dang ky kinh doanh",
    dkhkd: "dang ky ho kinh doanh",
    ks: "khai sinh",
    gks: "giay khai sinh",
    hkd: "ho kinh doanh",
    gpkd: "giay phep kinh doanh",
    kd: "kinh doanh",
    cafe: "ca phe",
    cf: "ca phe",
    lltp: "ly lich tu phap",
    tthn: "tinh trang hon nhan",
    xntthn: "xac nhan tinh trang hon nhan",
    gxntthn: "giay xac nhan tinh trang hon nhan",
    gxn: "giay xac nhan",
    hs: "ho so",
    j: "gi",
    ntn: "nhu the nao",
    mik: "minh",
    mk: "minh",
    mjk: "minh",
    mh: "minh",
    bn: "bao nhieu",
    vk: "vo",
    ck: "chong",
    ad: "admin",
    mn: "moi nguoi",
    nv: "nhan vien",
    cb: "can bo",
    r: "roi",
    ms: "moi",
    bgio: "bao gio",
    bjo: "bao gio",
    bv: "benh vien",
    xkld: "xuat khau lao dong",
    cty: "cong ty",
    gd: "gia dinh",
    vs: "voi",
    xn: "xac nhan",
    bhyt: "bao hiem y te",
    bhxh: "bao hiem xa hoi",
    // "kí"/"ký" and "lí"/"lý" are both correct spellings.
    ki: "ky",
    li: "ly",
  }).map(([short, long]) => [short, long.split(" ")]),
);

/**
 * Dropped before matching, so that "talk to a human" and "talk to human", "certificate of
 * single status" and "single status certificate", "gọi giùm một cán bộ" and "gọi cán bộ"
 * meet. None of them is a Vietnamese word that the phrases need ("be" and "me" are "bé" and
 * "mẹ", so they stay); "m" is what is left of "I'm".
 */
export const INTENT_STOP_WORDS = wordSet("a the my our your his her their of s i m is am are mot gium dum");

/** Stop words kept after these words, where they are Vietnamese: "tạ thế" (passed away) folds to "ta the". */
export const STOP_WORDS_KEPT_AFTER: ReadonlyMap<string, string> = new Map([["the", "ta"]]);

/** Whether `word`, after `previous`, is dropped before matching. */
export function isStopWord(word: string, previous: string | undefined): boolean {
  if (!INTENT_STOP_WORDS.has(word)) return false;
  const keptAfter = STOP_WORDS_KEPT_AFTER.get(word);
  // Checked apart: a message's first word has no previous word, and neither do most stop words.
  return keptAfter === undefined || keptAfter !== previous;
}
