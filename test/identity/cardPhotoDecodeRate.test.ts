/**
 * The share of card photos whose QR code the server reads: 200 synthetic photos (seed 2, never used to
 * tune the reader, which was tuned on seeds 1 and 3) decoded by `decodeCardPhoto`, the rate and the time
 * per photo printed. Figures in docs/benchmarks.md.
 */
import { decodeCardPhoto } from "../../server/identity/decodeCardPhoto";
import { syntheticCards } from "../support/syntheticCards";

const PHOTOS = 200;
const SEED = 2;
/** The target; seed 2 was measured at the end of tuning, against it. */
const TARGET_RATE = 0.95;
/**
 * Seed 2 reads 188 to 190 of 200 from one run to the next (a photo or two at the edge of readable
 * goes either way): below the target. The misses are photos blurred with σ 0.8–1.8 and JPEG quality
 * 32–76 together. The floor, two photos under the lowest run, keeps the reader from getting worse.
 */
const MEASURED_FLOOR = 0.93;

jest.setTimeout(600_000);

it(`reads the QR code of at least ${MEASURED_FLOOR * 100}% of ${PHOTOS} synthetic card photos`, async () => {
  const cards = await syntheticCards(PHOTOS, SEED);
  let read = 0;
  let elapsedMs = 0;
  const missed: string[] = [];
  for (const [index, card] of cards.entries()) {
    const started = performance.now();
    const decoded = await decodeCardPhoto(card.photo);
    elapsedMs += performance.now() - started;
    if (decoded.ok && decoded.text === card.qrText) read++;
    else missed.push(`#${index} blur ${card.shot.blur}, quality ${card.shot.quality}, angle ${card.shot.angle}°`);
  }
  const rate = read / PHOTOS;
  process.stdout.write(
    `card photos read: ${read}/${PHOTOS} (${(rate * 100).toFixed(1)}%), ` +
      `${(elapsedMs / PHOTOS).toFixed(0)} ms per photo; target ${TARGET_RATE * 100}% ` +
      `${rate >= TARGET_RATE ? "met" : "missed"}; missed photos: ${missed.join("; ")}\n`,
  );
  expect(rate).toBeGreaterThanOrEqual(MEASURED_FLOOR);
});
