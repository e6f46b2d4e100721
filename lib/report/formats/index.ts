import type { FormatId, FormatSpec } from "../spec-types";
import { FORMAT_2019 } from "./format-2019";
import { FORMAT_2021 } from "./format-2021";

export const FORMATS: Record<FormatId, FormatSpec> = { "2021": FORMAT_2021, "2019": FORMAT_2019 };

export function getFormat(id: FormatId): FormatSpec {
  return FORMATS[id];
}

/** 2021 format for years ≥ 2021, 2019 format for 2019–2020 (and, for want of anything better, earlier years). */
export function formatIdForYear(year: number): FormatId {
  return year >= 2021 ? "2021" : "2019";
}

export function isFormatId(value: unknown): value is FormatId {
  return value === "2021" || value === "2019";
}
