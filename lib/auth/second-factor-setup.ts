import QRCode from "qrcode";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import type { AuthContext } from "./context";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { verifyPassword } from "./password";
import { replaceRecoveryCodes } from "./recovery-codes";
import { holdsPrivilegedRole, isDemoDeployment } from "./second-factor-policy";
import { deleteOtherSessions } from "./sessions";
import { acceptedTotpStep, newTotpSecret, openTotpSecret, sealTotpSecret, totpUri } from "./totp";

export interface SecondFactorStatus {
  enabled: boolean;
  enabledAt: Date | null;
  unusedRecoveryCodes: number;
  /** May turn it off: editors only (and anyone in the demo). */
  mayDisable: boolean;
}

export async function secondFactorStatus(ctx: AuthContext): Promise<SecondFactorStatus> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: ctx.user.userId },
    select: { totpEnabledAt: true },
  });
  const unused = await db().recoveryCode.count({
    where: { userId: ctx.user.userId, usedAt: null },
  });
  return {
    enabled: Boolean(user.totpEnabledAt),
    enabledAt: user.totpEnabledAt,
    unusedRecoveryCodes: unused,
    mayDisable: !holdsPrivilegedRole(ctx.access) || isDemoDeployment(),
  };
}

export interface Enrolment {
  /** The secret for typing in by hand, in groups of four. */
  secret: string;
  uri: string;
  /** The otpauth URI as a QR code (an SVG data URL: no external image, allowed by the CSP). */
  qrCode: string;
}

/**
 * Setting up two-step verification, step one: a secret, kept (encrypted) until a code from it confirms
 * the setup. Opening the page again shows the same secret, so a scan is never wasted.
 */
export async function beginSecondFactorSetup(ctx: AuthContext): Promise<Enrolment> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: ctx.user.userId },
    select: { account: true, totpSecret: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt) throw new ConflictError("两步验证已经启用。");
  let secret = user.totpSecret ? openTotpSecret(user.totpSecret) : null;
  if (!secret) {
    secret = newTotpSecret();
    await db().user.updateMany({
      where: { id: ctx.user.userId, totpEnabledAt: null },
      data: { totpSecret: sealTotpSecret(secret) },
    });
  }
  const uri = totpUri(secret, user.account);
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return {
    secret: secret.replace(/(.{4})/g, "$1 ").trim(),
    uri,
    qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
  };
}

/**
 * Step two: a code from the app proves the secret is in it. Two-step verification is on from now, ten
 * recovery codes are made (returned once, in clear), and every other session of the user ends — they
 * were opened with the password alone.
 */
export async function confirmSecondFactorSetup(
  ctx: AuthContext,
  code: string,
  options: { ip?: string | null } = {},
): Promise<{ recoveryCodes: string[] }> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: ctx.user.userId },
    select: { account: true, totpSecret: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt) throw new ConflictError("两步验证已经启用。");
  const secret = user.totpSecret ? openTotpSecret(user.totpSecret) : null;
  if (!secret) throw new ConflictError("设置已过期，请刷新页面重新扫描二维码。");
  const step = acceptedTotpStep(secret, code, null);
  if (step === null)
    throw new ValidationError(
      "验证码不正确，请输入验证器应用中当前显示的 6 位数字（注意手机时间是否准确）。",
    );
  return db().$transaction(async (tx) => {
    const enabled = await tx.user.updateMany({
      where: { id: ctx.user.userId, totpEnabledAt: null, totpSecret: user.totpSecret },
      data: { totpEnabledAt: new Date(), totpLastStep: step },
    });
    if (enabled.count === 0) throw new ConflictError("两步验证的设置刚刚已被更改，请刷新页面。");
    const recoveryCodes = await replaceRecoveryCodes(tx, ctx.user.userId);
    const ended = await deleteOtherSessions(tx, ctx.user.userId, ctx.user.sessionId);
    await recordAudit(tx, {
      action: "SECOND_FACTOR_ENABLED",
      actorId: ctx.user.userId,
      actorAccount: user.account,
      subjectUserId: ctx.user.userId,
      ip: options.ip,
      detail: { endedSessions: ended },
    });
    return { recoveryCodes };
  });
}

async function checkCurrentCode(ctx: AuthContext, code: string): Promise<void> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: ctx.user.userId },
    select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  const secret = user.totpEnabledAt && user.totpSecret ? openTotpSecret(user.totpSecret) : null;
  if (!secret) throw new ConflictError("两步验证尚未启用。");
  const step = acceptedTotpStep(secret, code, user.totpLastStep);
  const claimed =
    step === null
      ? { count: 0 }
      : await db().user.updateMany({
          where: {
            id: ctx.user.userId,
            OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }],
          },
          data: { totpLastStep: step },
        });
  if (claimed.count === 0)
    throw new ValidationError("验证码不正确，请输入验证器应用中当前显示的 6 位数字。");
}

/** New recovery codes (the old ones stop working), against a current code from the app. */
export async function renewRecoveryCodes(
  ctx: AuthContext,
  code: string,
  options: { ip?: string | null } = {},
): Promise<{ recoveryCodes: string[] }> {
  await checkCurrentCode(ctx, code);
  return db().$transaction(async (tx) => {
    const recoveryCodes = await replaceRecoveryCodes(tx, ctx.user.userId);
    await recordAudit(tx, {
      action: "RECOVERY_CODES_RENEWED",
      actorId: ctx.user.userId,
      actorAccount: ctx.user.account,
      subjectUserId: ctx.user.userId,
      ip: options.ip,
    });
    return { recoveryCodes };
  });
}

/** An editor (or anyone in the demo) turns two-step verification off, with the password. Reviewers and admins cannot. */
export async function disableSecondFactor(
  ctx: AuthContext,
  password: string,
  options: { ip?: string | null } = {},
): Promise<void> {
  if (holdsPrivilegedRole(ctx.access) && !isDemoDeployment())
    throw new ForbiddenError(
      "审核员和管理员必须启用两步验证，不能停用。丢失验证器时请联系管理员重置。",
    );
  const user = await db().user.findUniqueOrThrow({
    where: { id: ctx.user.userId },
    select: { passwordHash: true, totpEnabledAt: true },
  });
  if (!user.totpEnabledAt) throw new ConflictError("两步验证尚未启用。");
  if (!(await verifyPassword(user.passwordHash, password)))
    throw new ValidationError("密码不正确。");
  await db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: ctx.user.userId },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: ctx.user.userId } });
    await recordAudit(tx, {
      action: "SECOND_FACTOR_DISABLED",
      actorId: ctx.user.userId,
      actorAccount: ctx.user.account,
      subjectUserId: ctx.user.userId,
      ip: options.ip,
    });
  });
}
