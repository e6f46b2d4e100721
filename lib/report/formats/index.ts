import type { FormatId, FormatSpec } from "../spec-types";
import { FORMAT_2019 } from "./format-2019";
import { FORMAT_2021 } from "./format-2021";

export const FORMATS: Record<FormatId, FormatSpec> = { "2021": FORMAT_2021, "2019": FORMAT_2019 };

export function getFormat(id: FormatId): FormatSpec {
  return FORMATS[id];
}

/**
 * The format whose year range holds the year, read from the formats themselves; a year before the
 * oldest format uses the oldest, for want of anything better.
 */
export function formatIdForYear(year: number): FormatId {
  const formats = Object.values(FORMATS).sort((a, b) => a.years.from - b.years.from);
  const holding = formats.find(
    (f) => year >= f.years.from && (f.years.to === null || year <= f.years.to),
  );
  return (holding ?? formats[0]).id;
}

export function isFormatId(value: unknown): value is FormatId {
  return value === "2021" || value === "2019";
}
