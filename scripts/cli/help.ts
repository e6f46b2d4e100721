import { listVerbs, loadVerb } from "./verbs";
import { CliError } from "./verb";

export const summary = "显示可用的命令及其用法";
export const usage = "nianbao help [命令]";

export async function run(args: string[]): Promise<number> {
  if (args[0]) {
    const verb = await loadVerb(args[0]);
    if (!verb) throw new CliError(`未知的命令“${args[0]}”。运行 nianbao help 查看可用的命令。`);
    process.stdout.write(`${verb.summary}\n用法：${verb.usage}\n`);
    return 0;
  }
  const lines = ["年报（Nianbao）—— 政府信息公开工作年度报告的命令行工具", "", "命令："];
  for (const [name, verb] of await listVerbs())
    lines.push(`  ${name.padEnd(10)}${verb.summary}`, `  ${" ".repeat(10)}用法：${verb.usage}`);
  lines.push("", "退出码：0 完成；1 报告有错误；2 命令无法执行（参数或文件有误）。");
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}
