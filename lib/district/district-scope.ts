import { hasRole, visibleOrganizationIds } from "@/lib/auth/access";
import type { AuthContext } from "@/lib/auth/context";
import { NotFoundError } from "@/lib/auth/errors";
import { db } from "@/lib/db/client";
import type { OrgLevel, Role } from "@/lib/db/generated/enums";

/** Who follows a district's progress: its reviewers and admins (held there, or on a level above). */
const OVERSEERS: Role[] = ["REVIEWER", "ADMIN"];

export interface OrgRef {
  id: string;
  name: string;
  fullName: string;
  slug: string;
  level: OrgLevel;
  parentId: string | null;
}

const ORG_SELECT = {
  id: true,
  name: true,
  fullName: true,
  slug: true,
  level: true,
  parentId: true,
} as const;

/**
 * The organisations with units below them that the caller reviews or administers, outermost first.
 * An editor oversees none: to them the district pages do not exist.
 */
export async function overseenDistricts(ctx: AuthContext): Promise<OrgRef[]> {
  const ids = visibleOrganizationIds(ctx.access).filter((id) => hasRole(ctx.access, id, OVERSEERS));
  if (!ids.length) return [];
  const orgs = await db().organization.findMany({
    where: { id: { in: ids }, children: { some: {} } },
    select: ORG_SELECT,
    orderBy: { name: "asc" },
  });
  const inSet = new Set(orgs.map((o) => o.id));
  return [
    ...orgs.filter((o) => !o.parentId || !inSet.has(o.parentId)),
    ...orgs.filter((o) => o.parentId && inSet.has(o.parentId)),
  ];
}

/** A district the caller oversees — the one asked for, or their first; any other is a 404. */
export async function districtOrThrow(
  ctx: AuthContext,
  districtId?: string | null,
): Promise<{ district: OrgRef; districts: OrgRef[] }> {
  const districts = await overseenDistricts(ctx);
  const district = districtId ? districts.find((d) => d.id === districtId) : districts[0];
  if (!district) throw new NotFoundError("未找到该辖区，或您无权查看。");
  return { district, districts };
}

/** The same order as `localeCompare(…, "zh-CN")`, with the collator made once rather than per comparison. */
const BY_NAME = new Intl.Collator("zh-CN");

const LEVEL_ORDER: OrgLevel[] = [
  "DISTRICT_GOVERNMENT",
  "CITY_DEPARTMENT",
  "DISTRICT_DEPARTMENT",
  "STREET_OFFICE",
  "TOWNSHIP",
];

/**
 * The district itself, then every unit below it at any depth (by level, then name). The caller's
 * visible organisations are read in one query and the tree walked here, so nothing outside their
 * access is listed and a city of two thousand units costs one round trip, not one per level.
 */
export async function districtUnits(ctx: AuthContext, district: OrgRef): Promise<OrgRef[]> {
  const visible = await db().organization.findMany({
    where: { id: { in: visibleOrganizationIds(ctx.access) } },
    select: ORG_SELECT,
  });
  const childrenOf = new Map<string, OrgRef[]>();
  for (const org of visible) {
    if (!org.parentId) continue;
    const siblings = childrenOf.get(org.parentId);
    if (siblings) siblings.push(org);
    else childrenOf.set(org.parentId, [org]);
  }
  const below: OrgRef[] = [];
  const seen = new Set([district.id]);
  let frontier = [district.id];
  while (frontier.length) {
    const fresh = frontier.flatMap((id) => childrenOf.get(id) ?? []).filter((c) => !seen.has(c.id));
    for (const c of fresh) seen.add(c.id);
    below.push(...fresh);
    frontier = fresh.map((c) => c.id);
  }
  below.sort(
    (a, b) =>
      LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) ||
      BY_NAME.compare(a.name, b.name),
  );
  return [district, ...below];
}
