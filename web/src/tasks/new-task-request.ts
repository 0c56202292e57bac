import type { BulkCreateTasksBody, CreateTaskBody, TaskDetail, TaskPatch, TaskPriority, TaskUnitInput } from '../api/tasks.ts';
import type { AgreementListItem, ClauseNode } from '../api/types.ts';

/** A unit sent to the server and the form field it was picked in, so the server's complaint about it lands there. */
export interface UnitField<Name> {
  name: Name;
  partyId: string;
  organizationId: string;
}

interface SideUnits {
  lead?: string | undefined;
  co?: string[] | undefined;
}

/** What the new-task form holds; dates come from native date inputs as 'YYYY-MM-DD' or empty. */
export interface NewTaskValues {
  title: string;
  description?: string | undefined;
  clauseIds?: string[] | undefined;
  joint: boolean;
  ownerPartyId?: string | undefined;
  sides?: Record<string, SideUnits | undefined> | undefined;
  startOn?: string | undefined;
  dueOn?: string | undefined;
  priority: TaskPriority;
  tags?: string[] | undefined;
}

/** What the "a task per direction" form holds: a default lead unit per side. */
export interface PerDirectionValues {
  leads?: Record<string, string | undefined> | undefined;
  dueOn?: string | undefined;
  priority: TaskPriority;
}

/** Fields named as in the request body, so the server's complaints about them land on them by name. */
export const NEW_TASK_FIELDS = ['title', 'description', 'clauseIds', 'joint', 'ownerPartyId', 'priority', 'tags', 'startOn', 'dueOn'] as const satisfies readonly (keyof NewTaskValues)[];
export const PER_DIRECTION_FIELDS = ['dueOn', 'priority'] as const satisfies readonly (keyof PerDirectionValues)[];

export type SideUnitField = ['sides', string, TaskUnitInput['role']];
export type DefaultLeadField = ['leads', string];

export const sideUnitField = (partyId: string, role: TaskUnitInput['role']): SideUnitField => ['sides', partyId, role];
export const defaultLeadField = (partyId: string): DefaultLeadField => ['leads', partyId];

/** The sides whose units a task carries: every side of a joint task, only the owner side of a one-sided one. */
export function sidesOfTask(joint: boolean, ownerPartyId: string | undefined, partyIds: readonly string[]): string[] {
  if (joint) return [...partyIds];
  return partyIds.filter((id) => id === ownerPartyId);
}

const dateOrNull = (value: string | undefined) => (value ? value : null);

function cleanTags(tags: readonly string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((tag) => tag.trim()).filter(Boolean))];
}

/** The agreement a task comes from: the one all its clauses belong to, none when they span several or there are none. */
export function agreementOfClauses(clauseIds: readonly string[], agreementOf: ReadonlyMap<string, string>): string | null {
  const agreements = new Set(clauseIds.map((id) => agreementOf.get(id)));
  const [only] = agreements;
  return agreements.size === 1 && only !== undefined ? only : null;
}

/** The units the form holds for the sides the task carries, each with the field it was picked in. */
function unitsOfForm(values: NewTaskValues, partyIds: readonly string[]): { units: TaskUnitInput[]; unitFields: UnitField<SideUnitField>[] } {
  const unitFields: UnitField<SideUnitField>[] = [];
  const units: TaskUnitInput[] = [];
  const add = (partyId: string, organizationId: string, role: TaskUnitInput['role']) => {
    units.push({ partyId, organizationId, role });
    unitFields.push({ name: sideUnitField(partyId, role), partyId, organizationId });
  };
  for (const partyId of sidesOfTask(values.joint, values.ownerPartyId, partyIds)) {
    const side = values.sides?.[partyId];
    if (side?.lead) add(partyId, side.lead, 'lead');
    for (const organizationId of new Set(side?.co ?? [])) if (organizationId !== side?.lead) add(partyId, organizationId, 'co');
  }
  return { units, unitFields };
}

export function newTaskRequest(
  values: NewTaskValues,
  partyIds: readonly string[],
  agreementOf: ReadonlyMap<string, string>,
): { body: CreateTaskBody; unitFields: UnitField<SideUnitField>[] } {
  const { units, unitFields } = unitsOfForm(values, partyIds);
  const clauseIds = [...new Set(values.clauseIds ?? [])];
  return {
    body: {
      title: values.title.trim(),
      description: values.description?.trim() ?? '',
      agreementId: agreementOfClauses(clauseIds, agreementOf),
      clauseIds,
      joint: values.joint,
      ownerPartyId: values.joint ? null : (values.ownerPartyId ?? null),
      priority: values.priority,
      tags: cleanTags(values.tags),
      startOn: dateOrNull(values.startOn),
      dueOn: dateOrNull(values.dueOn),
      units,
    },
    unitFields,
  };
}

/** A task as the form shows it for editing. */
export function taskFormValues(task: TaskDetail): NewTaskValues {
  return {
    title: task.title,
    description: task.description,
    clauseIds: task.clauses.map((c) => c.id),
    joint: task.joint,
    ownerPartyId: task.ownerPartyId ?? undefined,
    sides: Object.fromEntries(task.sides.map((side) => [side.partyId, { lead: side.lead?.organizationId, co: side.co.map((u) => u.organizationId) }])),
    startOn: task.startOn ?? undefined,
    dueOn: task.dueOn ?? undefined,
    priority: task.priority,
    tags: task.tags,
  };
}

const unitKey = (u: TaskUnitInput) => `${u.partyId}/${u.role}/${u.organizationId}`;
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && new Set([...a, ...b]).size === new Set(a).size;

/**
 * What the edit form changed, as a patch: only the fields that differ from the task, so an edit of the title does
 * not also rewrite the units (a change of units is each side's own, and the server checks whose they are).
 */
export function editTaskRequest(values: NewTaskValues, task: TaskDetail, partyIds: readonly string[]): { patch: TaskPatch; unitFields: UnitField<SideUnitField>[] } {
  const before = taskFormValues(task);
  const { units, unitFields } = unitsOfForm({ ...values, joint: task.joint, ownerPartyId: before.ownerPartyId }, partyIds);
  const { units: unitsBefore } = unitsOfForm(before, partyIds);
  const patch: TaskPatch = {};
  const title = values.title.trim();
  if (title !== task.title) patch.title = title;
  const description = values.description?.trim() ?? '';
  if (description !== task.description) patch.description = description;
  if (values.priority !== task.priority) patch.priority = values.priority;
  const tags = cleanTags(values.tags);
  if (!sameSet(tags, task.tags)) patch.tags = tags;
  const startOn = dateOrNull(values.startOn);
  if (startOn !== task.startOn) patch.startOn = startOn;
  const dueOn = dateOrNull(values.dueOn);
  if (dueOn !== task.dueOn) patch.dueOn = dueOn;
  const clauseIds = [...new Set(values.clauseIds ?? [])];
  if (!sameSet(clauseIds, before.clauseIds ?? [])) patch.clauseIds = clauseIds;
  if (!sameSet(units.map(unitKey), unitsBefore.map(unitKey))) patch.units = units;
  return { patch, unitFields };
}

export function perDirectionRequest(
  values: PerDirectionValues,
  partyIds: readonly string[],
): { body: BulkCreateTasksBody; unitFields: UnitField<DefaultLeadField>[] } {
  const unitFields = partyIds.flatMap((partyId): UnitField<DefaultLeadField>[] => {
    const organizationId = values.leads?.[partyId];
    return organizationId ? [{ name: defaultLeadField(partyId), partyId, organizationId }] : [];
  });
  return {
    body: {
      leadUnits: unitFields.map(({ partyId, organizationId }) => ({ partyId, organizationId })),
      priority: values.priority,
      dueOn: dateOrNull(values.dueOn),
    },
    unitFields,
  };
}

interface ClauseOption {
  value: string;
  title: string;
  selectable: boolean;
  children?: ClauseOption[];
}

export interface ClauseChoices {
  /** Agreements as headings (not themselves selectable), their clause trees beneath. */
  options: ClauseOption[];
  agreementOf: Map<string, string>;
}

function clauseOptionsOf(nodes: readonly ClauseNode[], agreementId: string, agreementOf: Map<string, string>): ClauseOption[] {
  return [...nodes]
    .sort((a, b) => a.ordinal - b.ordinal)
    .map((node) => {
      agreementOf.set(node.id, agreementId);
      const children = clauseOptionsOf(node.children, agreementId, agreementOf);
      const option: ClauseOption = { value: node.id, title: node.label ? `${node.label} ${node.title}` : node.title, selectable: true };
      return children.length > 0 ? { ...option, children } : option;
    });
}

/** The clauses a task may serve, from every agreement of the cooperation that has clauses. */
export function clauseChoices(agreements: readonly { agreement: AgreementListItem; clauses: readonly ClauseNode[] }[]): ClauseChoices {
  const agreementOf = new Map<string, string>();
  const options = agreements
    .map(({ agreement, clauses }) => ({ agreement, children: clauseOptionsOf(clauses, agreement.id, agreementOf) }))
    .filter(({ children }) => children.length > 0)
    .map(({ agreement, children }) => ({ value: `agreement:${agreement.id}`, title: agreement.title, selectable: false, children }));
  return { options, agreementOf };
}
