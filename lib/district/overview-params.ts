import type { OrgLevel } from "@/lib/db/generated/enums";
import { ORG_LEVEL_LABEL } from "@/lib/orgs/labels";
import { UNIT_STATUSES, type OverviewFilters, type UnitStatus } from "./district-overview";

/** Query parameters of the district pages and downloads, as the URL carries them (repeated keys as arrays). */
export type SearchParams = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function searchParamsOf(url: URL): SearchParams {
  const out: SearchParams = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

export interface DistrictParams {
  districtId: string | null;
  year: number | null;
  filters: OverviewFilters;
}

/**
 * `district`, `year`, `status`, `level`. Lenient, like a form: what cannot be meant is ignored (an
 * unknown district is still a 404 — the use case decides that).
 */
export function parseDistrictParams(params: SearchParams): DistrictParams {
  const year = Number(one(params.year));
  const status = one(params.status);
  const level = one(params.level);
  return {
    districtId: one(params.district)?.slice(0, 64) || null,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null,
    filters: {
      status:
        status === "OVERDUE" || UNIT_STATUSES.includes(status as UnitStatus)
          ? (status as UnitStatus | "OVERDUE")
          : null,
      level: level && level in ORG_LEVEL_LABEL ? (level as OrgLevel) : null,
    },
  };
}

/** `unit` (repeated): the units chosen for a roll-up; null when no choice was made (`picked` absent). */
export function parseUnitChoice(params: SearchParams): string[] | null {
  if (!one(params.picked) && params.unit === undefined) return null;
  const units = params.unit === undefined ? [] : [params.unit].flat();
  return units.filter((u) => typeof u === "string" && u.length <= 64).slice(0, 500);
}

/** The query string for a district page or download, dropping empty values. */
export function districtQuery(
  values: Record<string, string | number | null | undefined | readonly string[]>,
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (Array.isArray(value)) for (const v of value) query.append(key, v);
    else if (value !== null && value !== undefined && value !== "") query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}
