// npm run db:migrate:create -- <name>
// Writes a new migration for the difference between prisma/migrations and prisma/schema.prisma.
// Needs a database to replay the folder on a throwaway shadow database: DATABASE_URL, or the embedded one.
import { createMigration } from "./schema-engine.mjs";
import { withDatabase } from "./with-database.mjs";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error(
    "用法：npm run db:migrate:create -- <名称>（小写字母、数字和下划线，如 add_comments）",
  );
  process.exit(2);
}
await withDatabase(async (url) => {
  const created = await createMigration(url, name);
  console.log(
    created
      ? `已生成迁移 prisma/migrations/${created}/migration.sql`
      : "schema.prisma 与迁移目录一致，无需新迁移。",
  );
});
// The pg pools the engine used may linger on idle timers; the work is done.
process.exit(0);
