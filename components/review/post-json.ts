/** POST/DELETE JSON to one of the report routes; the Chinese error the server gave, or a plain one. */
export async function sendJson(
  url: string,
  method: "POST" | "DELETE",
  body?: unknown,
): Promise<{ ok: true; data: unknown } | { ok: false; error: string }> {
  try {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = await response.json().catch(() => ({}));
    if (response.ok) return { ok: true, data };
    if (response.status === 401) return { ok: false, error: "登录已过期，请重新登录后再试。" };
    return {
      ok: false,
      error: (data as { error?: string }).error ?? `操作失败（${response.status}）。`,
    };
  } catch {
    return { ok: false, error: "网络连接失败，请检查网络后重试。" };
  }
}
