import { db } from "@/lib/db/client";
import { parseReportContent, type ReportContent } from "@/lib/report/content";

/** Last year's report of the same organisation, if the system has it (for X1, X2, X8 and starting texts). */
export async function previousReportContent(organizationId: string, year: number): Promise<ReportContent | null> {
  const previous = await db().report.findUnique({
    where: { organizationId_year: { organizationId, year: year - 1 } },
    select: { content: true },
  });
  if (!previous) return null;
  const parsed = parseReportContent(previous.content);
  return parsed.success ? parsed.data : null;
}

/**
 * Last year's report as the save path validates against it. It is published or at least settled, and an
 * autosave happens every few seconds per editor, so each server process keeps it for half a minute; a
 * change to last year's report shows in the cross-year warnings after that at the latest.
 */
const CACHE_MS = 30_000;
const cache = new Map<string, { at: number; content: Promise<ReportContent | null> }>();

export function previousForValidation(organizationId: string, year: number): Promise<ReportContent | null> {
  const key = `${organizationId}:${year}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < CACHE_MS) return hit.content;
  const content = previousReportContent(organizationId, year);
  cache.set(key, { at: now, content });
  if (cache.size > 5000) for (const [k, v] of cache) if (now - v.at >= CACHE_MS) cache.delete(k);
  content.catch(() => cache.delete(key));
  return content;
}
