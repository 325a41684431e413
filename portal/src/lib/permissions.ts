/**
 * Who may do what, per site: a copy of docs/security.md's role table for the actions the portal offers,
 * so each screen shows only the buttons the caller's roles allow. The services enforce the same table;
 * this only keeps people from being offered what would be refused.
 */

export type Role = 'REQUESTER' | 'TECHNICIAN' | 'SUPERVISOR' | 'PLANNER' | 'PERMIT_AUTHORITY' | 'CONTRACTOR' | 'AUDITOR' | 'SITE_ADMIN';

const R = 'REQUESTER', T = 'TECHNICIAN', S = 'SUPERVISOR', P = 'PLANNER', PA = 'PERMIT_AUTHORITY', C = 'CONTRACTOR',
  A = 'AUDITOR', SA = 'SITE_ADMIN';

export const ACTIONS = {
  'work.create': [R, T, S, P, PA, SA],
  'work.start': [T, S, C],
  'work.complete': [T, S, C],
  'work.plan': [S, P],
  'work.assign': [S, P],
  'work.hold': [T, S, C],
  'work.resume': [T, S, C],
  'work.close': [S],
  'work.closeOverride': [S],
  'work.reopen': [S],
  'work.reject': [S, P],
  'work.cancel': [S, P],
  'work.blocker': [R, T, S, P, PA, C],
  'work.checklist': [T, S, C],
  'work.comment': [R, T, S, P, PA, C, SA],
  'audit.read': [S, A, SA],
  'permit.request': [T, S, P, PA, C],
  'permit.approve': [PA],
  'permit.reject': [PA],
  'permit.issue': [PA],
  'permit.suspend': [PA],
  'permit.resume': [PA],
  'permit.handback': [T, S, PA, C],
  'permit.close': [PA],
  'permit.cancel': [PA],
  'permit.isolation.apply': [T, S, PA],
  'permit.isolation.verify': [S, PA],
  'permit.isolation.remove': [T, S, PA],
  'rules.edit': [SA],
  'webhooks.manage': [SA],
} as const satisfies Record<string, readonly string[]>;

export type Action = keyof typeof ACTIONS;

export interface Identity {
  subject: string;
  name: string;
  sites: Record<string, string[]>;
  orgAdmin: boolean;
}

/** May the user take this action on this site? An org admin may do everything everywhere. */
export function can(identity: Identity | null, action: Action, siteId: string | undefined): boolean {
  if (!identity) return false;
  if (identity.orgAdmin) return true;
  if (!siteId) return false;
  const roles = identity.sites[siteId] ?? [];
  return roles.some((role) => (ACTIONS[action] as readonly string[]).includes(role));
}

/** May the user take this action on at least one site? (for the navigation) */
export function canAnywhere(identity: Identity | null, action: Action): boolean {
  if (!identity) return false;
  if (identity.orgAdmin) return true;
  return Object.keys(identity.sites).some((site) => can(identity, action, site));
}
