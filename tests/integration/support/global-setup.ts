// A throwaway real PostgreSQL for the integration tests: TEST_DATABASE_URL when given (npm test starts
// one and passes it), else an embedded server on its own port and data directory, started here.
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
// @ts-expect-error — plain ESM script without types
import { startEmbeddedPostgres } from "../../../scripts/db/embedded.mjs";
import { applyMigrations } from "../../../scripts/db/schema-engine.mjs";

const PORT = Number(process.env.NIANBAO_TEST_PG_PORT ?? 54338);
// One data directory per port, so runs on different ports never share (or wipe) each other's server.
const DATA_DIR = path.resolve(
  PORT === 54338 ? ".data/test-postgres-vitest" : `.data/test-postgres-vitest-${PORT}`,
);

export default async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  let stop: (() => Promise<void>) | null = null;
  if (!url) {
    rmSync(DATA_DIR, { recursive: true, force: true });
    const server = await startEmbeddedPostgres({
      dataDir: DATA_DIR,
      port: PORT,
      database: "nianbao_integration",
    });
    url = server.url as string;
    stop = server.stop;
  }
  await resetDatabase(url);
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  project.provide("databaseUrl", url);
  return async () => {
    if (stop) await stop();
  };
}

/** Start from an empty schema every run, so no run depends on what an earlier one left. */
async function resetDatabase(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  } finally {
    await client.end();
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
