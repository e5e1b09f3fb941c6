/** Dates as the catalog writes them: YYYY-MM-DD, or YYYY-MM when the day is unknown (read as the 1st). */

function toTime(isoDate: string): number {
  return Date.parse(`${isoDate.length === 7 ? `${isoDate}-01` : isoDate}T00:00:00Z`);
}

/** The ISO date (YYYY-MM-DD) `days` after `from` (before it when negative). */
export function addDays(from: string, days: number): string {
  return new Date(toTime(from) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / 86_400_000);
}
