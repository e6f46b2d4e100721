import pg from "pg";
import { fullReport } from "../../lib/report/__fixtures__/full-report";

/**
 * Direct access to the e2e database, for states the UI would take many steps to reach: the database
 * `npm test` gives the app (E2E_DATABASE_URL), or the one a standalone Playwright run starts
 * (playwright.config.ts: embedded PostgreSQL on E2E_PG_PORT, by default 54336).
 */
export const E2E_DATABASE_URL =
  process.env.E2E_DATABASE_URL ??
  `postgresql://postgres:nianbao-local@127.0.0.1:${process.env.E2E_PG_PORT ?? 54336}/nianbao`;

export async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The status of each organisation's report of the year (null: no report), by organisation name. */
export async function statusesOf(
  names: string[],
  year: number,
): Promise<Map<string, string | null>> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ name: string; status: string | null }>(
      `SELECT o.name, r.status::text AS status FROM "Organization" o
       LEFT JOIN "Report" r ON r."organizationId" = o.id AND r.year = $2
       WHERE o.name = ANY($1)`,
      [names, year],
    );
    return new Map(rows.map((r) => [r.name, r.status]));
  });
}

/** The organisations below a district, by name. */
export async function unitsBelow(district: string): Promise<string[]> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ name: string }>(
      `SELECT c.name FROM "Organization" c JOIN "Organization" p ON c."parentId" = p.id WHERE p.name = $1`,
      [district],
    );
    return rows.map((r) => r.name);
  });
}

/**
 * Reports of a past year in a chosen state for some units — complete and consistent (fullReport),
 * under each unit's own name — replacing any left from an earlier run. Returns their ids.
 */
export async function putReports(
  year: number,
  units: { name: string; status: "DRAFT" | "SUBMITTED" | "APPROVED" | "PUBLISHED" }[],
): Promise<string[]> {
  await removeReports(
    year,
    units.map((u) => u.name),
  );
  return withDatabase(async (client) => {
    const ids: string[] = [];
    for (const unit of units) {
      const {
        rows: [org],
      } = await client.query<{ id: string; fullName: string }>(
        `SELECT id, "fullName" FROM "Organization" WHERE name = $1`,
        [unit.name],
      );
      const content = fullReport("2021", year);
      content.meta = {
        ...content.meta,
        organization: org.fullName,
        issuingOrgan: org.fullName,
        isPeoplesGovernment: false,
      };
      const {
        rows: [row],
      } = await client.query<{ id: string }>(
        `INSERT INTO "Report" (id, "organizationId", year, "formatVersion", status, content, "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, '2021', $3::"ReportStatus", $4::jsonb, now()) RETURNING id`,
        [org.id, year, unit.status, JSON.stringify(content)],
      );
      ids.push(row.id);
    }
    return ids;
  });
}

export async function removeReports(year: number, names: string[]): Promise<void> {
  await withDatabase((client) =>
    client.query(
      `DELETE FROM "Report" WHERE year = $1 AND "organizationId" IN (SELECT id FROM "Organization" WHERE name = ANY($2))`,
      [year, names],
    ),
  );
}
