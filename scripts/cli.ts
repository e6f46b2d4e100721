/**
 * nianbao — the command line of Nianbao. `nianbao <verb> …` runs scripts/cli/<verb>.ts, a module
 * that exports `summary`, `usage` and `run(args): Promise<exit code>` (see scripts/cli/verb.ts).
 * Exit codes: 0 done, 1 the report has errors, 2 the command could not be carried out.
 */
import { main } from "./cli/main";

process.exitCode = await main(process.argv.slice(2));
