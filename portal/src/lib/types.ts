/** The shapes of the API's answers the portal reads (docs/api.md); fields the portal ignores are left out. */

export const WORK_STATUSES = ['REQUESTED', 'PLANNED', 'IN_PROGRESS', 'ON_HOLD', 'DONE', 'CLOSED', 'REJECTED', 'CANCELLED'] as const;
export const OPEN_STATUSES = ['REQUESTED', 'PLANNED', 'IN_PROGRESS', 'ON_HOLD'];
export const WORK_KINDS = ['MAINTENANCE_CORRECTIVE', 'MAINTENANCE_PREVENTIVE', 'PRODUCTION_FOLLOW_UP', 'LOGISTICS', 'BATCH_CHECK',
  'CLEANING', 'CONTRACTOR_PUNCH_ITEM', 'AUDIT_ACTION', 'PERMIT_PREREQUISITE', 'INSPECTION_FINDING', 'COMMISSIONING', 'ROUND',
  'DAILY_COMMITMENT', 'OTHER'];
export const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
export const BLOCKER_TYPES = ['PERMIT', 'ISOLATION', 'PARTS', 'CONTRACTOR', 'OTHER_WORK', 'ACCESS', 'INFORMATION', 'WEATHER', 'OTHER'];
export const PERMIT_TYPES = ['GENERAL', 'HOT_WORK', 'CONFINED_SPACE', 'ELECTRICAL', 'WORK_AT_HEIGHT', 'EXCAVATION', 'LIFTING'];
export const PERMIT_STATUSES = ['REQUESTED', 'APPROVED', 'ISSUED', 'SUSPENDED', 'HANDED_BACK', 'CLOSED', 'REJECTED', 'CANCELLED', 'EXPIRED'];
export const NOTIFICATION_KINDS = ['WORK_ASSIGNED', 'WORK_STARTED', 'BLOCKER_RAISED', 'BLOCKER_RESOLVED', 'DUE_SOON', 'OVERDUE',
  'WORK_CHANGED', 'PERMIT_REQUESTED', 'LINKED_WORK_DONE', 'OVERDUE_ESCALATED', 'BLOCKED_ESCALATED'];

export interface Site {
  id: string;
  code: string;
  name: string;
  timeZone: string;
}

export interface Assignee {
  type: 'PERSON' | 'TEAM' | 'CONTRACTOR';
  id: string;
}

export interface Blocker {
  id: string;
  type: string;
  reason: string;
  reference?: string;
  automatic: boolean;
  raisedBy: string;
  raisedAt: string;
  resolvedBy?: string;
  resolvedAt?: string;
  note?: string;
  open: boolean;
}

export interface ChecklistItem {
  itemId: string;
  label: string;
  type: 'CHECK' | 'NUMBER' | 'TEXT' | 'CHOICE';
  mandatory?: boolean;
  unit?: string;
  min?: number;
  max?: number;
  options?: string[];
  failingOptions?: string[];
  value?: unknown;
  result?: 'PASSED' | 'FAILED' | 'RECORDED';
  note?: string;
  recordedBy?: string;
  recordedAt?: string;
}

export interface Comment {
  id: string;
  text: string;
  author?: string;
  by?: string;
  at?: string;
  createdAt?: string;
}

export interface Work {
  id: string;
  siteId: string;
  kind: string;
  title: string;
  description?: string;
  priority: string;
  status: string;
  blocked: boolean;
  ready: boolean;
  overdue: boolean;
  ownerId?: string;
  assignees?: Assignee[];
  watchers?: string[];
  dueAt?: string;
  plannedStart?: string;
  plannedEnd?: string;
  assetIds?: string[];
  requiredPermitTypes?: string[];
  permits?: { permitId: string; type: string; status: string; linkedAt?: string; statusSince?: string }[];
  dependsOn?: string[];
  contractorId?: string;
  originWorkId?: string;
  blockers?: Blocker[];
  checklist?: ChecklistItem[];
  comments?: Comment[];
  transitions?: Record<string, unknown>;
  updatedAt?: string;
  version: number;
}

export interface Board {
  siteId: string;
  zone: string;
  today: string;
  asOf: string;
  byStatus: Record<string, number>;
  total: number;
  open: number;
  blocked: number;
  overdue: number;
  dueToday: number;
  ready: number;
}

export interface BlockedRow {
  workId: string;
  title: string;
  kind: string;
  priority: string;
  status: string;
  siteId: string;
  ownerId?: string;
  assignees?: Assignee[];
  dueAt?: string;
  blocker: { id: string; type: string; reason: string; reference?: string; raisedBy: string; raisedAt: string; automatic: boolean };
  waitingSince: string;
  onWhom?: { type: 'WORK' | 'CONTRACTOR' | 'PERSON'; id: string; title?: string; status?: string };
}

export interface HistoryEvent {
  sequence: number;
  id: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: string;
  correlationId?: string;
  data: unknown;
}

export interface Isolation {
  isolationId: string;
  point: string;
  method: string;
  assetId?: string;
  state: 'PLANNED' | 'APPLIED' | 'VERIFIED' | 'REMOVED';
  appliedBy?: string;
  appliedAt?: string;
  verifiedBy?: string;
  verifiedAt?: string;
  removedBy?: string;
  removedAt?: string;
}

export interface Permit {
  id: string;
  siteId: string;
  type: string;
  status: string;
  workIds?: string[];
  assetIds?: string[];
  hazards: string[];
  controls: string[];
  validFrom: string;
  validTo: string;
  isolations: Isolation[];
  linkedWork?: { workId: string; status: string }[];
  requestedBy: string;
  approvedBy?: string;
  issuedBy?: string;
  holderId?: string;
  readyForHandBack?: boolean;
  transitions?: Record<string, unknown>;
  updatedAt?: string;
  version: number;
}

export interface Asset {
  id: string;
  siteId: string;
  parentId?: string | null;
  tag: string;
  name: string;
  assetClass: string;
  criticality: string;
  status: string;
}

export interface ActivePermits {
  assetId: string;
  permits: Permit[];
  isolations: { permitId: string; permitType: string; permitStatus: string; isolationId: string; point: string; method: string; state: string; appliedBy?: string; appliedAt?: string }[];
}

export interface InboxEntry {
  id: string;
  userId: string;
  siteId?: string;
  eventId?: string;
  eventType?: string;
  subjectId?: string;
  title: string;
  body?: string;
  occurredAt?: string;
  createdAt: string;
  readAt?: string;
  read: boolean;
  seq?: number;
}

export interface Counts {
  unread: number;
  total: number;
}

export interface Preferences {
  userId?: string;
  email?: string | null;
  timeZone?: string;
  quietHours?: { start: string; end: string } | null;
  digest?: { enabled: boolean; at?: string } | null;
  channels?: Record<string, string[]>;
}

export interface Rule {
  kind: string;
  description?: string;
  enabled: boolean;
  audience: string[];
  roles: string[];
  isDefault?: boolean;
}

export interface Webhook {
  id: string;
  url: string;
  eventTypes: string[];
  siteIds: string[];
  description?: string;
  status: 'ENABLED' | 'DISABLED';
  createdAt: string;
  createdBy: string;
  consecutiveFailedDeliveries?: number;
  disabledAt?: string;
  disabledReason?: string;
  secret?: string;
}

export interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  siteId?: string;
  status: string;
  attemptCount: number;
  createdAt: string;
  nextAttemptAt?: string;
  lastAttemptAt?: string;
  deliveredAt?: string;
  redeliveries?: number;
  lastStatusCode?: number;
  lastError?: string;
}

export interface ReplayProgress {
  projection: string;
  state: string;
  startedAt?: string;
  finishedAt?: string;
  eventsDone?: number;
  eventsTotal?: number;
  eventsPerSecond?: number;
  estimatedSecondsLeft?: number;
  active?: string;
  building?: string;
  error?: string;
}

export interface AuditWorkItem {
  id: string;
  title: string;
  kind: string;
  status: string;
  ownerId?: string;
  dueAt?: string;
  blockers?: { id: string; type: string; reason: string; since: string; by: string }[];
}

export interface AuditState {
  siteId: string;
  asOf: string;
  work: { counts: Record<string, number>; inProgress: AuditWorkItem[]; onHold: AuditWorkItem[]; blocked: AuditWorkItem[]; overdue: AuditWorkItem[] };
  context: {
    permits: { id: string; type: string; status: string; holderId?: string; workIds?: string[]; validTo?: string }[];
    isolations: { permitId: string; isolationId: string; point: string; assetId?: string; state: string; appliedBy?: string; appliedAt?: string }[];
    assets: { id: string; tag: string; name: string; status: string }[];
  };
}

export interface Verdict {
  aggregateId: string;
  aggregateType: string;
  events: number;
  intact: boolean;
  firstBrokenSequence?: number;
  problem?: string;
  lastHash?: string;
  verifiedAt: string;
}
