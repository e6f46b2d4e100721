import type { Prisma } from "@/lib/db/generated/client";

/** Who made the report's latest submission (null if nobody did, or their account is gone). */
export async function lastSubmitter(
  tx: Pick<Prisma.TransactionClient, "reportTransition">,
  reportId: string,
): Promise<string | null> {
  const submitted = await tx.reportTransition.findFirst({
    where: { reportId, toStatus: "SUBMITTED" },
    orderBy: { createdAt: "desc" },
    select: { actorId: true },
  });
  return submitted?.actorId ?? null;
}
