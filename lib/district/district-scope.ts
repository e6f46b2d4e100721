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

const LEVEL_ORDER: OrgLevel[] = [
  "DISTRICT_GOVERNMENT",
  "CITY_DEPARTMENT",
  "DISTRICT_DEPARTMENT",
  "STREET_OFFICE",
  "TOWNSHIP",
];

/**
 * The district itself, then every unit below it at any depth (by level, then name). Each level is
 * read with the caller's visible organisations in the query, so nothing outside their access is listed.
 */
export async function districtUnits(ctx: AuthContext, district: OrgRef): Promise<OrgRef[]> {
  const visible = visibleOrganizationIds(ctx.access);
  const below: OrgRef[] = [];
  const seen = new Set([district.id]);
  let frontier = [district.id];
  while (frontier.length) {
    const children = await db().organization.findMany({
      where: { parentId: { in: frontier }, id: { in: visible } },
      select: ORG_SELECT,
    });
    const fresh = children.filter((c) => !seen.has(c.id));
    for (const c of fresh) seen.add(c.id);
    below.push(...fresh);
    frontier = fresh.map((c) => c.id);
  }
  below.sort(
    (a, b) =>
      LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) ||
      a.name.localeCompare(b.name, "zh-CN"),
  );
  return [district, ...below];
}
