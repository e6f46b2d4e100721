import { requestJson } from "@/lib/api/client";

/** POST/DELETE JSON to one of the report routes; the Chinese error the server gave, or a plain one. */
export async function sendJson(
  url: string,
  method: "POST" | "DELETE",
  body?: Record<string, unknown>,
): Promise<{ ok: true; data: unknown } | { ok: false; error: string }> {
  const answer = await requestJson<unknown>(method, url, body);
  return answer.ok ? answer : { ok: false, error: answer.error };
}
