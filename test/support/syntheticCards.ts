import QRCode from "qrcode";
import sharp from "sharp";
import { PROVINCE_CODES } from "../../server/engine/understanding/provinceCodes";

/**
 * Photos of ID cards made in the test, never of real people: a card face (the 2021 chip CCCD or the
 * 2024 thẻ Căn cước, their QR code where each puts it) with a generated person, photographed on a
 * table — scaled, turned up to 30°, blurred, noised and JPEG-compressed as a phone would, some with
 * the EXIF orientation a phone writes instead of turning the pixels.
 */
export interface SyntheticCard {
  /** What the card's QR code holds. */
  qrText: string;
  person: { idNumber: string; fullName: string; dateOfBirth: string; sex: "Nam" | "Nữ"; issueDate: string };
  photo: Buffer;
  /** How the photo was taken, for the figures. */
  shot: { layout: "cccd2021" | "canCuoc2024"; angle: number; blur: number; quality: number; exif: boolean };
}

const SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Phan", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"];
const MIDDLE = { Nam: ["Văn", "Hữu", "Minh", "Quốc", "Đức", "Thành"], Nữ: ["Thị", "Ngọc", "Thu", "Mỹ", "Thanh"] };
const GIVEN = {
  Nam: ["An", "Bảo", "Dũng", "Hùng", "Khoa", "Lộc", "Nghĩa", "Phúc", "Quân", "Sơn", "Tâm", "Thắng", "Vĩnh"],
  Nữ: ["Anh", "Bích", "Diễm", "Hạnh", "Hương", "Lan", "Loan", "Nhung", "Phượng", "Quyên", "Thảo", "Yến", "Ý"],
};
const PLACES = [
  "Khóm 3, Phường An Thạnh, Đồng Tháp",
  "Ấp Tân Hòa, Xã Tân Hội, Đồng Tháp",
  "Số 12 Nguyễn Huệ, Phường An Lạc, Đồng Tháp",
  "Tổ 5, Khóm Bình Thạnh 1, Phường Hồng Ngự, Đồng Tháp",
  "Số 45/7 Trần Hưng Đạo, Phường Cao Lãnh, Đồng Tháp",
  "Ấp Bình Hòa, Xã Thường Phước, Đồng Tháp",
  "Số 8 Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh",
  "Thôn Đông, Xã Yên Lạc, Phú Thọ",
];
const PROVINCES = [...PROVINCE_CODES.keys()];

/** A small deterministic generator, so that a failing photo can be made again from its number. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function person(next: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const sex = next() < 0.5 ? "Nam" : "Nữ";
  const year = 1940 + Math.floor(next() * 66);
  const birth = { d: 1 + Math.floor(next() * 28), m: 1 + Math.floor(next() * 12), y: year };
  const issueYear = Math.max(2021, year + 14) + Math.floor(next() * 4);
  const issue = { d: 1 + Math.floor(next() * 28), m: 1 + Math.floor(next() * 12), y: Math.min(issueYear, 2026) };
  const centuryDigit = (year >= 2000 ? 2 : 0) + (sex === "Nữ" ? 1 : 0);
  const idNumber = `${pick(PROVINCES)}${centuryDigit}${pad(year % 100)}${pad(Math.floor(next() * 1e6), 6)}`;
  const given = next() < 0.3 ? `${pick(GIVEN[sex])} ${pick(GIVEN[sex])}` : pick(GIVEN[sex]);
  const fullName = `${pick(SURNAMES)} ${pick(MIDDLE[sex])} ${given}`;
  const oldId = next() < 0.4 ? pad(Math.floor(next() * 1e9), 9) : "";
  const day = (d: { d: number; m: number; y: number }) => `${pad(d.d)}${pad(d.m)}${d.y}`;
  const slash = (d: { d: number; m: number; y: number }) => `${pad(d.d)}/${pad(d.m)}/${d.y}`;
  const address = pick(PLACES);
  return {
    qrText: [idNumber, oldId, fullName, day(birth), sex, address, day(issue)].join("|"),
    person: { idNumber, fullName, dateOfBirth: slash(birth), sex, issueDate: slash(issue) } as const,
    address,
  };
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The card face, 856 × 540 (85.6 × 54 mm at 10 px/mm), with its QR code and printed lines. */
async function cardFace(layout: SyntheticCard["shot"]["layout"], qrText: string, lines: string[], qrSize: number) {
  const qr = await QRCode.toBuffer(qrText, { errorCorrectionLevel: "M", margin: 1, width: qrSize });
  const qrLeft = layout === "cccd2021" ? 856 - qrSize - 30 : 30;
  const textLeft = layout === "cccd2021" ? 220 : qrSize + 60;
  const tint = layout === "cccd2021" ? "#e3ecf5" : "#f3ead8";
  const text = lines
    .map(
      (line, i) =>
        `<text x="${textLeft}" y="${250 + i * 42}" font-size="26" font-family="sans-serif">${escapeXml(line)}</text>`,
    )
    .join("");
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="856" height="540"><rect width="856" height="540" rx="30" ` +
    `fill="${tint}"/><text x="230" y="60" font-size="24" font-family="sans-serif" font-weight="bold">` +
    `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</text>${text}</svg>`;
  return sharp(Buffer.from(svg))
    .composite([{ input: qr, left: qrLeft, top: 40 }])
    .png()
    .toBuffer();
}

/** A photo of the card on a table, as a phone takes it. */
async function photograph(face: Buffer, next: () => number) {
  const angle = Math.round((next() * 2 - 1) * 30);
  // Held not quite flat: the card's far edge a little shorter, as an affine shear approximates it.
  const shear = Math.round((next() * 2 - 1) * 12) / 100;
  const blur = next() < 0.4 ? 0 : Math.round((0.4 + next() * 1.4) * 10) / 10;
  const quality = 30 + Math.floor(next() * 60);
  const exif = next() < 0.15;
  const cardWidth = 520 + Math.floor(next() * 900);
  const width = cardWidth + 400 + Math.floor(next() * 700);
  const height = Math.round(width * 0.75);
  const table = { r: 90 + Math.floor(next() * 120), g: 80 + Math.floor(next() * 100), b: 60 + Math.floor(next() * 90) };
  const sheared = await sharp(face)
    .resize(cardWidth)
    .affine([1, shear, 0, 1], { background: { ...table, alpha: 1 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
  const turned = await sharp(sheared)
    .rotate(angle, { background: { ...table, alpha: 1 } })
    .png({ compressionLevel: 0 })
    .toBuffer({ resolveWithObject: true });
  const canvas = { width: Math.max(width, turned.info.width), height: Math.max(height, turned.info.height) };
  const left = Math.floor(next() * (canvas.width - turned.info.width + 1));
  const top = Math.floor(next() * (canvas.height - turned.info.height + 1));
  // Sensor noise, made small and enlarged (a full-size noise field costs more than the rest of the photo).
  const noise = await sharp({
    create: {
      width: Math.ceil(canvas.width / 3),
      height: Math.ceil(canvas.height / 3),
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 30 },
    },
  })
    .resize(canvas.width, canvas.height, { kernel: "nearest" })
    .png({ compressionLevel: 0 })
    .toBuffer();
  // Light from one side: a gradient over the whole picture.
  const light = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${canvas.width}" height="${canvas.height}"><defs>` +
      `<linearGradient id="l" x1="0" x2="1"><stop offset="0" stop-color="#fff" stop-opacity="0.25"/>` +
      `<stop offset="1" stop-color="#000" stop-opacity="0.25"/></linearGradient></defs>` +
      `<rect width="100%" height="100%" fill="url(#l)"/></svg>`,
  );
  // Each step is rendered before the next: sharp runs rotate and blur before composite within one pipeline.
  const composed = await sharp({ create: { ...canvas, channels: 3, background: table } })
    .composite([
      { input: turned.data, left, top },
      { input: noise, blend: "soft-light" },
      { input: light, blend: "over" },
    ])
    .removeAlpha()
    .raw()
    .toBuffer();
  let photo = sharp(composed, { raw: { ...canvas, channels: 3 } });
  if (blur > 0)
    photo = sharp(await photo.blur(blur).removeAlpha().raw().toBuffer(), { raw: { ...canvas, channels: 3 } });
  // A phone that writes the orientation in EXIF stores the pixels turned a quarter.
  if (exif)
    photo = sharp(await photo.rotate(-90).png({ compressionLevel: 0 }).toBuffer()).withMetadata({ orientation: 6 });
  return { photo: await photo.jpeg({ quality }).toBuffer(), shot: { angle, blur, quality, exif } };
}

/**
 * `count` synthetic card photos, the same ones for the same `seed`.
 *
 * @example const cards = await syntheticCards(200, 1);
 */
export async function syntheticCards(count: number, seed: number): Promise<SyntheticCard[]> {
  const cards: SyntheticCard[] = [];
  for (let index = 0; index < count; index++) {
    const next = random(seed * 100_003 + index);
    const made = person(next);
    const layout = next() < 0.5 ? "cccd2021" : "canCuoc2024";
    const lines = [
      `Số định danh: ${made.person.idNumber}`,
      `Họ và tên: ${made.person.fullName}`,
      `Ngày sinh: ${made.person.dateOfBirth}   Giới tính: ${made.person.sex}`,
      `Nơi thường trú: ${made.address}`.slice(0, 50),
    ];
    const face = await cardFace(layout, made.qrText, lines, 130 + Math.floor(next() * 50));
    const { photo, shot } = await photograph(face, next);
    cards.push({ qrText: made.qrText, person: made.person, photo, shot: { layout, ...shot } });
  }
  return cards;
}
