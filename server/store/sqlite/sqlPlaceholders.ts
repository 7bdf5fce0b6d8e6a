/** `?, ?, ?` for an `IN (…)` of `count` bound values: the values never enter the SQL text. */
export function sqlPlaceholders(count: number): string {
  return Array.from({ length: count }, () => "?").join(", ");
}
