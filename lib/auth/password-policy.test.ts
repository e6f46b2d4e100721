import { describe, expect, it } from "vitest";
import { isCommonPassword } from "./common-passwords";
import { passwordProblem } from "./password-policy";

describe("passwordProblem", () => {
  it("asks for ten characters", () => {
    expect(passwordProblem("password")).toBe("新密码至少 10 个字符。");
    expect(passwordProblem("12345678")).toBe("新密码至少 10 个字符。");
    expect(passwordProblem("a-good-long-one")).toBeNull();
  });
  it("refuses the passwords everyone tries first, whatever their case", () => {
    for (const common of [
      "1234567890",
      "qwertyuiop",
      "Password123",
      "1qaz2wsx3edc",
      "woaini1314",
      "a123456789",
    ]) {
      expect(passwordProblem(common), common).toBe("这个密码太常见，很容易被猜中，请换一个。");
    }
  });
  it("refuses the demo password, alone or inside another", () => {
    expect(passwordProblem("nianbao-demo")).toBe("不能使用演示账号的公开密码。");
    expect(passwordProblem("Nianbao-Demo-2025")).toBe("不能使用演示账号的公开密码。");
  });
  it("refuses the account and the unit's names in it", () => {
    expect(passwordProblem("youxie-editor-1", { account: "youxie-editor" })).toBe(
      "新密码不能包含账号名。",
    );
    expect(passwordProblem("我在友协街道办事处工作", { unitNames: ["友协街道办事处"] })).toBe(
      "新密码不能包含单位名称。",
    );
    expect(
      passwordProblem("pingfang2025!", { unitNames: ["哈尔滨市平房区人民政府", "pingfang"] }),
    ).toBe("新密码不能包含单位名称。");
    expect(
      passwordProblem("a-good-long-one", {
        account: "youxie-editor",
        unitNames: ["友协街道办事处", "youxie"],
      }),
    ).toBeNull();
  });
  it("refuses one repeated character and edge spaces", () => {
    expect(passwordProblem("aaaaaaaaaaaa")).toBe("新密码过于简单，请混用不同的字母、数字或符号。");
    expect(passwordProblem(" a-good-long-one")).toBe("新密码开头和结尾不能有空格。");
  });
  it("ships a few thousand common passwords", () => {
    expect(isCommonPassword("password1234")).toBe(true);
    expect(isCommonPassword("correct horse battery staple nianbao")).toBe(false);
  });
});
