// npm run db:migrate — apply prisma/migrations to DATABASE_URL (or the embedded PostgreSQL),
// as `prisma migrate deploy` does. `npm start` does this by itself.
import { applyMigrations } from "./schema-engine.mjs";
import { withDatabase } from "./with-database.mjs";

await withDatabase(async (url) => {
  const applied = await applyMigrations(url);
  console.log(applied.length ? `已应用迁移：${applied.join("、")}` : "数据库已是最新结构。");
});
// The pg pools the engine used may linger on idle timers; the work is done.
process.exit(0);
