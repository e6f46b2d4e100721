import { CliError } from "./verb";
import { loadVerb } from "./verbs";

/** Runs `nianbao <verb> …` and resolves to its exit code (0 done, 1 the report has errors, 2 could not be done). */
export async function main(argv: string[]): Promise<number> {
  const [name = "help", ...args] = argv;
  const verb = await loadVerb(name === "--help" || name === "-h" ? "help" : name);
  if (!verb) {
    process.stderr.write(`未知的命令“${name}”。运行 nianbao help 查看可用的命令。\n`);
    return 2;
  }
  try {
    return await verb.run(args);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
