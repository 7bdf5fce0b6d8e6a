// Outside the dossier itself (lists, exports, reports) a CCCD or a phone number is shown masked:
// enough to tell two citizens apart on a call, not enough to reuse (Nghị định 13/2023).

/** "087190001234" → "0871******34"; a 9-digit CMND → "087****34". Anything else: all but the last 2 digits hidden. */
export function maskIdNumber(value: string): string {
  const digits = value.replace(/\D/g, "");
  if (digits.length < 6) return "*".repeat(digits.length);
  const head = digits.length >= 12 ? 4 : 3;
  return digits.slice(0, head) + "*".repeat(digits.length - head - 2) + digits.slice(-2);
}

/** "0912345678" → "091****678"; "+84 912 345 678" likewise, as digits. */
export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, "");
  if (digits.length < 7) return "*".repeat(digits.length);
  return digits.slice(0, 3) + "*".repeat(digits.length - 6) + digits.slice(-3);
}
