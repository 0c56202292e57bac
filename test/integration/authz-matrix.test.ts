import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicators, indicatorTargets, memberships as membershipTable } from '../../src/db/schema/core.ts';
import { indicatorActuals } from '../../src/db/schema/indicator.ts';
import { apiTokens, notifications } from '../../src/db/schema/platform.ts';
import { milestones, progressReports, reportingPeriods, supervisionNoticeRecipients, supervisionNotices, taskUnits, tasks } from '../../src/db/schema/work.ts';
import { SYSTEM_ACTOR, type MembershipRole } from '../../src/modules/access/actor.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import {
  buildUrl,
  collectionBefore,
  listOperations,
  minimalValue,
  multipartFile,
  TINY_PNG,
  type FieldResolver,
  type JsonSchema,
  type OpenApiDocument,
  type Operation,
} from '../setup/openapi-requests.ts';

/**
 * The authorization matrix: every route of the OpenAPI document × every role
 * × resources on the caller's own side, the other side, another cooperation
 * and a public one. Routes added later are covered automatically as long as
 * their path parameters name a resource the fixture registry knows; a route
 * it cannot resolve fails the test unless it is exempted below with a reason.
 * Besides the status codes, every successful answer is searched for the ids
 * and marker titles of fixtures the caller must not see: a list, an inbox or
 * an audit view that lets one through is a leak as much as a 200 on the row.
 */

// ---------------------------------------------------------------- the world

type CoopKey = 'A' | 'X' | 'P';
type PartyKey = 'A' | 'B' | 'X1' | 'X2' | 'P1' | 'P2';
type OrgKey = 'A0' | 'A1' | 'B0' | 'B1' | 'X1' | 'X2' | 'P1' | 'P2';
type ActorKey = 'admin' | 'coordA' | 'coordB' | 'unitA' | 'leaderA' | 'observerA' | 'outsider' | 'anonymous';
type Scenario = 'ownSide' | 'otherSide' | 'shared' | 'draft' | 'otherCoop' | 'public' | 'global';
type Visibility = 'side' | 'parties' | 'public';

const PARTY_COOP: Record<PartyKey, CoopKey> = { A: 'A', B: 'A', X1: 'X', X2: 'X', P1: 'P', P2: 'P' };
const PARTY_REGION: Record<PartyKey, string> = { A: '370200', B: '440300', X1: '210200', X2: '370600', P1: '440500', P2: '440300' };
const ORG_PARTY: Record<OrgKey, PartyKey> = { A0: 'A', A1: 'A', B0: 'B', B1: 'B', X1: 'X1', X2: 'X2', P1: 'P1', P2: 'P2' };
const COOP_VISIBILITY: Record<CoopKey, Visibility> = { A: 'parties', X: 'parties', P: 'public' };

interface ActorModel {
  key: ActorKey;
  /** How the matrix prints the role (column heads are short). */
  label: string;
  column: string;
  username: string;
  isAdmin: boolean;
  org: OrgKey | null;
  memberships: { party: PartyKey; role: MembershipRole }[];
}

const ACTORS: ActorModel[] = [
  { key: 'anonymous', label: 'anonymous', column: 'anonymous', username: '', isAdmin: false, org: null, memberships: [] },
  { key: 'outsider', label: 'other-coop member', column: 'other-coop', username: 'mx.outsider', isAdmin: false, org: 'X1', memberships: [{ party: 'X1', role: 'coordinator' }] },
  { key: 'observerA', label: 'observer', column: 'observer A', username: 'mx.observer', isAdmin: false, org: null, memberships: [{ party: 'A', role: 'observer' }] },
  { key: 'leaderA', label: 'leader', column: 'leader A', username: 'mx.leader', isAdmin: false, org: 'A0', memberships: [{ party: 'A', role: 'leader' }] },
  { key: 'unitA', label: 'unit user', column: 'unit A', username: 'mx.unit', isAdmin: false, org: 'A1', memberships: [{ party: 'A', role: 'unit' }] },
  { key: 'coordB', label: 'coordinator other side', column: 'coord B', username: 'mx.coord.b', isAdmin: false, org: 'B0', memberships: [{ party: 'B', role: 'coordinator' }] },
  { key: 'coordA', label: 'coordinator own side', column: 'coord A', username: 'mx.coord.a', isAdmin: false, org: 'A0', memberships: [{ party: 'A', role: 'coordinator' }] },
  { key: 'admin', label: 'admin', column: 'admin', username: 'mx.admin', isAdmin: true, org: null, memberships: [] },
];

/** Resources relative to side A of cooperation A, the home of every role but the outsider. */
const SCENARIO_SHAPE: Record<Exclude<Scenario, 'global'>, { coop: CoopKey; party: PartyKey; visibility: Visibility; label: string }> = {
  ownSide: { coop: 'A', party: 'A', visibility: 'side', label: 'own side' },
  otherSide: { coop: 'A', party: 'B', visibility: 'side', label: 'other side' },
  shared: { coop: 'A', party: 'A', visibility: 'parties', label: 'both sides' },
  draft: { coop: 'A', party: 'A', visibility: 'parties', label: 'draft of unit A1' },
  otherCoop: { coop: 'X', party: 'X1', visibility: 'parties', label: 'other cooperation' },
  public: { coop: 'P', party: 'P1', visibility: 'public', label: 'public cooperation' },
};

type Kind =
  | 'cooperation'
  | 'party'
  | 'membership'
  | 'agreement'
  | 'clause'
  | 'task'
  | 'milestone'
  | 'supervisionNotice'
  | 'report'
  | 'attachment'
  | 'apiToken'
  | 'notification'
  | 'period'
  | 'indicator'
  | 'indicatorTarget'
  | 'indicatorActual'
  | 'organization'
  | 'region'
  | 'user'
  | 'project'
  | 'projectTransaction'
  | 'signingEvent'
  | 'crossSideTransaction';

const ROW_SCENARIOS: Scenario[] = ['ownSide', 'otherSide', 'shared', 'otherCoop', 'public'];
const SIDE_SCENARIOS: Scenario[] = ['ownSide', 'otherSide', 'otherCoop', 'public'];
const KIND_SCENARIOS: Record<Kind, Scenario[]> = {
  cooperation: SIDE_SCENARIOS,
  party: SIDE_SCENARIOS,
  membership: SIDE_SCENARIOS,
  agreement: ROW_SCENARIOS,
  clause: ROW_SCENARIOS,
  task: ROW_SCENARIOS,
  milestone: ROW_SCENARIOS,
  supervisionNotice: ROW_SCENARIOS,
  report: [...ROW_SCENARIOS, 'draft'],
  attachment: [...ROW_SCENARIOS, 'draft'],
  apiToken: SIDE_SCENARIOS,
  notification: SIDE_SCENARIOS,
  // A reporting period belongs to a whole cooperation, not to a side.
  period: ['shared', 'otherCoop', 'public'],
  indicator: ROW_SCENARIOS,
  indicatorTarget: ROW_SCENARIOS,
  indicatorActual: ROW_SCENARIOS,
  organization: ['global'],
  region: ['global'],
  user: ['global'],
  project: ROW_SCENARIOS,
  projectTransaction: ROW_SCENARIOS,
  signingEvent: ROW_SCENARIOS,
  crossSideTransaction: ROW_SCENARIOS,
};

/** Path segment before `{id}` → the resource kind; `{xId}` params name their kind themselves. */
const COLLECTION_KINDS: Record<string, Kind> = {
  cooperations: 'cooperation',
  parties: 'party',
  memberships: 'membership',
  agreements: 'agreement',
  clauses: 'clause',
  tasks: 'task',
  milestones: 'milestone',
  'supervision-notices': 'supervisionNotice',
  reports: 'report',
  attachments: 'attachment',
  'api-tokens': 'apiToken',
  notifications: 'notification',
  periods: 'period',
  indicators: 'indicator',
  'indicator-targets': 'indicatorTarget',
  'indicator-actuals': 'indicatorActual',
  organizations: 'organization',
  regions: 'region',
  users: 'user',
  projects: 'project',
  'project-transactions': 'projectTransaction',
  'signing-events': 'signingEvent',
  'cross-side-transactions': 'crossSideTransaction',
};

/** Parameters that are not resources: the agreement text version number. */
const LITERAL_PARAMS: Record<string, string> = { number: '1' };

/** Bodies whose rules go beyond their JSON schema (one field or another): the fields that make them valid. */
const BODY_EXTRAS: Record<string, (cooperationId: string) => Record<string, unknown>> = {
  'POST /api/v1/ingest/commit': (cooperationId) => ({ cooperationId }),
};

/** Routes the matrix does not drive, each with the reason and where it is tested instead. */
const EXEMPT: Record<string, string> = {
  'POST /api/v1/auth/login': 'rate-limited and locks accounts; security-login.test.ts',
  'POST /api/v1/auth/logout': "ends the caller's session; security-sessions.test.ts",
  'POST /api/v1/auth/logout-everywhere': "ends all the caller's sessions; security-sessions.test.ts",
  'POST /api/v1/me/password': "changes the caller's own password after checking the current one; account-password.test.ts",
  'GET /': 'the static web app shell, the same for everyone; security-http.test.ts checks it',
  'GET /{*}': 'the static web app shell, the same for everyone; security-http.test.ts checks it',
};

interface Fixture {
  kind: Kind;
  scenario: Scenario;
  id: string;
  coop: CoopKey | null;
  /** Which side the scenario is about (party routes, membership bodies). */
  party: PartyKey | null;
  visibility: Visibility;
  owner: PartyKey | null;
  marker: string;
  /** Tasks: joint or one-sided, and its units. */
  task?: { joint: boolean; owner: PartyKey | null; units: OrgKey[] };
  /** 督办 notices: the unit (and its side) the notice is addressed to. */
  notice?: { party: PartyKey; org: OrgKey };
  /** Reports: whose unit writes it, and whether it is still a draft. */
  report?: { party: PartyKey; org: OrgKey; draft: boolean };
  /** Personal rows (inbox, API tokens): the only non-admin who may touch them. */
  ownerActor?: ActorKey;
  parent?: Fixture;
}

// --------------------------------------------------------------- the oracle

const membershipsIn = (actor: ActorModel, coop: CoopKey) => actor.memberships.filter((m) => PARTY_COOP[m.party] === coop);
const isMember = (actor: ActorModel, coop: CoopKey) => actor.isAdmin || membershipsIn(actor, coop).length > 0;
const hasRole = (actor: ActorModel, coop: CoopKey, roles: MembershipRole[]) => membershipsIn(actor, coop).some((m) => roles.includes(m.role));
const coordinates = (actor: ActorModel, party: PartyKey) => actor.memberships.some((m) => m.party === party && m.role === 'coordinator');
const seesSide = (actor: ActorModel, party: PartyKey) => actor.isAdmin || actor.memberships.some((m) => m.party === party && m.role !== 'observer');
const seesCooperation = (actor: ActorModel, coop: CoopKey) => isMember(actor, coop) || COOP_VISIBILITY[coop] === 'public';

/** Who sees a fixture: an independent statement of the access rules, not a call into them. */
function sees(actor: ActorModel, f: Fixture): boolean {
  switch (f.kind) {
    case 'organization':
    case 'region':
      return true;
    // A user's account (the admin area) is the administrators' business.
    case 'user':
      return actor.isAdmin;
    case 'apiToken':
    case 'notification':
      return actor.isAdmin ? f.kind === 'apiToken' : f.ownerActor === actor.key;
    case 'clause':
    case 'projectTransaction':
    case 'milestone':
    case 'supervisionNotice':
    case 'attachment':
    case 'indicatorTarget':
    case 'indicatorActual':
      return !!f.parent && sees(actor, f.parent);
    default:
      break;
  }
  if (!f.coop || !seesCooperation(actor, f.coop)) return false;
  if (f.report?.draft) return actor.isAdmin || (actor.org === f.report.org && actor.memberships.some((m) => m.party === f.report?.party));
  if (f.visibility === 'public') return true;
  if (f.visibility === 'parties') return isMember(actor, f.coop);
  return !!f.owner && seesSide(actor, f.owner);
}

type Verdict = 'allow' | 'deny' | 'either';

interface CheckContext {
  actor: ActorModel;
  scenario: Scenario;
  /** The most specific resource in the path; null for routes without one. */
  primary: Fixture | null;
  /** The cooperation the request is about, if any. */
  coop: CoopKey | null;
  party: PartyKey | null;
}

const taskOf = (f: Fixture | null): Fixture | null => {
  for (let cursor = f; cursor; cursor = cursor.parent ?? null) if (cursor.kind === 'task') return cursor;
  return null;
};
const reportOf = (f: Fixture | null): Fixture | null => {
  for (let cursor = f; cursor; cursor = cursor.parent ?? null) if (cursor.kind === 'report') return cursor;
  return null;
};
const manages = (c: CheckContext) => c.actor.isAdmin || (!!c.coop && hasRole(c.actor, c.coop, ['coordinator']));
/** Indicators, their targets and entered actuals: the offices; a one-sided indicator's, its own side's office. */
const managesIndicator = (c: CheckContext) => {
  if (c.actor.isAdmin) return true;
  let indicator = c.primary;
  while (indicator && indicator.kind !== 'indicator') indicator = indicator.parent ?? null;
  if (!c.coop || !hasRole(c.actor, c.coop, ['coordinator']) || !indicator) return false;
  return indicator.visibility !== 'side' || (!!indicator.owner && coordinates(c.actor, indicator.owner));
};
const registers = (c: CheckContext) => c.actor.isAdmin || c.actor.memberships.some((m) => m.role === 'coordinator');
const managesTask = (c: CheckContext) => {
  const task = taskOf(c.primary)?.task;
  if (c.actor.isAdmin) return true;
  if (!c.coop || !hasRole(c.actor, c.coop, ['coordinator']) || !task) return false;
  return task.joint || !task.owner || coordinates(c.actor, task.owner);
};
const worksOnTask = (c: CheckContext) =>
  managesTask(c) || (!!c.coop && hasRole(c.actor, c.coop, ['unit']) && !!c.actor.org && !!taskOf(c.primary)?.task?.units.includes(c.actor.org));
const writesReport = (c: CheckContext) => {
  const report = reportOf(c.primary)?.report;
  return !!report && c.actor.org === report.org && c.actor.memberships.some((m) => m.party === report.party);
};
/** Deciding for a side: that side's office; an administrator speaks for no side. */
const decidesForASide = (c: CheckContext): Verdict => (!c.actor.isAdmin && c.coop && hasRole(c.actor, c.coop, ['coordinator']) ? 'either' : 'deny');
const keepsOrganizationsOfA = (c: CheckContext) => c.actor.isAdmin || c.actor.memberships.some((m) => m.role === 'coordinator' && PARTY_REGION[m.party] === PARTY_REGION.A);
const comments = (c: CheckContext) => c.actor.isAdmin || (!!c.coop && hasRole(c.actor, c.coop, ['coordinator', 'unit']));

const loggedIn = (c: CheckContext) => c.actor.key !== 'anonymous';
const readable = (c: CheckContext) => (c.primary ? sees(c.actor, c.primary) : loggedIn(c));
const PUBLIC = (): Verdict => 'allow';

/**
 * Who may do what, route by route. A route not listed falls back to: reads
 * for whoever sees the resource; writes never by leaders, observers or
 * non-members, by others as the route's own rules say ('either').
 */
const RULES: Record<string, (c: CheckContext) => Verdict | boolean> = {
  'GET /api/v1/health': PUBLIC,
  'GET /api/v1/regions': PUBLIC,
  'GET /api/v1/regions/{code}': PUBLIC,
  'GET /portal': PUBLIC,
  'GET /api/v1/portal/overview': PUBLIC,
  'GET /api/v1/overview': loggedIn,
  'GET /portal/cooperations/{id}': (c) => c.coop !== null && COOP_VISIBILITY[c.coop] === 'public',
  'DELETE /api/v1/regions/{code}': (c) => c.actor.isAdmin,
  'GET /api/v1/me': loggedIn,
  'PATCH /api/v1/me': loggedIn,
  // A new organization is registered in side A's region (the body's regionCode), the fixture organization is side A's unit A1:
  // only an office of a side in A's region (or an admin) registers or edits them.
  'POST /api/v1/organizations': keepsOrganizationsOfA,
  'PATCH /api/v1/organizations/{id}': keepsOrganizationsOfA,
  'DELETE /api/v1/organizations/{id}': (c) => c.actor.isAdmin,
  'POST /api/v1/organizations/{id}/merge': keepsOrganizationsOfA,
  'GET /api/v1/cooperations/{id}/units': (c) => !!c.coop && isMember(c.actor, c.coop),
  'GET /api/v1/users': (c) => c.actor.isAdmin,
  'POST /api/v1/users': (c) => c.actor.isAdmin,
  'PATCH /api/v1/users/{id}': (c) => c.actor.isAdmin,
  'POST /api/v1/users/{id}/disable': (c) => c.actor.isAdmin,
  'POST /api/v1/users/{id}/enable': (c) => c.actor.isAdmin,
  'POST /api/v1/users/{id}/password-reset': (c) => c.actor.isAdmin,
  // A side's office registers a person of its own side (the body's partyId); an admin any side's.
  'POST /api/v1/cooperations/{id}/member-users': (c) => c.actor.isAdmin || (!!c.party && coordinates(c.actor, c.party)),
  'POST /api/v1/cooperations': registers,
  'POST /api/v1/ingest/commit': (c) => (registers(c) ? 'either' : 'deny'),
  'PATCH /api/v1/cooperations/{id}': manages,
  'DELETE /api/v1/cooperations/{id}': (c) => c.actor.isAdmin,
  'POST /api/v1/cooperations/{id}/parties': manages,
  'PATCH /api/v1/cooperations/{id}/parties/{partyId}': (c) => c.actor.isAdmin || (!!c.party && coordinates(c.actor, c.party)),
  'DELETE /api/v1/cooperations/{id}/parties/{partyId}': (c) => c.actor.isAdmin || (!!c.party && coordinates(c.actor, c.party)),
  'POST /api/v1/cooperations/{id}/memberships': (c) => c.actor.isAdmin || (!!c.party && coordinates(c.actor, c.party)),
  'DELETE /api/v1/cooperations/{id}/memberships/{membershipId}': (c) => c.actor.isAdmin || (!!c.party && coordinates(c.actor, c.party)),
  'POST /api/v1/cooperations/{id}/agreements': manages,
  'PATCH /api/v1/agreements/{id}': manages,
  'DELETE /api/v1/agreements/{id}': manages,
  'POST /api/v1/agreements/{id}/amendments': manages,
  'POST /api/v1/agreements/{id}/clauses': manages,
  'POST /api/v1/agreements/{id}/clauses/reorder': manages,
  'PATCH /api/v1/clauses/{id}': manages,
  'DELETE /api/v1/clauses/{id}': manages,
  'POST /api/v1/clauses/{id}/move': manages,
  'POST /api/v1/cooperations/{id}/projects': manages,
  'PATCH /api/v1/projects/{id}': manages,
  'DELETE /api/v1/projects/{id}': manages,
  'POST /api/v1/projects/{id}/stage-changes': manages,
  'POST /api/v1/projects/{id}/transactions': manages,
  'PATCH /api/v1/project-transactions/{id}': manages,
  'DELETE /api/v1/project-transactions/{id}': manages,
  'PUT /api/v1/cooperations/{id}/project-stages': manages,
  'POST /api/v1/cooperations/{id}/signing-events': manages,
  'PATCH /api/v1/signing-events/{id}': manages,
  'DELETE /api/v1/signing-events/{id}': manages,
  'POST /api/v1/cooperations/{id}/cross-side-transactions': manages,
  'PATCH /api/v1/cross-side-transactions/{id}': manages,
  'DELETE /api/v1/cross-side-transactions/{id}': manages,
  'POST /api/v1/cooperations/{id}/indicators': manages,
  'PATCH /api/v1/indicators/{id}': managesIndicator,
  'DELETE /api/v1/indicators/{id}': managesIndicator,
  'POST /api/v1/indicators/{id}/targets': managesIndicator,
  'POST /api/v1/indicators/{id}/actuals': managesIndicator,
  'PATCH /api/v1/indicator-targets/{id}': managesIndicator,
  'DELETE /api/v1/indicator-targets/{id}': managesIndicator,
  'PATCH /api/v1/indicator-actuals/{id}': managesIndicator,
  'DELETE /api/v1/indicator-actuals/{id}': managesIndicator,
  'POST /api/v1/cooperations/{id}/periods': manages,
  'POST /api/v1/cooperations/{id}/periods/generate': manages,
  'PATCH /api/v1/periods/{id}': manages,
  'POST /api/v1/periods/{id}/close': manages,
  'POST /api/v1/periods/{id}/reopen': manages,
  // The order of the parties is the cooperation's, not one side's: each of its offices may set it.
  'PUT /api/v1/cooperations/{id}/party-order': manages,
  'GET /api/v1/cooperations/{id}/memberships': (c) => !!c.coop && isMember(c.actor, c.coop),
  'POST /api/v1/cooperations/{id}/api-tokens': (c) => !!c.coop && (c.actor.isAdmin || hasRole(c.actor, c.coop, ['coordinator'])),
  'GET /api/v1/cooperations/{id}/api-tokens': (c) => !!c.coop && isMember(c.actor, c.coop),
  'DELETE /api/v1/cooperations/{id}/api-tokens/{tokenId}': (c) => !!c.primary && sees(c.actor, c.primary),
  'POST /api/v1/notifications/{id}/read': (c) => !!c.primary && sees(c.actor, c.primary),
  // Marks only the caller's own notifications, for a task they can see.
  'POST /api/v1/tasks/{id}/notifications/read': (c) => !!c.primary && sees(c.actor, c.primary),
  'GET /api/v1/cooperations/{id}/audit': (c) => c.actor.isAdmin || (!!c.coop && hasRole(c.actor, c.coop, ['coordinator', 'leader'])),
  'GET /api/v1/audit': (c) => c.actor.isAdmin,
  'POST /api/v1/cooperations/{id}/tasks': manages,
  'POST /api/v1/agreements/{id}/tasks/bulk': manages,
  'PATCH /api/v1/tasks/{id}': worksOnTask,
  'DELETE /api/v1/tasks/{id}': managesTask,
  'POST /api/v1/tasks/{id}/close-request': managesTask,
  'POST /api/v1/tasks/{id}/close-approvals': decidesForASide,
  'POST /api/v1/tasks/{id}/milestones': worksOnTask,
  'PATCH /api/v1/milestones/{id}': worksOnTask,
  'POST /api/v1/milestones/{id}/move': worksOnTask,
  'DELETE /api/v1/milestones/{id}': worksOnTask,
  // An office issues 督办 in its own side's name (an administrator speaks for no side), by default to its side's lead unit.
  'POST /api/v1/tasks/{id}/supervision-notices': (c) => !c.actor.isAdmin && managesTask(c),
  // 签收: a unit user of a unit the notice is addressed to, on that unit's side; never an office (the issuing one included) or an administrator.
  'POST /api/v1/supervision-notices/{id}/acknowledge': (c) => {
    const notice = c.primary?.notice;
    return !!notice && c.actor.org === notice.org && c.actor.memberships.some((m) => m.party === notice.party && m.role === 'unit');
  },
  'POST /api/v1/tasks/{id}/reports': (c) => (c.actor.isAdmin || !c.coop || !hasRole(c.actor, c.coop, ['coordinator', 'unit']) ? 'deny' : 'either'),
  'PATCH /api/v1/reports/{id}': writesReport,
  'POST /api/v1/reports/{id}/submit': writesReport,
  'POST /api/v1/reports/{id}/revisions': writesReport,
  'POST /api/v1/reports/{id}/attachments': writesReport,
  'POST /api/v1/reports/{id}/review': decidesForASide,
  'POST /api/v1/tasks/{id}/comments': comments,
  'POST /api/v1/reports/{id}/comments': comments,
};

/** Routes anyone may call without logging in. */
const ANONYMOUS_ROUTES = new Set(['GET /api/v1/health', 'GET /api/v1/portal/overview', 'GET /api/v1/regions', 'GET /api/v1/regions/{code}', 'GET /portal', 'GET /portal/cooperations/{id}']);

function expectation(op: Operation, c: CheckContext): { verdict: Verdict; visible: boolean } {
  const visible = c.actor.key === 'anonymous' && ANONYMOUS_ROUTES.has(op.key) ? true : readable(c);
  const rule = RULES[op.key];
  if (rule) {
    const outcome = rule(c);
    const verdict: Verdict = outcome === true ? 'allow' : outcome === false ? 'deny' : outcome;
    return { verdict, visible: ANONYMOUS_ROUTES.has(op.key) ? verdict !== 'deny' : visible };
  }
  if (op.method === 'GET') return { verdict: visible ? 'allow' : 'deny', visible };
  if (!visible || c.actor.key === 'anonymous') return { verdict: 'deny', visible };
  if (c.actor.isAdmin || !c.coop) return { verdict: 'either', visible };
  // Leaders and observers read; people outside the cooperation read what is public.
  return { verdict: hasRole(c.actor, c.coop, ['coordinator', 'unit']) ? 'either' : 'deny', visible };
}

// ------------------------------------------------------------- the results

type Outcome = 'allowed' | 'denied' | 'inconclusive';

/** Marks a refusal of something the caller cannot see that did not say 404; it may still reveal nothing (see the probe). */
const UNSEEN = 'cannot see the resource, yet ';

interface Check {
  op: Operation;
  actor: ActorModel;
  scenario: Scenario;
  url: string;
  status: number;
  code: string | undefined;
  outcome: Outcome;
  problem: string | null;
}

function judge(op: Operation, c: CheckContext, expected: { verdict: Verdict; visible: boolean }, res: LightMyRequestResponse, pathValues: string[]): Pick<Check, 'outcome' | 'problem'> {
  const status = res.statusCode;
  let code: string | undefined;
  let message = '';
  try {
    const body = res.json<{ error?: { code?: string; message?: string } }>();
    code = body.error?.code;
    message = body.error?.message ?? '';
  } catch {
    // Not JSON (HTML pages, files): no error code to read.
  }
  const ok = status >= 200 && status < 300;
  if (status >= 500) return { outcome: 'denied', problem: `server error ${status}` };
  if (code === 'request.invalid') return { outcome: 'inconclusive', problem: null };
  const anonymous = c.actor.key === 'anonymous' && !ANONYMOUS_ROUTES.has(op.key);
  if (anonymous) return status === 401 ? { outcome: 'denied', problem: null } : { outcome: ok ? 'allowed' : 'denied', problem: `anonymous got ${status}, expected 401` };
  if (status === 401) return { outcome: 'denied', problem: 'logged in, yet 401' };
  if (!expected.visible) {
    if (status === 404) return { outcome: 'denied', problem: null };
    return { outcome: ok ? 'allowed' : 'denied', problem: `${UNSEEN}${status} ${code ?? ''} (expected 404)` };
  }
  if (expected.verdict === 'allow') {
    if (ok || status === 400 || status === 409 || status === 413 || status === 415 || status === 422) return { outcome: 'allowed', problem: null };
    // A 404 about something named in the body is the body's fault; one naming the path's resource is a refusal.
    if (status === 404 && !pathValues.some((v) => message.includes(v))) return { outcome: 'allowed', problem: null };
    return { outcome: 'denied', problem: `expected to be allowed, got ${status} ${code ?? ''}` };
  }
  if (expected.verdict === 'deny') {
    if (ok) return { outcome: 'allowed', problem: `expected to be refused, got ${status}` };
    return { outcome: 'denied', problem: null };
  }
  return { outcome: ok || status === 400 || status === 409 ? 'allowed' : 'denied', problem: null };
}

// -------------------------------------------------------------- the test

describe.each(databaseFlavours())('authorization matrix on %s', (flavour) => {
  let t: TestApp;
  const coops = new Map<CoopKey, string>();
  const parties = new Map<PartyKey, string>();
  const orgs = new Map<OrgKey, string>();
  const users = new Map<string, string>();
  const sessions = new Map<ActorKey, string>();
  const periods = new Map<CoopKey, string>();
  const registry = new Map<Kind, Map<Scenario, Fixture>>();
  /** Every fixture ever made, also those replaced after a write consumed them: none may leak. */
  const allFixtures: Fixture[] = [];
  let sequence = 0;

  const db = () => t.services.database.db;
  const need = <K, V>(map: Map<K, V>, key: K): V => {
    const value = map.get(key);
    if (value === undefined) throw new Error(`fixture ${String(key)} missing`);
    return value;
  };
  const marker = (kind: Kind, scenario: Scenario) => `MXK${++sequence}-${kind}-${scenario}`;
  const shapeOf = (scenario: Scenario) => {
    if (scenario === 'global') throw new Error('global scenario has no shape');
    return SCENARIO_SHAPE[scenario];
  };
  const base = (kind: Kind, scenario: Scenario, id: string, extra: Partial<Fixture> = {}): Fixture => {
    const shape = shapeOf(scenario);
    return { kind, scenario, id, coop: shape.coop, party: shape.party, visibility: shape.visibility, owner: shape.visibility === 'side' ? shape.party : null, marker: '', ...extra };
  };
  const fixture = (kind: Kind, scenario: Scenario) => registry.get(kind)?.get(scenario);
  const put = (f: Fixture) => {
    if (!registry.has(f.kind)) registry.set(f.kind, new Map());
    registry.get(f.kind)?.set(f.scenario, f);
    allFixtures.push(f);
    return f;
  };
  /** The unit (organization) that leads a side's part of fixture tasks. */
  const leadUnitOf = (party: PartyKey): OrgKey => (({ A: 'A1', B: 'B1', X1: 'X1', X2: 'X2', P1: 'P1', P2: 'P2' }) as const)[party];
  const otherPartyOf = (party: PartyKey): PartyKey => (({ A: 'B', B: 'A', X1: 'X2', X2: 'X1', P1: 'P2', P2: 'P1' }) as const)[party];
  /** The one user of each side's lead unit that writes the fixture reports. */
  const writerOf = (party: PartyKey) => `mx.writer.${party.toLowerCase()}`;

  /** A report of the scenario's side; `keepOpen` leaves it a draft so evidence can be attached before it is submitted. */
  async function makeReport(scenario: Scenario, keepOpen: boolean): Promise<Fixture> {
    const draft = scenario === 'draft';
    const taskScenario = draft ? 'shared' : scenario;
    const task = fixture('task', taskScenario) ?? (await factories.task?.(taskScenario));
    if (!task?.coop) throw new Error('no task for report');
    const party = shapeOf(scenario).party;
    const org = leadUnitOf(party);
    const m = marker('report', scenario);
    const [row] = await db()
      .insert(progressReports)
      .values({
        cooperationId: need(coops, task.coop),
        taskId: task.id,
        periodId: need(periods, task.coop),
        partyId: need(parties, party),
        organizationId: need(orgs, org),
        authorId: need(users, writerOf(party)),
        // Unique per task, period, unit and revision: a fresh fixture takes the next revision.
        revision: ++sequence,
        // Evidence goes onto open reports only; the others are seen as submitted.
        status: draft || keepOpen ? 'draft' : 'submitted',
        narrative: m,
        percent: 10,
      })
      .returning({ id: progressReports.id });
    if (!row) throw new Error('report insert returned nothing');
    return put(base('report', scenario, row.id, { marker: m, parent: task, visibility: task.visibility, owner: task.owner, report: { party, org, draft } }));
  }

  const factories: Partial<Record<Kind, (scenario: Scenario) => Promise<Fixture>>> = {
    async period(scenario) {
      const shape = shapeOf(scenario);
      const m = marker('period', scenario);
      // A day of its own per fixture, far from the reports' period: closing one never touches what reports use.
      const day = new Date(Date.UTC(2031, 0, 1 + sequence)).toISOString().slice(0, 10);
      const [row] = await db()
        .insert(reportingPeriods)
        .values({ cooperationId: need(coops, shape.coop), label: m, kind: 'custom', startsOn: day, endsOn: day, dueOn: day })
        .returning({ id: reportingPeriods.id });
      if (!row) throw new Error('period insert returned nothing');
      return put(base('period', scenario, row.id, { marker: m, visibility: COOP_VISIBILITY[shape.coop] }));
    },
    async membership(scenario) {
      const shape = shapeOf(scenario);
      const username = `mx.member.${++sequence}`;
      await t.services.user.create(SYSTEM_ACTOR, { username, displayName: username, password: 'liandong-matrix-1', isAdmin: false, organizationId: null, email: null });
      const created = await t.services.cooperation.addMembership(SYSTEM_ACTOR, need(coops, shape.coop), { username, partyId: need(parties, shape.party), role: 'unit' });
      return put(base('membership', scenario, created.id, { visibility: 'parties', owner: null }));
    },
    async agreement(scenario) {
      const shape = shapeOf(scenario);
      const m = marker('agreement', scenario);
      const created = await t.services.agreement.create(SYSTEM_ACTOR, need(coops, shape.coop), {
        kind: 'other',
        title: m,
        visibility: shape.visibility,
        ownerPartyId: need(parties, shape.party),
        signatories: [],
        text: `${m} text`,
      });
      return put(base('agreement', scenario, created.id, { marker: m }));
    },
    async clause(scenario) {
      const agreement = fixture('agreement', scenario) ?? (await factories.agreement?.(scenario));
      if (!agreement) throw new Error('no agreement factory');
      const m = marker('clause', scenario);
      const created = await t.services.clause.create(SYSTEM_ACTOR, agreement.id, { level: 'area', title: m });
      return put(base('clause', scenario, created.id, { marker: m, parent: agreement }));
    },
    async task(scenario) {
      const shape = shapeOf(scenario);
      const m = marker('task', scenario);
      const joint = shape.visibility !== 'side';
      const sides = joint ? [shape.party, otherPartyOf(shape.party)] : [shape.party];
      const coopId = need(coops, shape.coop);
      const [row] = await db()
        .insert(tasks)
        .values({
          cooperationId: coopId,
          title: m,
          joint,
          ownerPartyId: joint ? null : need(parties, shape.party),
          sides: sides.map((party) => need(parties, party)),
          visibility: shape.visibility,
          dueOn: '2027-12-31',
        })
        .returning({ id: tasks.id });
      if (!row) throw new Error('task insert returned nothing');
      const units = sides.map(leadUnitOf);
      await db()
        .insert(taskUnits)
        .values(units.map((org) => ({ cooperationId: coopId, taskId: row.id, partyId: need(parties, ORG_PARTY[org]), organizationId: need(orgs, org), role: 'lead' as const })));
      return put(base('task', scenario, row.id, { marker: m, task: { joint, owner: joint ? null : shape.party, units } }));
    },
    async milestone(scenario) {
      const task = fixture('task', scenario === 'draft' ? 'shared' : scenario) ?? (await factories.task?.(scenario));
      if (!task?.coop) throw new Error('no task for milestone');
      const m = marker('milestone', scenario);
      const [row] = await db().insert(milestones).values({ cooperationId: need(coops, task.coop), taskId: task.id, title: m }).returning({ id: milestones.id });
      if (!row) throw new Error('milestone insert returned nothing');
      return put(base('milestone', scenario, row.id, { marker: m, parent: task }));
    },
    async supervisionNotice(scenario) {
      const task = fixture('task', scenario) ?? (await factories.task?.(scenario));
      if (!task?.coop) throw new Error('no task for notice');
      const m = marker('supervisionNotice', scenario);
      const party = shapeOf(scenario).party;
      const org = leadUnitOf(party);
      const cooperationId = need(coops, task.coop);
      const [row] = await db()
        .insert(supervisionNotices)
        .values({ cooperationId, taskId: task.id, number: m, issuedYear: 2027, sequence: ++sequence, deadline: '2027-06-30', body: m, issuedPartyId: need(parties, party) })
        .returning({ id: supervisionNotices.id });
      if (!row) throw new Error('notice insert returned nothing');
      await db().insert(supervisionNoticeRecipients).values({ noticeId: row.id, cooperationId, partyId: need(parties, party), organizationId: need(orgs, org) });
      return put(base('supervisionNotice', scenario, row.id, { marker: m, parent: task, notice: { party, org } }));
    },
    async indicator(scenario) {
      const shape = shapeOf(scenario);
      const m = marker('indicator', scenario);
      const [row] = await db()
        .insert(indicators)
        .values({ cooperationId: need(coops, shape.coop), name: m, unit: '个', visibility: shape.visibility, ownerPartyId: need(parties, shape.party) })
        .returning({ id: indicators.id });
      if (!row) throw new Error('indicator insert returned nothing');
      return put(base('indicator', scenario, row.id, { marker: m }));
    },
    async indicatorTarget(scenario) {
      const indicator = fixture('indicator', scenario) ?? (await factories.indicator?.(scenario));
      if (!indicator?.coop) throw new Error('no indicator for target');
      const m = marker('indicatorTarget', scenario);
      const [row] = await db()
        .insert(indicatorTargets)
        .values({ cooperationId: need(coops, indicator.coop), indicatorId: indicator.id, year: 2030 + ++sequence, value: '10', sourceText: m })
        .returning({ id: indicatorTargets.id });
      if (!row) throw new Error('target insert returned nothing');
      return put(base('indicatorTarget', scenario, row.id, { marker: m, parent: indicator }));
    },
    async indicatorActual(scenario) {
      // An indicator of its own: each has one actual per period.
      const indicator = await factories.indicator?.(scenario);
      if (!indicator?.coop) throw new Error('no indicator for actual');
      const m = marker('indicatorActual', scenario);
      const [row] = await db()
        .insert(indicatorActuals)
        .values({ cooperationId: need(coops, indicator.coop), indicatorId: indicator.id, periodId: need(periods, indicator.coop), value: '3', source: 'office', sourceNote: m })
        .returning({ id: indicatorActuals.id });
      if (!row) throw new Error('actual insert returned nothing');
      return put(base('indicatorActual', scenario, row.id, { marker: m, parent: indicator }));
    },
    report: (scenario) => makeReport(scenario, false),
    async attachment(scenario) {
      const report = await makeReport(scenario, true);
      const writer = { ...SYSTEM_ACTOR, userId: need(users, writerOf(shapeOf(scenario).party)) };
      const m = marker('attachment', scenario);
      const uploaded = await t.services.attachment.uploadToReport(writer, report.id, { fileName: `${m}.png`, stream: Readable.from([TINY_PNG]), truncated: () => false });
      if (scenario !== 'draft') await db().update(progressReports).set({ status: 'submitted', submittedAt: new Date() }).where(eq(progressReports.id, report.id));
      return put(base('attachment', scenario, uploaded.id, { marker: m, parent: report }));
    },
    async apiToken(scenario) {
      const owner: ActorKey = ({ ownSide: 'coordA', otherSide: 'coordB', otherCoop: 'outsider', public: 'admin' } as Record<string, ActorKey>)[scenario] ?? 'admin';
      const shape = shapeOf(scenario);
      const m = marker('apiToken', scenario);
      const actor = need(new Map(ACTORS.map((a) => [a.key, a])), owner);
      const [row] = await db()
        .insert(apiTokens)
        .values({ userId: need(users, actor.username), cooperationId: need(coops, shape.coop), name: m, scope: 'read', tokenHash: createHash('sha256').update(randomBytes(16)).digest('hex') })
        .returning({ id: apiTokens.id });
      if (!row) throw new Error('token insert returned nothing');
      return put(base('apiToken', scenario, row.id, { marker: m, ownerActor: owner, visibility: 'parties' }));
    },
    async project(scenario) {
      const shape = shapeOf(scenario);
      const m = marker('project', scenario);
      const created = await t.services.project.create(SYSTEM_ACTOR, need(coops, shape.coop), { name: m, investor: m, kind: 'investment', currency: 'CNY', visibility: shape.visibility, ownerPartyId: need(parties, shape.party) });
      return put(base('project', scenario, created.id, { marker: m }));
    },
    async projectTransaction(scenario) {
      const project = fixture('project', scenario) ?? (await factories.project?.(scenario));
      if (!project) throw new Error('no project for money');
      const m = marker('projectTransaction', scenario);
      const detail = await t.services.project.addTransaction(SYSTEM_ACTOR, project.id, { kind: 'in_place', on: '2024-01-01', amount: '-100', reason: m });
      const entry = detail.transactions.find((x) => x.reason === m);
      if (!entry) throw new Error('money entry missing');
      return put(base('projectTransaction', scenario, entry.id, { marker: m, parent: project }));
    },
    async signingEvent(scenario) {
      const shape = shapeOf(scenario);
      const m = marker('signingEvent', scenario);
      const created = await t.services.signingEvent.create(SYSTEM_ACTOR, need(coops, shape.coop), { name: m, heldOn: '2024-01-01', place: m, visibility: shape.visibility, ownerPartyId: need(parties, shape.party) });
      return put(base('signingEvent', scenario, created.id, { marker: m }));
    },
    async crossSideTransaction(scenario) {
      const shape = shapeOf(scenario);
      const m = marker('crossSideTransaction', scenario);
      const created = await t.services.crossSideTransaction.create(SYSTEM_ACTOR, need(coops, shape.coop), { kind: 'other', on: '2024-01-01', amount: '100', currency: 'CNY', note: m, visibility: shape.visibility, ownerPartyId: need(parties, shape.party) });
      return put(base('crossSideTransaction', scenario, created.id, { marker: m }));
    },
    async user() {
      const username = `mx.account.${++sequence}`;
      const created = await t.services.user.create(SYSTEM_ACTOR, { username, displayName: username, password: 'liandong-matrix-1', isAdmin: false, organizationId: null, email: null });
      return put({ kind: 'user', scenario: 'global', id: created.id, coop: null, party: null, visibility: 'public', owner: null, marker: '' });
    },
    async notification(scenario) {
      const owner: ActorKey = ({ ownSide: 'coordA', otherSide: 'coordB', otherCoop: 'outsider', public: 'unitA' } as Record<string, ActorKey>)[scenario] ?? 'admin';
      const actor = need(new Map(ACTORS.map((a) => [a.key, a])), owner);
      const m = marker('notification', scenario);
      const [row] = await db()
        .insert(notifications)
        .values({ userId: need(users, actor.username), cooperationId: null, kind: 'matrix', title: m, body: m })
        .returning({ id: notifications.id });
      if (!row) throw new Error('notification insert returned nothing');
      return put({ ...base('notification', scenario, row.id, { marker: m, ownerActor: owner }), coop: null });
    },
  };

  async function buildWorld() {
    const orgNames: Record<OrgKey, string> = { A0: '矩阵甲方协调办', A1: '矩阵甲方牵头单位', B0: '矩阵乙方协调办', B1: '矩阵乙方牵头单位', X1: '矩阵他方一', X2: '矩阵他方二', P1: '矩阵公开甲', P2: '矩阵公开乙' };
    for (const [key, name] of Object.entries(orgNames) as [OrgKey, string][]) {
      const created = await t.services.organization.create(SYSTEM_ACTOR, { name, kind: 'department', regionCode: PARTY_REGION[ORG_PARTY[key]], parentId: null });
      orgs.set(key, created.id);
    }
    const coopDefs: [CoopKey, string, [PartyKey, PartyKey]][] = [
      ['A', 'MXK-cooperation-A 甲乙合作', ['A', 'B']],
      ['X', 'MXK-cooperation-X 他方合作', ['X1', 'X2']],
      ['P', 'MXK-cooperation-P 公开合作', ['P1', 'P2']],
    ];
    for (const [key, name, sides] of coopDefs) {
      const created = await t.services.cooperation.create(SYSTEM_ACTOR, {
        name,
        summary: name,
        principles: [],
        status: 'active',
        visibility: COOP_VISIBILITY[key],
        parties: sides.map((s) => ({ regionCode: PARTY_REGION[s] })),
      });
      coops.set(key, created.id);
      for (const side of sides) {
        const party = created.parties.find((p) => p.regionCode === PARTY_REGION[side]);
        if (!party) throw new Error(`party ${side} missing`);
        parties.set(side, party.id);
      }
      const [period] = await db()
        .insert(reportingPeriods)
        .values({ cooperationId: created.id, label: '2026Q1', kind: 'quarterly', startsOn: '2026-01-01', endsOn: '2026-03-31', dueOn: '2026-04-10' })
        .returning({ id: reportingPeriods.id });
      if (period) periods.set(key, period.id);
    }
    const people = [
      ...ACTORS.filter((a) => a.key !== 'anonymous').map((a) => ({ username: a.username, isAdmin: a.isAdmin, org: a.org, memberships: a.memberships })),
      ...(['A', 'B', 'X1', 'P1'] as PartyKey[]).map((p) => ({ username: writerOf(p), isAdmin: false, org: leadUnitOf(p), memberships: [{ party: p, role: 'unit' as const }] })),
      { username: 'mx.newcomer', isAdmin: false, org: null, memberships: [] },
    ];
    for (const person of people) {
      const created = await t.services.user.create(SYSTEM_ACTOR, {
        username: person.username,
        displayName: person.username,
        password: 'liandong-matrix-1',
        isAdmin: person.isAdmin,
        organizationId: person.org ? need(orgs, person.org) : null,
        email: null,
      });
      users.set(person.username, created.id);
      for (const m of person.memberships) {
        await t.services.cooperation.addMembership(SYSTEM_ACTOR, need(coops, PARTY_COOP[m.party]), { username: person.username, partyId: need(parties, m.party), role: m.role });
      }
    }
    for (const actor of ACTORS) {
      if (actor.key !== 'anonymous') sessions.set(actor.key, (await t.services.auth.login(actor.username, 'liandong-matrix-1', '127.0.0.1')).token);
    }
    for (const scenario of SIDE_SCENARIOS) {
      const shape = shapeOf(scenario);
      put(base('cooperation', scenario, need(coops, shape.coop), { visibility: COOP_VISIBILITY[shape.coop], owner: null, marker: `MXK-cooperation-${shape.coop}` }));
      put(base('party', scenario, need(parties, shape.party), { visibility: COOP_VISIBILITY[shape.coop], owner: null }));
    }
    put({ kind: 'organization', scenario: 'global', id: need(orgs, 'A1'), coop: null, party: null, visibility: 'public', owner: null, marker: '' });
    put({ kind: 'region', scenario: 'global', id: '370200', coop: null, party: null, visibility: 'public', owner: null, marker: '' });
    for (const [kind, scenarios] of Object.entries(KIND_SCENARIOS) as [Kind, Scenario[]][]) {
      const make = factories[kind];
      if (!make) continue;
      for (const scenario of scenarios) if (!fixture(kind, scenario)) await make(scenario);
    }
  }

  /** The kind a path parameter names, by its name or by the collection it follows. */
  function kindOf(op: Operation, param: string): Kind | null {
    if (param.endsWith('Id')) {
      const name = param.slice(0, -2);
      const byName = (Object.keys(KIND_SCENARIOS) as Kind[]).find((k) => k === name || (name === 'token' && k === 'apiToken'));
      if (byName) return byName;
    }
    if (param === 'code') return 'region';
    const collection = collectionBefore(op.path, param);
    return collection ? (COLLECTION_KINDS[collection] ?? null) : null;
  }

  interface Plan {
    scenarios: Scenario[];
    /** Param name → kind; literal params are filled as they are. */
    kinds: Record<string, Kind>;
    primary: Kind | null;
    unresolved: string[];
  }

  function plan(op: Operation): Plan {
    const kinds: Record<string, Kind> = {};
    const unresolved: string[] = [];
    for (const { name } of op.pathParams) {
      if (LITERAL_PARAMS[name]) continue;
      const kind = kindOf(op, name);
      if (kind && registry.has(kind)) kinds[name] = kind;
      else unresolved.push(name);
    }
    const names = Object.keys(kinds);
    const primaryName = names[names.length - 1];
    const primary = primaryName ? (kinds[primaryName] ?? null) : null;
    const scenarios = primary ? KIND_SCENARIOS[primary].filter((s) => names.every((n) => { const k = kinds[n]; return !k || KIND_SCENARIOS[k].includes(s) || KIND_SCENARIOS[k].includes('global'); })) : ['global' as const];
    return { scenarios, kinds, primary, unresolved };
  }

  const resolveParam = (kind: Kind, scenario: Scenario) => fixture(kind, scenario) ?? fixture(kind, 'global') ?? (scenario === 'draft' ? fixture(kind, 'shared') : undefined);

  /** Body fields that name things: taken from the scenario's fixtures so the request is about the same resources. */
  const fieldResolver =
    (scenario: Scenario): FieldResolver =>
    (name: string, schema: JsonSchema) => {
      const shape = scenario === 'global' ? SCENARIO_SHAPE.shared : SCENARIO_SHAPE[scenario];
      switch (name) {
        case 'version':
          return 99_999;
        case 'partyId':
          return need(parties, shape.party);
        case 'organizationId':
          return need(orgs, leadUnitOf(shape.party));
        case 'periodId':
          return need(periods, shape.coop);
        case 'username':
          return 'mx.newcomer';
        case 'regionCode':
          return PARTY_REGION[shape.party];
        case 'clauseId':
          return fixture('clause', scenario)?.id;
        case 'agreementId':
          return fixture('agreement', scenario)?.id;
        case 'taskId':
          return fixture('task', scenario)?.id;
        case 'parentId':
          return schema.nullable || schema.type === 'null' ? null : undefined;
        default:
          return undefined;
      }
    };

  const checks: Check[] = [];
  const uncovered: { key: string; reason: string }[] = [];
  const leaks: string[] = [];

  /**
   * A fixture a write went through may have changed in any way: it and what
   * hangs off it leave the leak scan, and fresh ones take their place.
   */
  async function replace(f: Fixture) {
    const descends = (x: Fixture): boolean => x === f || (!!x.parent && descends(x.parent));
    for (let i = allFixtures.length - 1; i >= 0; i--) {
      const x = allFixtures[i];
      if (x && descends(x)) allFixtures.splice(i, 1);
    }
    for (const [kind, byScenario] of registry) {
      for (const [scenario, x] of byScenario) {
        const make = factories[kind];
        if (make && descends(x)) await make(scenario);
      }
    }
  }

  /** Ids and markers of every fixture the actor must not see, found in a successful answer, are leaks. */
  function scanForLeaks(check: Check, body: string) {
    for (const f of allFixtures) {
      if (sees(check.actor, f)) continue;
      const foundId = f.kind !== 'region' && body.includes(f.id);
      const foundMarker = f.marker && body.includes(f.marker);
      if (foundId || foundMarker) leaks.push(`${check.op.key} as ${check.actor.label} (${check.scenario}): shows ${f.kind} ${f.scenario} ${foundId ? f.id : f.marker}`);
    }
  }

  beforeAll(async () => {
    t = await startTestApp(flavour, { demo: false });
    await buildWorld();
  });
  afterAll(() => t?.close());

  it('gives every role exactly the access its side and role allow, on every route, and leaks nothing', async () => {
    const doc = (await t.call('GET', '/api/docs/json')).json<OpenApiDocument>();
    const operations = listOperations(doc);
    for (const op of operations) {
      if (EXEMPT[op.key]) continue;
      const p = plan(op);
      if (p.unresolved.length) {
        uncovered.push({ key: op.key, reason: `no fixture for path parameter(s) ${p.unresolved.join(', ')}` });
        continue;
      }
      for (const scenario of p.scenarios) {
        // Each actor gets the resources as they were: a write that went through replaces what it consumed.
        for (const actor of ACTORS) {
          const params: Record<string, string> = {};
          const pathFixtures: Fixture[] = [];
          for (const { name } of op.pathParams) {
            const literal = LITERAL_PARAMS[name];
            const kind = p.kinds[name];
            const f = kind ? resolveParam(kind, scenario) : undefined;
            if (f) pathFixtures.push(f);
            params[name] = literal ?? f?.id ?? randomUUID();
          }
          const primary = pathFixtures[pathFixtures.length - 1] ?? null;
          const shape = scenario === 'global' ? null : SCENARIO_SHAPE[scenario];
          const context: CheckContext = { actor, scenario, primary, coop: primary?.coop ?? shape?.coop ?? null, party: primary?.party ?? shape?.party ?? null };
          const expected = expectation(op, context);
          const query: Record<string, string | number> = {};
          for (const q of op.queryParams) if (q.required) query[q.name] = q.name === 'version' ? 99_999 : (minimalValue(q.schema, q.name, fieldResolver(scenario)) as string | number);
          const url = buildUrl(op.path, params, query);
          const headers: Record<string, string> = {};
          const session = sessions.get(actor.key);
          if (session) headers.authorization = `Bearer ${session}`;
          let payload: string | Buffer | undefined;
          if (op.multipart) {
            const file = multipartFile('matrix.png', 'image/png', TINY_PNG);
            payload = file.payload;
            Object.assign(headers, file.headers);
          } else if (op.bodySchema) {
            const generated = minimalValue(op.bodySchema, 'body', fieldResolver(scenario)) as Record<string, unknown>;
            const extras = BODY_EXTRAS[op.key]?.(need(coops, shape?.coop ?? 'A')) ?? {};
            payload = JSON.stringify({ ...generated, ...extras });
            headers['content-type'] = 'application/json';
          }
          const send = (target: string) => t.app.inject({ method: op.method, url: target, headers, ...(payload === undefined ? {} : { payload }) });
          const res = await send(url);
          const verdict = judge(op, context, expected, res, Object.values(params));
          if (verdict.problem?.startsWith(UNSEEN) && res.statusCode >= 300 && primary) {
            // Refused before the row was looked up, the answer is the same for a row that does not exist: nothing is revealed.
            const probe = await send(url.replaceAll(primary.id, randomUUID()));
            const codeOf = (r: LightMyRequestResponse) => r.body.match(/"code":"([^"]+)"/)?.[1];
            if (probe.statusCode === res.statusCode && codeOf(probe) === codeOf(res)) verdict.problem = null;
          }
          let code: string | undefined;
          try {
            code = res.json<{ error?: { code?: string } }>().error?.code;
          } catch {
            code = undefined;
          }
          const check: Check = { op, actor, scenario, url, status: res.statusCode, code, ...verdict };
          checks.push(check);
          if (res.statusCode >= 200 && res.statusCode < 300) scanForLeaks(check, res.body);
          if (op.method !== 'GET' && res.statusCode >= 200 && res.statusCode < 300 && primary) {
            if (factories[primary.kind]) await replace(primary);
          }
        }
      }
    }

    // ---- print what was checked: routes × roles, and the totals
    const byRoute = new Map<string, Check[]>();
    for (const c of checks) byRoute.set(c.op.key, [...(byRoute.get(c.op.key) ?? []), c]);
    const cell = (cs: Check[]) => {
      const a = cs.filter((c) => c.outcome === 'allowed').length;
      const d = cs.filter((c) => c.outcome === 'denied').length;
      const i = cs.filter((c) => c.outcome === 'inconclusive').length;
      return `${a}✓${d}✗${i ? `${i}?` : ''}`.padEnd(11);
    };
    const width = Math.max(...[...byRoute.keys()].map((k) => k.length));
    const lines = [
      `roles: ${ACTORS.map((a) => `${a.column} = ${a.label}`).join('; ')} (A and B: the two sides of the cooperation)`,
      `resources: ${Object.values(SCENARIO_SHAPE).map((s) => s.label).join(', ')}; global routes have one`,
      `${'route'.padEnd(width)}  ${ACTORS.map((a) => a.column.padEnd(11)).join('')}`,
    ];
    for (const [key, cs] of byRoute) lines.push(`${key.padEnd(width)}  ${ACTORS.map((a) => cell(cs.filter((c) => c.actor.key === a.key))).join('')}`);
    const problems = checks.filter((c) => c.problem);
    const inconclusive = checks.filter((c) => c.outcome === 'inconclusive');
    console.log(
      [
        `authorization matrix on ${flavour} (✓ allowed, ✗ refused, ? body refused by the schema before any access check):`,
        ...lines,
        `matrix: ${checks.length} checks, ${byRoute.size} routes × ${ACTORS.length} roles × up to ${Math.max(...Object.values(KIND_SCENARIOS).map((s) => s.length))} resources; ${checks.filter((c) => c.outcome === 'allowed').length} allowed, ${checks.filter((c) => c.outcome === 'denied').length} refused, ${inconclusive.length} inconclusive, ${problems.length} wrong, ${leaks.length} leaks`,
        `matrix: ${Object.keys(EXEMPT).length} routes exempt (${Object.keys(EXEMPT).join('; ')})`,
        uncovered.length ? `!!! matrix: ${uncovered.length} routes NOT COVERED: ${uncovered.map((u) => `${u.key} (${u.reason})`).join('; ')}` : 'matrix: every other route covered',
      ].join('\n'),
    );
    if (inconclusive.length) console.log(`matrix: inconclusive (generated body refused by the schema): ${[...new Set(inconclusive.map((c) => c.op.key))].join('; ')}`);

    if (leaks.length) console.log(`!!! matrix: leaks:\n${leaks.join('\n')}`);
    expect.soft(uncovered.map((u) => `${u.key}: ${u.reason}`)).toEqual([]);
    expect.soft(problems.map((c) => `${c.op.key} as ${c.actor.label} on ${c.scenario}: ${c.problem} [${c.url}]`)).toEqual([]);
    expect.soft(leaks).toEqual([]);
    // Every covered route was decided for someone: a route where every check was inconclusive proves nothing.
    const undecided = [...byRoute].filter(([, cs]) => cs.every((c) => c.outcome === 'inconclusive')).map(([key]) => key);
    expect(undecided).toEqual([]);
    expect(checks.length).toBeGreaterThan(500);
    // Some three thousand requests, growing with every route: on a loaded machine they outlast the default two minutes.
  }, 300_000);

  /**
   * Side management on a joint task (issue 9, hole 2), which the route matrix
   * cannot see because it sends minimal bodies: each office changes its own
   * side's units only; changing which sides take part (joint to one-sided) is
   * not one side's call. The shared task has lead units A1 (side A) and B1 (side B).
   */
  it("lets each side's office change only its own side's units on a joint task, and no one side change its sides", async () => {
    const lead = (org: OrgKey) => ({ partyId: need(parties, ORG_PARTY[org]), organizationId: need(orgs, org), role: 'lead' });
    const changes: Record<string, { scenario: Scenario; body: Record<string, unknown> }> = {
      "replace A's lead": { scenario: 'shared', body: { units: [lead('A0'), lead('B1')] } },
      "replace B's lead": { scenario: 'shared', body: { units: [lead('A1'), lead('B0')] } },
      "remove B's units": { scenario: 'shared', body: { units: [lead('A1')] } },
      'make it one-sided for A': { scenario: 'shared', body: { joint: false, ownerPartyId: need(parties, 'A'), units: [lead('A1')] } },
      "bring B into A's own task": { scenario: 'ownSide', body: { joint: true, ownerPartyId: null, visibility: 'parties', units: [lead('A1'), lead('B1')] } },
    };
    // Everyone else is refused before side rules apply; their codes are the route matrix's business.
    // Side A's own task is hidden from side B, observers and outsiders (404).
    const refusedStatus = (key: ActorKey, scenario: Scenario) =>
      key === 'anonymous' ? '401' : key === 'outsider' || (scenario === 'ownSide' && key === 'observerA') ? '404' : '403';
    const expected: Partial<Record<ActorKey, string[]>> = {
      admin: ['200', '200', '200', '200', '200'],
      coordA: ['200', '403 task.other_side_units', '403 task.other_side_units', '403 task.sides_need_both', '403 task.sides_need_both'],
      coordB: ['403 task.other_side_units', '200', '200', '403 task.sides_need_both', '404 task.not_found'],
    };
    const rows: string[] = [];
    const wrong: string[] = [];
    for (const actor of ACTORS) {
      const offices = expected[actor.key];
      const want = offices ?? Object.values(changes).map((change) => refusedStatus(actor.key, change.scenario));
      const got: string[] = [];
      for (const { scenario, body } of Object.values(changes)) {
        const task = await factories.task?.(scenario);
        if (!task) throw new Error('no task factory');
        const session = sessions.get(actor.key);
        const res = await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/tasks/${task.id}`,
          headers: { 'content-type': 'application/json', ...(session ? { authorization: `Bearer ${session}` } : {}) },
          payload: JSON.stringify({ version: 1, ...body }),
        });
        const code = res.statusCode < 300 || !offices ? '' : ` ${res.json<{ error: { code: string } }>().error.code}`;
        got.push(`${res.statusCode}${code}`);
      }
      rows.push(`${actor.column.padEnd(12)} ${got.map((g) => g.padEnd(28)).join('')}`);
      if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${actor.label}: got ${got.join(', ')}; want ${want.join(', ')}`);
    }
    console.log([`side management on a joint task (${flavour}):`, `${''.padEnd(12)} ${Object.keys(changes).map((k) => k.padEnd(28)).join('')}`, ...rows].join('\n'));
    expect(wrong).toEqual([]);
  });

  it('keeps the fixture ids it hands out pointing at real rows, so a 404 in the matrix means refusal, not a broken fixture', async () => {
    const rows = await db().select({ id: membershipTable.id }).from(membershipTable).where(eq(membershipTable.id, fixture('membership', 'ownSide')?.id ?? randomUUID()));
    expect(rows).toHaveLength(1);
    for (const kind of ['task', 'report', 'agreement'] as const) {
      const f = fixture(kind, 'shared');
      expect(f).toBeDefined();
      const res = await t.call('GET', `/api/v1/${kind === 'report' ? 'reports' : `${kind}s`}/${f?.id}`, { token: sessions.get('admin') ?? '' });
      expect(res.statusCode).toBe(200);
    }
  });
});
