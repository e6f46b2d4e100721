// The security headers on every kind of response (a signed-in page, an API route, a public /gk page), the
// nonce on every script Next renders, HSTS only over HTTPS, and a page of the app framed by another site
// does not render in Chromium (clickjacking).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIResponse } from "@playwright/test";
import { signIn } from "./support/helpers";

function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, "CSP").toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
  const scriptSrc = /(?:^|; )script-src ([^;]*)/.exec(csp)?.[1] ?? "";
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(scriptSrc).not.toContain("unsafe-eval");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  return csp;
}

test("a page, an API route and a public page carry CSP with a nonce, frame-ancestors 'none', nosniff and Referrer-Policy", async ({
  request,
}) => {
  const login = await request.get("/login");
  expect(login.status()).toBe(200);
  const csp = expectSecurityHeaders(login);
  // Every script Next rendered carries this response's nonce; a second response gets another one.
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  const html = await login.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
  const again = expectSecurityHeaders(await request.get("/login"));
  expect(/'nonce-([^']+)'/.exec(again)![1]).not.toBe(nonce);
  // Next's static files (outside proxy.ts) get a policy that allows nothing, and nosniff.
  const asset = await request.get(/src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]);
  expect(asset.status()).toBe(200);
  expect(asset.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(asset.headers()["x-content-type-options"]).toBe("nosniff");

  const api = await request.get("/api/health");
  expect(api.status()).toBe(200);
  expectSecurityHeaders(api);
  const refused = await request.get("/api/reports/00000000-0000-4000-8000-000000000000/content");
  expect(refused.status()).toBe(401);
  expectSecurityHeaders(refused);

  const column = await request.get("/gk/youxie");
  expect(column.status()).toBe(200);
  expectSecurityHeaders(column);
  expectSecurityHeaders(await request.get("/gk/youxie/2022"));

  // Plain HTTP: no HSTS (a browser would ignore it anyway); over HTTPS as a trusted proxy says, HSTS.
  expect(login.headers()["strict-transport-security"]).toBeUndefined();
  const https = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  expect(https.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
});

test("a report page framed by another site does not render in Chromium", async ({
  page,
  baseURL,
}) => {
  await signIn(page, "pingfang-reviewer");
  const target = `${baseURL}/reports`;
  // The other site: a page on another origin of this machine (Chromium would block a public page
  // from framing a local address for its own reasons, which would prove nothing about ours).
  const attacker = createServer((_req, res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(
      `<!doctype html><title>等待</title><iframe id="victim" src="${target}" width="800" height="600" onload="document.title='已加载'"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  try {
    const refusal = page.waitForEvent("console", (message) =>
      /frame-ancestors/.test(message.text()),
    );
    await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    await refusal;
    await expect(page).toHaveTitle("已加载");
    await expect(page.frameLocator("#victim").getByText("年度报告")).toHaveCount(0);
    await expect(page.frameLocator("#victim").getByRole("button")).toHaveCount(0);
  } finally {
    await new Promise<void>((resolve) => attacker.close(() => resolve()));
  }
});
