// npm run seed:city: the city-sized data set (prisma/seed-city.ts) in DATABASE_URL, or in the embedded
// PostgreSQL of npm start (started for the seed and stopped after). Run `npm start` (or db:migrate) first.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/db/generated/client";
import { CITY, CITY_PASSWORD, seedCity } from "@/prisma/seed-city";
// @ts-expect-error — plain ESM script without types
import { withDatabase } from "./db/with-database.mjs";

await withDatabase(async (url: string) => {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const result = await seedCity(prisma);
    if (!result.created) {
      console.log(`[年报] ${CITY.name}的数据已存在，未做改动。`);
      return;
    }
    console.log(
      `[年报] 已写入${CITY.name}：${result.organizations} 个单位、${result.users} 个账号、${result.reports} 份报告，用时 ${(result.millis / 1000).toFixed(1)} 秒。`,
    );
    console.log(
      `[年报] 账号为 <单位简称>-editor / -reviewer / -admin（如 ${CITY.slug}-reviewer、yunzhou-d0-reviewer、yunzhou-d0-u0-editor），密码均为 ${CITY_PASSWORD}。`,
    );
  } finally {
    await prisma.$disconnect();
  }
});
