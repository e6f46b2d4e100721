import { defineConfig } from "prisma/config";

// Used by `prisma generate` (and by the stock `prisma migrate deploy` where its engine can be downloaded).
// The app itself migrates through scripts/db/migrate.mjs with Prisma's WebAssembly schema engine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/nianbao" },
});
