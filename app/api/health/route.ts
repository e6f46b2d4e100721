import { db } from "@/lib/db/client";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const timeout = () =>
  new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 3000));

/** Liveness with a real query: load balancers take an instance out when its database is gone. */
export const GET = route({ auth: false }, async () => {
  const up = await Promise.race([db().$queryRaw`SELECT 1`, timeout()]).then(
    () => true,
    () => false,
  );
  return up
    ? { ok: true, db: "up" }
    : Response.json({ ok: false, db: "down", error: "数据库不可用。" }, { status: 503 });
});
