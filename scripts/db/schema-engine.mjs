// Migrations through Prisma's own WebAssembly schema engine (@prisma/schema-engine-wasm), driven over
// the pg driver adapter. The Prisma CLI would download a native engine, which these machines cannot
// reach; the WebAssembly engine is the same engine, and it reads and writes Prisma's migrations folder
// format and _prisma_migrations table, so `prisma migrate deploy` works on the same folder elsewhere.
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SCHEMA_PATH = path.join(root, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(root, "prisma/migrations");
const LOCKFILE = "migration_lock.toml";

let enginePromise;

/** Instantiate the .wasm by hand so that no --experimental-wasm-modules flag is needed. */
function loadEngineModule() {
  enginePromise ??= (async () => {
    // The engine reports a Rust panic through this global before it throws; keep the message for the error.
    globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message) {
        process.stderr.write(`Prisma 架构引擎内部错误：${message}\n`);
      },
    };
    const require = createRequire(import.meta.url);
    // The package exports no path to its .wasm; it sits beside the entry module.
    const wasmPath = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm")),
      "schema_engine_bg.wasm",
    );
    const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
      "./schema_engine_bg.js": bindings,
    });
    bindings.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return bindings;
  })();
  return enginePromise;
}

function schemaFiles() {
  return [{ path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, "utf8") }];
}

/** The migrations folder as the engine wants it (what the Prisma CLI reads from disk). */
export function readMigrationsList(dir = MIGRATIONS_DIR) {
  const lockPath = path.join(dir, LOCKFILE);
  const directories = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: dir,
    lockfile: {
      path: LOCKFILE,
      content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((name) => {
      const file = path.join(dir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok", value: readFileSync(file, "utf8") }
            : { tag: "error", value: `${file} is missing` },
        },
      };
    }),
  };
}

const NO_FILTERS = { externalTables: [], externalEnums: [] };

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHARACTER_COLUMN_TYPE = 6; // ColumnTypeEnum.Character of @prisma/driver-adapter-utils

/** For each SQL text the engine ran, the result columns of PostgreSQL's one-byte "char" type. */
const charColumnsBySql = new Map();

/**
 * The engine's catalogue queries return columns of PostgreSQL's "char" type (pg_constraint.contype and
 * the like) and read them as characters, but the pg driver adapter does not map that type and rejects
 * the query. This client lets the adapter read them as text and remembers where they were, and
 * `characterAware` below hands them to the engine as the characters it expects.
 */
class CharAsTextClient extends pg.Client {
  query(config, ...rest) {
    const sql = typeof config === "string" ? config : config?.text;
    const remember = (result) => {
      const indexes = [];
      (result?.fields ?? []).forEach((field, index) => {
        if (field.dataTypeID === PG_CHAR_OID) {
          field.dataTypeID = PG_TEXT_OID;
          indexes.push(index);
        }
      });
      if (sql && indexes.length) charColumnsBySql.set(sql, indexes);
      return result;
    };
    const last = rest.length - 1;
    if (last >= 0 && typeof rest[last] === "function") {
      const callback = rest[last];
      rest[last] = (error, result) => callback(error, error ? result : remember(result));
      return super.query(config, ...rest);
    }
    const pending = super.query(config, ...rest);
    return pending && typeof pending.then === "function" ? pending.then(remember) : pending;
  }
}

function characterAware(queryable) {
  return new Proxy(queryable, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (property === "queryRaw") {
        return async (query) => {
          const result = await value.call(target, query);
          for (const index of charColumnsBySql.get(query.sql) ?? [])
            result.columnTypes[index] = CHARACTER_COLUMN_TYPE;
          return result;
        };
      }
      if (property === "startTransaction") {
        return async (...args) => characterAware(await value.apply(target, args));
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function characterAwareFactory(factory) {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => characterAware(await factory.connect()),
    connectToShadowDb: async () => characterAware(await factory.connectToShadowDb()),
  };
}

/** Run `fn(engine)` with a schema engine connected to `databaseUrl`, and release it afterwards. */
export async function withSchemaEngine(databaseUrl, fn, log = () => {}) {
  const { SchemaEngine } = await loadEngineModule();
  // Our own pool, so that it can be closed when the engine is done (the engine does not close it).
  const pool = new pg.Pool({ connectionString: databaseUrl, Client: CharAsTextClient, max: 4 });
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(
    characterAwareFactory(new PrismaPg(pool)),
  );
  const datamodels = schemaFiles().map((f) => [f.path, f.content]);
  const engine = await SchemaEngine.new(
    { datamodels },
    (message) => log(String(message)),
    adapterFactory,
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await pool.end();
  }
}

/** Apply every migration of the folder not yet recorded in _prisma_migrations (what `prisma migrate deploy` does). */
export async function applyMigrations(databaseUrl) {
  return withSchemaEngine(databaseUrl, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: readMigrationsList(),
      filters: NO_FILTERS,
    });
    return appliedMigrationNames;
  });
}

/** SQL that would bring the database to prisma/schema.prisma; empty when they match. */
export async function diffDatabaseToSchema(databaseUrl) {
  return withSchemaEngine(databaseUrl, async (engine) => {
    const captured = [];
    const originalWrite = process.stdout.write.bind(process.stdout);
    // The engine prints the script on stdout (as the CLI's `migrate diff` does); capture it.
    process.stdout.write = (chunk) => {
      captured.push(String(chunk));
      return true;
    };
    let result;
    try {
      result = await engine.diff({
        // "schemaDatasource" is the database behind the adapter (the URL target is gone in Prisma 7).
        from: { tag: "schemaDatasource", files: schemaFiles(), configDir: root },
        to: { tag: "schemaDatamodel", files: schemaFiles() },
        script: true,
        shadowDatabaseUrl: null,
        exitCode: null,
        filters: NO_FILTERS,
      });
    } finally {
      process.stdout.write = originalWrite;
    }
    const script = result?.stdout ?? captured.join("");
    return script.replace(/^-- This is an empty migration\.\s*$/m, "").trim();
  });
}

function migrationStamp(date = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`;
}

/**
 * Write prisma/migrations/<stamp>_<name>/migration.sql for the difference between the folder and the schema.
 * The engine's own createMigration wants a shadow-database factory that the WebAssembly build does not
 * take, so this does what it does by hand: replay the folder on a throwaway database, diff it to the schema.
 */
export async function createMigration(databaseUrl, name) {
  const shadowName = `nianbao_shadow_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(shadowName)}`);
  let script;
  try {
    const shadowUrl = new URL(databaseUrl);
    shadowUrl.pathname = `/${shadowName}`;
    await applyMigrations(shadowUrl.toString());
    script = await diffDatabaseToSchema(shadowUrl.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(shadowName)} WITH (FORCE)`);
    await admin.end();
  }
  if (!script) return null;
  const migrationName = `${migrationStamp()}_${name}`;
  const dir = path.join(MIGRATIONS_DIR, migrationName);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), `${script}\n`);
  const lockPath = path.join(MIGRATIONS_DIR, LOCKFILE);
  if (!existsSync(lockPath)) {
    writeFileSync(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  return migrationName;
}
