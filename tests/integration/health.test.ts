import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error — plain ESM script without types
import { startEmbeddedPostgres } from "../../scripts/db/embedded.mjs";

// This file has a PostgreSQL of its own, so that stopping it does not disturb the other tests.
const dataDir = path.resolve(".data/test-postgres-health");
rmSync(dataDir, { recursive: true, force: true });
const server = await startEmbeddedPostgres({
  dataDir,
  port: Number(process.env.NIANBAO_HEALTH_PG_PORT ?? 54337),
  database: "health",
});
process.env.DATABASE_URL = server.url;
const { GET } = await import("@/app/api/health/route");
const health = () => GET(new Request("http://localhost/api/health"));

afterAll(async () => {
  await server.stop();
});

describe("GET /api/health", () => {
  it("answers ok with the database up, after a real query", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, db: "up" });
  });

  it("answers 503 with db down once the database is stopped", async () => {
    await server.stop();
    const response = await health();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ok: false, db: "down", error: "数据库不可用。" });
  });
});
