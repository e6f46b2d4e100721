import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

// One client per server process (and per hot reload in development).
const globalForPrisma = globalThis as unknown as { nianbaoPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString)
    throw new Error("DATABASE_URL 未设置：请用 npm start 启动，或设置 DATABASE_URL。");
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: Number(process.env.NIANBAO_DB_POOL ?? 10) }),
  });
}

/** The Prisma client, created on first use so that building the app needs no database. */
export function db(): PrismaClient {
  globalForPrisma.nianbaoPrisma ??= createClient();
  return globalForPrisma.nianbaoPrisma;
}

export type { PrismaClient };
export * from "./generated/enums";
