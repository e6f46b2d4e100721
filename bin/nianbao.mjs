#!/usr/bin/env node
// Launcher of the nianbao command line (scripts/cli.ts): registers tsx's loader with the project's
// tsconfig, wherever the command is run from, then runs the CLI in this process.
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
register({ tsconfig: join(root, "tsconfig.json") });
await import(pathToFileURL(join(root, "scripts", "cli.ts")).href);
