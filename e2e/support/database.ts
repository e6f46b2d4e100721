// The web server's own database, for tests that must set up what no page can (an attacker's past
// failures, an account that exists only in a real deployment): E2E_DATABASE_URL from npm test, or the
// embedded server playwright.config.ts starts on E2E_PG_PORT.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/db/generated/client";

export function e2eDatabaseUrl(): string {
  return (
    process.env.E2E_DATABASE_URL ??
    `postgresql://postgres:nianbao-local@127.0.0.1:${process.env.E2E_PG_PORT ?? 54336}/nianbao`
  );
}

export async function withDatabase<T>(work: (prisma: PrismaClient) => Promise<T>): Promise<T> {
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: e2eDatabaseUrl(), max: 2 }),
  });
  try {
    return await work(prisma);
  } finally {
    await prisma.$disconnect();
  }
}
