/**
 * The Content-Security-Policy of every response the app renders. Scripts run only with the request's
 * nonce (Next puts it on its own scripts when it finds it in this header), and whatever those load
 * ('strict-dynamic'): an injected <script> or inline handler never runs. Styles allow inline: the report
 * preview and the public pages carry the export's <style> block and a few style attributes, and a style
 * cannot run code. No page may be framed (frame-ancestors 'none'), which is what stops clickjacking.
 */
export function contentSecurityPolicy(
  nonce: string,
  options: { https: boolean; dev: boolean },
): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Over plain HTTP (a local demo) upgrading would send the page's own assets to an https:// that is not there.
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** A fresh nonce per request: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
