/**
 * When a report must be published, and which year is being reported now — both in China's calendar
 * (UTC+8, no daylight saving), whatever the server's zone. 条例 art. 49: a unit publishes its report on
 * year N before 31 January of N + 1; a people's government publishes its own report before 31 March.
 */

/** The last day to publish the report on `year`, as `yyyy-mm-dd`. */
export function publicationDeadline(year: number, isPeoplesGovernment: boolean): string {
  return `${year + 1}-${isPeoplesGovernment ? "03-31" : "01-31"}`;
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar day it is in China at `now`, as `yyyy-mm-dd`. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The year whose reports are due now: the calendar year just ended, in China. */
export function currentReportYear(now: Date = new Date()): number {
  return Number(chinaDate(now).slice(0, 4)) - 1;
}
