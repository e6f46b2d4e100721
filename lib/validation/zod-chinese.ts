import { z } from "zod";

/**
 * zod's messages in Chinese, for every schema in the process: routes and server actions both import
 * this through the one error mapper (lib/http/refusal.ts). zod keeps its configuration on globalThis,
 * so one call covers every bundle that loaded zod. Our schemas' own messages are kept; zod's defaults
 * come from its zh-CN locale, except where that locale still prints English type names (“期望 number，
 * 实际接收 string”), which a user cannot read.
 */
const zhCN = z.locales.zhCN().localeError;

const TYPE_NAMES: Record<string, string> = {
  number: "数字",
  int: "整数",
  bigint: "整数",
  string: "文字",
  boolean: "true 或 false",
  object: "对象",
  array: "数组",
  date: "日期",
  null: "null",
};

const chinese: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return `应为${TYPE_NAMES[issue.expected] ?? "其他类型"}。`;
    case "too_small":
      if (issue.origin === "string") return `至少 ${issue.minimum} 个字符。`;
      if (issue.origin === "array" || issue.origin === "set") return `至少 ${issue.minimum} 项。`;
      return `不能小于 ${issue.minimum}。`;
    case "too_big":
      if (issue.origin === "string") return `最多 ${issue.maximum} 个字符。`;
      if (issue.origin === "array" || issue.origin === "set") return `最多 ${issue.maximum} 项。`;
      return `不能大于 ${issue.maximum}。`;
    case "invalid_value":
      return `只能是 ${issue.values.map((v) => (typeof v === "string" ? `“${v}”` : String(v))).join("、")}。`;
    case "unrecognized_keys":
      return `不认识的字段：${issue.keys.join("、")}。`;
    case "invalid_union":
      return "格式不正确。";
    default:
      return zhCN(issue);
  }
};

z.config({ localeError: chinese });
