/** A numeric command-line option of a benchmark: a bad value stops it with exit code 2 and says why. */
export function numberOption(bench: string, name: string, value: string | undefined, min = 1): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) {
    process.stderr.write(`${bench}: --${name} must be a number ≥ ${min}, got ${JSON.stringify(value)}\n`);
    process.exit(2);
  }
  return n;
}
