import { db } from "@/lib/db/client";

/**
 * The display names of the users given (each read once, however often it is given): for lists of many
 * rows written by a few people, one small query instead of a join on every row.
 */
export async function userNames(ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map();
  const users = await db().user.findMany({
    where: { id: { in: wanted } },
    select: { id: true, displayName: true },
  });
  return new Map(users.map((u) => [u.id, u.displayName]));
}
