import { inject, describe, expect, it } from "vitest";
import {
  applyMigrations,
  diffDatabaseToSchema,
  readMigrationsList,
} from "../../scripts/db/schema-engine.mjs";
import pg from "pg";

describe("migrations", () => {
  const url = inject("databaseUrl");

  it("bring the database exactly to prisma/schema.prisma (the diff from the database to the schema is empty)", async () => {
    expect(await diffDatabaseToSchema(url)).toBe("");
  });

  it("are recorded in _prisma_migrations as prisma migrate deploy records them, and applying again is a no-op", async () => {
    const folder = readMigrationsList().migrationDirectories.map((d: { path: string }) => d.path);
    expect(folder.length).toBeGreaterThan(0);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(
      "SELECT migration_name, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name",
    );
    await client.end();
    expect(rows.map((r) => r.migration_name)).toEqual(folder);
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
    expect(await applyMigrations(url)).toEqual([]);
  });
});
