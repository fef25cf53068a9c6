// Calendar arithmetic on plain year/month/day numbers (no time zones involved).

export function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A real calendar day? (rejects 31/4, 29/2 outside leap years, month 13). */
export function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** First and last day of months m1..m2 of year y. */
export function monthSpan(y: number, m1: number, m2: number): { start: string; end: string } {
  return { start: iso(y, m1, 1), end: iso(y, m2, daysInMonth(y, m2)) };
}
