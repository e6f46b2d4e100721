import { parseArgs, type ParseArgsConfig } from "node:util";

/** What every scripts/cli/<verb>.ts exports. */
export interface Verb {
  /** One line, Chinese, shown by `nianbao help`. */
  summary: string;
  /** How to call it: `nianbao validate <报告.json> [--json]`. */
  usage: string;
  /** Runs the verb; resolves to the exit code (0 done, 1 the report has errors, 2 could not be done). */
  run(args: string[]): Promise<number>;
}

/** A failure to carry out the command (bad usage, unreadable input): printed as is, exit code 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}

/** node:util parseArgs with Chinese errors. */
export function parseVerbArgs<T extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: T,
  usage: string,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const { code, message } = error as Error & { code?: string };
    const option = /'([^']+)'/.exec(message)?.[1] ?? "";
    const detail =
      code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
        ? `没有 ${option} 这个选项`
        : code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE"
          ? `选项 ${option.split(" ")[0]} 的取值有误`
          : message;
    throw new CliError(`参数有误：${detail}\n用法：${usage}`);
  }
}
