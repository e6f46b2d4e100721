import { loadAccess } from "@/lib/auth/access";
import type { AuthContext } from "@/lib/auth/context";
import { hashPassword } from "@/lib/auth/password";
import { createSession, findSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { OrgLevel, Role } from "@/lib/db/generated/enums";
import type { ReportContent } from "@/lib/report/content";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { newReportContent } from "@/lib/reports/new-report-content";

/** Test data of its own for each file, so that files sharing the database never meet. */
export const TEST_PASSWORD = "test-password-1";

let passwordHash: string | null = null;

export async function createOrganization(
  name: string,
  options: { parent?: string; level?: OrgLevel } = {},
) {
  const parent = options.parent
    ? await db().organization.findUniqueOrThrow({ where: { name: options.parent } })
    : null;
  const slug = `t-${Math.random().toString(36).slice(2, 10)}`;
  return db().organization.create({
    data: {
      name,
      fullName: parent ? `${parent.fullName}${name}` : name,
      slug,
      level: options.level ?? (parent ? "STREET_OFFICE" : "DISTRICT_GOVERNMENT"),
      parentId: parent?.id ?? null,
    },
  });
}

export async function createUserWithRoles(
  account: string,
  roles: { organizationId: string; role: Role }[],
) {
  passwordHash ??= await hashPassword(TEST_PASSWORD);
  return db().user.create({
    data: {
      account,
      displayName: `${account} 测试用户`,
      passwordHash,
      memberships: { create: roles },
    },
  });
}

/** The context a request with a real session gets (as the cookie would give it). */
export async function signedInContext(account: string): Promise<AuthContext & { token: string }> {
  const user = await db().user.findUniqueOrThrow({ where: { account } });
  const { token } = await createSession(user.id);
  const session = await findSession(token);
  return { user: session!, access: await loadAccess(user.id), token };
}

/** A complete, error-free report for this organisation and year, as an editor would have filled it. */
export function completeContent(
  org: { fullName: string; level: OrgLevel },
  year: number,
  s1?: string,
): ReportContent {
  const full = fullReport("2021", year);
  const base = newReportContent(org, year);
  return {
    ...full,
    meta: {
      ...full.meta,
      organization: org.fullName,
      issuingOrgan: org.fullName,
      isPeoplesGovernment: base.meta.isPeoplesGovernment,
    },
    narratives: { ...full.narratives, ...(s1 ? { s1: `${s1}\n${full.narratives.s1}` } : {}) },
  };
}

/** A report row for the organisation, in the given state (test set-up, not through the use cases). */
export async function createReport(
  organizationId: string,
  content: ReportContent,
  status: "DRAFT" | "SUBMITTED" | "APPROVED" = "DRAFT",
) {
  return db().report.create({
    data: {
      organizationId,
      year: content.meta.year,
      formatVersion: content.format,
      status,
      content: content as unknown as Prisma.InputJsonValue,
    },
  });
}
