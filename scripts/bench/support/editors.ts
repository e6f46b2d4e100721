import { PrismaPg } from "@prisma/adapter-pg";
import {
  hashSessionToken,
  newSessionToken,
  SESSION_ABSOLUTE_MS,
} from "../../../lib/auth/session-token";
import { PrismaClient, type Prisma } from "../../../lib/db/generated/client";
import { fullReport } from "../../../lib/report/__fixtures__/full-report";

export interface SimulatedEditor {
  reportId: string;
  cookie: string;
  version: number;
  /** The cell this editor types into. */
  target: string;
}

/** A cell of 二 every simulated editor of its own report types into. */
const OWN_TARGET = "20.5.licensing.decisions";

/**
 * N editors, each signed in (a session row, as sign-in makes one) and each with a full 2025 draft of
 * their own unit — the January peak, where every office saves its own report.
 * The caller sets SESSION_SECRET to the server's before importing this module.
 */
export async function createEditors(
  databaseUrl: string,
  count: number,
  prefix: string,
): Promise<SimulatedEditor[]> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    const parent = await prisma.organization.findUniqueOrThrow({ where: { slug: "pingfang" } });
    const passwordHash = (
      await prisma.user.findUniqueOrThrow({ where: { account: "youxie-editor" } })
    ).passwordHash;
    const editors: SimulatedEditor[] = [];
    for (let i = 0; i < count; i++) {
      const name = `${prefix}压测单位${String(i + 1).padStart(2, "0")}`;
      const org = await prisma.organization.create({
        data: {
          name,
          fullName: `哈尔滨市平房区${name}`,
          slug: `${prefix}-bench-${i}`,
          level: "STREET_OFFICE",
          parentId: parent.id,
        },
      });
      const user = await prisma.user.create({
        data: { account: `${prefix}-bench-${i}`, displayName: name, passwordHash },
      });
      await prisma.membership.create({
        data: { userId: user.id, organizationId: org.id, role: "EDITOR" },
      });
      const content = fullReport("2021", 2025);
      content.meta.organization = org.fullName;
      const report = await prisma.report.create({
        data: {
          organizationId: org.id,
          year: 2025,
          formatVersion: "2021",
          content: content as unknown as Prisma.InputJsonValue,
        },
      });
      const token = newSessionToken();
      await prisma.session.create({
        data: {
          tokenHash: hashSessionToken(token),
          userId: user.id,
          expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_MS),
        },
      });
      editors.push({
        reportId: report.id,
        cookie: `nianbao_session=${token}`,
        version: report.version,
        target: OWN_TARGET,
      });
    }
    return editors;
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * N colleagues of one unit on the same full 2025 draft, each typing into a cell of 三 of their own —
 * a street office where several people fill one report at once.
 */
export async function createColleagues(
  databaseUrl: string,
  count: number,
  prefix: string,
): Promise<SimulatedEditor[]> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    const parent = await prisma.organization.findUniqueOrThrow({ where: { slug: "pingfang" } });
    const passwordHash = (
      await prisma.user.findUniqueOrThrow({ where: { account: "youxie-editor" } })
    ).passwordHash;
    const name = `${prefix}多人填报单位`;
    const org = await prisma.organization.create({
      data: {
        name,
        fullName: `哈尔滨市平房区${name}`,
        slug: `${prefix}-shared`,
        level: "STREET_OFFICE",
        parentId: parent.id,
      },
    });
    const content = fullReport("2021", 2025);
    content.meta.organization = org.fullName;
    const report = await prisma.report.create({
      data: {
        organizationId: org.id,
        year: 2025,
        formatVersion: "2021",
        content: content as unknown as Prisma.InputJsonValue,
      },
    });
    const rows = Object.keys(content.tables.requests);
    const columns = ["natural", "commercial", "research", "nonprofit", "legal", "other"];
    const editors: SimulatedEditor[] = [];
    for (let i = 0; i < count; i++) {
      const user = await prisma.user.create({
        data: {
          account: `${prefix}-shared-${i}`,
          displayName: `${name}填报员${i + 1}`,
          passwordHash,
        },
      });
      await prisma.membership.create({
        data: { userId: user.id, organizationId: org.id, role: "EDITOR" },
      });
      const token = newSessionToken();
      await prisma.session.create({
        data: {
          tokenHash: hashSessionToken(token),
          userId: user.id,
          expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_MS),
        },
      });
      editors.push({
        reportId: report.id,
        cookie: `nianbao_session=${token}`,
        version: report.version,
        target: `requests.${rows[Math.floor(i / columns.length)]}.${columns[i % columns.length]}`,
      });
    }
    return editors;
  } finally {
    await prisma.$disconnect();
  }
}
