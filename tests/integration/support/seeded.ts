import { inject } from "vitest";
import { loadAccess } from "@/lib/auth/access";
import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { seed } from "@/prisma/seed";

/** Point lib/db at the test database and make sure the demo district is there (the seed is idempotent). */
export async function seededDatabase() {
  process.env.DATABASE_URL = inject("databaseUrl");
  await seed(db());
  return db();
}

/** The context a signed-in demo user's requests get. */
export async function contextFor(account: string): Promise<AuthContext> {
  const user = await db().user.findUniqueOrThrow({ where: { account } });
  return {
    user: {
      sessionId: "test",
      userId: user.id,
      account: user.account,
      displayName: user.displayName,
      totpEnabled: Boolean(user.totpEnabledAt),
    },
    access: await loadAccess(user.id),
  };
}
