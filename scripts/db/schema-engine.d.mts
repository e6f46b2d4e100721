// Types for the plain ESM script, so TypeScript tests can import it without suppressions.
export const SCHEMA_PATH: string;
export const MIGRATIONS_DIR: string;
export interface MigrationsList {
  baseDir: string;
  lockfile: { path: string; content: string | null };
  migrationDirectories: Array<{
    path: string;
    migrationFile: {
      path: string;
      content: { tag: "ok"; value: string } | { tag: "error"; value: string };
    };
  }>;
  shadowDbInitScript: string;
}
export function readMigrationsList(dir?: string): MigrationsList;
export function withSchemaEngine<T>(
  databaseUrl: string,
  fn: (engine: unknown) => Promise<T>,
  log?: (message: string) => void,
): Promise<T>;
export function applyMigrations(databaseUrl: string): Promise<string[]>;
export function diffDatabaseToSchema(databaseUrl: string): Promise<string>;
export function createMigration(databaseUrl: string, name: string): Promise<string | null>;
