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

/**
 * The year whose report is due next on `now` (China time): the year just ended until its publication
 * deadline has passed (31 January; 31 March for a people's government's own report), the current year
 * after that. In November 2026 that is 2026; on 20 January 2027 still 2026; on 1 February 2027, 2027.
 */
export function dueReportYear(now: Date = new Date(), isPeoplesGovernment = false): number {
  const today = chinaDate(now);
  const lastYear = Number(today.slice(0, 4)) - 1;
  return today <= publicationDeadline(lastYear, isPeoplesGovernment) ? lastYear : lastYear + 1;
}

/** The first year the current formats cover (the 2019 format); no draft is offered before it. */
export const FIRST_REPORT_YEAR = 2019;

/**
 * The years a new draft can be made for: the due year and every missing year before it back to 2019,
 * newest first — never a future year.
 */
export function draftYearsOffered(existingYears: readonly number[], dueYear: number): number[] {
  const existing = new Set(existingYears);
  const years: number[] = [];
  for (let year = dueYear; year >= FIRST_REPORT_YEAR; year--)
    if (!existing.has(year)) years.push(year);
  return years;
}
