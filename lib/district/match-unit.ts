import { unitKey } from "@/lib/import/batch/previous-in-batch";

export interface NamedUnit {
  id: string;
  name: string;
  fullName: string;
}

/**
 * The district's unit a published report belongs to, by the name the report prints. Reports print
 * the full name (哈尔滨市平房区友协街道办事处), the short one (友协街道办事处) or something between
 * (北关区灯塔路街道办事处): an exact match on either name first, else the one unit whose full name ends
 * with the printed name or whose short name ends it. Two candidates is no answer: the reviewer picks.
 */
export function matchUnit<U extends NamedUnit>(
  units: readonly U[],
  printed: string | null,
): U | null {
  const key = unitKey(printed);
  if (!key) return null;
  const keys = units.map((u) => ({
    unit: u,
    full: unitKey(u.fullName) ?? "",
    short: unitKey(u.name) ?? "",
  }));
  const exact = keys.filter((k) => k.full === key || k.short === key);
  if (exact.length === 1) return exact[0].unit;
  if (exact.length > 1) return null;
  const partial = keys.filter(
    (k) =>
      (key.length >= 4 && k.full.endsWith(key)) || (k.short.length >= 4 && key.endsWith(k.short)),
  );
  return partial.length === 1 ? partial[0].unit : null;
}
