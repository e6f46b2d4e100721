import type { OrgAccess } from "./access";

/**
 * The local demo (npm start on its own PostgreSQL, or NIANBAO_DEMO=1): its accounts share a published
 * password, and it is for trying the app, so two-step verification is offered there but not forced.
 */
export function isDemoDeployment(): boolean {
  return process.env.NIANBAO_DEMO === "1";
}

/** Whoever approves, publishes or manages users: a reviewer or an admin anywhere. */
export function holdsPrivilegedRole(access: OrgAccess): boolean {
  return [...access.roles.values()].some((roles) => roles.has("REVIEWER") || roles.has("ADMIN"));
}

/**
 * Must this account set up two-step verification before going on? Reviewers and admins must, except in
 * the demo; editors may choose to. Decided on every request, so a role given during a session counts
 * at once.
 */
export function mustEnrolSecondFactor(access: OrgAccess, totpEnabled: boolean): boolean {
  return !totpEnabled && holdsPrivilegedRole(access) && !isDemoDeployment();
}
