/** Shapes of the /api/v1 answers the web reads; the server's zod schemas are the source of truth. */

export type Locale = 'zh-CN' | 'en';
export type CooperationStatus = 'draft' | 'active' | 'suspended' | 'closed';
export type Visibility = 'side' | 'parties' | 'public';
export type MembershipRole = 'coordinator' | 'unit' | 'leader' | 'observer';
export type AgreementKind = 'framework' | 'departmental' | 'district' | 'park' | 'enterprise' | 'other';
export type ClauseLevel = 'area' | 'direction' | 'measure';

interface User {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  isAdmin: boolean;
  locale: Locale;
  /** Signed in with a temporary password an administrator gave: the user chooses their own before anything else. */
  mustChangePassword: boolean;
  /** Sent back with a change of one's own profile. */
  version: number;
}

export interface LoginResult {
  token: string;
  user: User;
}

export interface Membership {
  cooperationId: string;
  cooperationName: string;
  partyId: string;
  partyName: string;
  role: MembershipRole;
}

export interface Me {
  user: User & { organizationId: string | null };
  memberships: Membership[];
  organization: { id: string; name: string; regionCode: string } | null;
  /** From the server's policy: registering a cooperation, by hand or by importing a text; the admin area; 我的工作; the national overview. */
  can: { register: boolean; administer: boolean; myWork: boolean; overview: boolean };
  /** From the server's policy: the page the user starts at. */
  landing: { page: 'cooperations' } | { page: 'overview' } | { page: 'my-work' } | { page: 'dashboard'; cooperationId: string };
  limits: { uploadMaxBytes: number };
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CooperationListItem {
  id: string;
  name: string;
  summary: string | null;
  status: CooperationStatus;
  visibility: Visibility;
  version: number;
  parties: { id: string; name: string; regionCode: string }[];
  agreementCount: number;
}

export interface Party {
  id: string;
  name: string;
  regionCode: string;
  regionName: string;
  ordinal: number;
  version: number;
  coordinatingOrganization: { id: string; name: string } | null;
  /** Whether a cooperation office (协调办) is among the side's members. */
  hasOffice: boolean;
  /** `registerUnits`: the caller may register organizations in the party's region; `manageTasks`: create and change the side's tasks and units. */
  can: { edit: boolean; registerUnits: boolean; manageMembers: boolean; appointOffice: boolean; manageTasks: boolean };
}

export interface Cooperation {
  id: string;
  name: string;
  summary: string | null;
  principles: string[];
  status: CooperationStatus;
  visibility: Visibility;
  startedOn: string | null;
  /** How many days ahead "due soon" looks on the dashboard. */
  dueSoonDays: number;
  version: number;
  parties: Party[];
  /** What is still missing before it can be worked in, counted as far as the caller sees; null unless the caller manages it. */
  setup: SetupGap[] | null;
  /**
   * `manage`: the caller may change the settings (its offices and admins); `delete`: delete it (admins); `createTasks`: create tasks and change
   * them in bulk; `issueNotices`: issue 督办 notices; `readAudit`: read the audit trail and the 督办 overview (offices, leaders, admins).
   */
  can: { manage: boolean; delete: boolean; readIndicators: boolean; createTasks: boolean; issueNotices: boolean; readAudit: boolean; importTasks: boolean };
}

type SetupItem = 'office' | 'units' | 'periods' | 'agreement' | 'tasks';

export interface SetupGap {
  item: SetupItem;
  partyId: string | null;
  partyName: string | null;
}

export interface AgreementListItem {
  id: string;
  parentId: string | null;
  kind: AgreementKind;
  title: string;
  signedOn: string | null;
  place: string | null;
  signatories: string[];
  visibility: Visibility;
  ownerPartyId: string | null;
  currentTextVersion: number;
  version: number;
  clauseCount: number;
  /** Editing the agreement and its clauses: offered only where the server says so. */
  can: { edit: boolean };
}

/** A cooperation's agreements, and whether the reader may register more. */
export interface AgreementList extends Items<AgreementListItem> {
  can: { create: boolean };
}

interface TextVersionSummary {
  number: number;
  note: string | null;
  createdAt: string;
}

export interface Agreement extends AgreementListItem {
  cooperationId: string;
  source: string | null;
  text: string;
  textVersions: TextVersionSummary[];
}

export interface TextVersion {
  number: number;
  text: string;
  note: string | null;
  createdAt: string;
}

export interface ClauseNode {
  id: string;
  parentId: string | null;
  level: ClauseLevel;
  label: string | null;
  title: string;
  body: string | null;
  ordinal: number;
  /** Offsets into the current text version, in UTF-16 code units as JavaScript strings count them. */
  spanStart: number | null;
  spanEnd: number | null;
  version: number;
  children: ClauseNode[];
}

/** An agreement's clause tree, and whether the reader may edit it. */
export interface ClauseTreeAnswer extends Items<ClauseNode> {
  can: { edit: boolean };
}

export interface Items<T> {
  items: T[];
}
