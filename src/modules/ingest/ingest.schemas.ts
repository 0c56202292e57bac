import { z } from 'zod';
import { AGREEMENT_KINDS, COMPARATORS } from '../../db/schema/core.ts';
import { figureNumber, isoDate, labelText, shortText } from '../../http/common.schemas.ts';
import { agreementText } from '../agreement/agreement.schemas.ts';
import { firstOffices } from '../cooperation/cooperation.schemas.ts';
import { visibility } from '../access/access.schemas.ts';
import { calendarKind } from '../period/period.schemas.ts';
import { regionCode } from '../region/region.schemas.ts';

export const ingestBody = z.object({ text: z.string() });

const span = { start: z.number().int().min(0).optional(), end: z.number().int().min(0).optional() };

const sourceSpan = z.object({ start: z.number().int(), end: z.number().int() });
const spanned = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, start: z.number().int(), end: z.number().int() });

interface AreaItemOut {
  readonly label: string | null;
  readonly title: string;
  readonly start: number;
  readonly end: number;
  readonly items?: readonly AreaItemOut[] | undefined;
}
const areaItemOut: z.ZodType<AreaItemOut> = z.lazy(() =>
  spanned({ label: z.string().nullable(), title: z.string(), items: z.array(areaItemOut).readonly().optional() }),
);
const namedItem = spanned({ name: z.string() });

/** The ingestion contract of DESIGN.md, with the source span of every item as extra keys. */
export const ingestResultSchema = z.object({
  title: z.string().nullable(),
  title_span: sourceSpan.nullable(),
  signed_on: z.string().nullable(),
  signed_on_text: z.string().nullable(),
  signed_on_span: sourceSpan.nullable(),
  parties: z.array(z.string()).readonly(),
  party_details: z
    .array(
      spanned({
        name: z.string(),
        code: z.string(),
        level: z.enum(['country', 'province', 'city', 'county']),
        confidence: z.enum(['high', 'medium', 'low']).describe('How sure the reader is: where a person should look first.'),
        reason: z.enum(['headline', 'signing', 'headline_and_signing', 'publisher', 'joined_pair']).describe('Why the region was proposed as a party.'),
      }),
    )
    .readonly(),
  agreement: z.string().nullable(),
  agreement_span: sourceSpan.nullable(),
  areas: z.array(spanned({ label: z.string().nullable(), title: z.string().nullable(), items: z.array(areaItemOut).readonly() })).readonly(),
  amounts: z
    .array(spanned({ text: z.string(), value: z.number(), unit: z.string(), qualifier: z.string().nullable(), value_max: z.number().nullable() }))
    .readonly(),
  targets: z
    .array(
      spanned({
        text: z.string(),
        year: z.number().int().nullable(),
        indicator: z.string(),
        value: z.number(),
        value_max: z.number().nullable(),
        unit: z.string(),
        comparator: z.enum(COMPARATORS),
      }),
    )
    .readonly(),
  sub_agreements: z.array(z.string()).readonly(),
  sub_agreement_details: z.array(namedItem).readonly(),
  projects: z.array(z.string()).readonly(),
  project_details: z.array(namedItem).readonly(),
  counts: z.array(spanned({ text: z.string(), value: z.number(), unit: z.string() })).readonly(),
});

export interface CommitItem {
  label?: string | null | undefined;
  title: string;
  start?: number | undefined;
  end?: number | undefined;
  items?: CommitItem[] | undefined;
}

const commitItem: z.ZodType<CommitItem> = z.lazy(() =>
  z.object({
    label: labelText(20).nullable().optional(),
    title: shortText(1000),
    ...span,
    items: z.array(commitItem).max(200).optional(),
  }),
);

/** What the person saved after checking the proposal: a new cooperation, or an existing one to add to. */
export const commitBody = z
  .object({
    cooperationId: z.uuid().optional(),
    cooperation: z
      .object({
        name: shortText(200),
        summary: z.string().max(5000).default(''),
        visibility: visibility.default('parties'),
      })
      .optional(),
    parties: z.array(z.object({ regionCode, name: shortText(100).optional() })).max(20).default([]),
    /** For a new cooperation: the other sides' offices, and the reporting periods generated for the current year. */
    offices: firstOffices,
    periods: z.union([calendarKind, z.literal('none')]).default('quarterly'),
    agreement: z.object({
      title: shortText(300),
      kind: z.enum(AGREEMENT_KINDS).default('framework'),
      signedOn: isoDate.nullable().optional(),
      place: labelText(200).nullable().optional(),
      text: agreementText,
      parentId: z.uuid().nullable().optional(),
    }),
    areas: z
      .array(
        z.object({
          label: labelText(20).nullable().optional(),
          title: labelText(1000).nullable(),
          ...span,
          items: z.array(commitItem).max(200).default([]),
        }),
      )
      .max(200)
      .default([]),
    sub_agreements: z.array(shortText(300)).max(100).default([]),
    projects: z.array(z.object({ name: shortText(300), ...span })).max(200).default([]),
    targets: z
      .array(
        z.object({
          text: z.string().max(500).optional(),
          year: z.number().int().min(1949).max(2100).nullable(),
          indicator: shortText(200),
          value: figureNumber(),
          value_max: figureNumber().nullable().optional(),
          unit: shortText(20),
          comparator: z.enum(COMPARATORS).default('>='),
        }),
      )
      .max(100)
      .default([]),
  })
  .refine((b) => !!b.cooperationId !== !!b.cooperation, { message: 'give either cooperationId or cooperation', path: ['cooperation'] });

export type CommitInput = z.infer<typeof commitBody>;

export const commitResponse = z.object({
  cooperationId: z.uuid(),
  agreementId: z.uuid(),
  created: z.object({ clauses: z.number().int(), subAgreements: z.number().int(), projects: z.number().int(), indicators: z.number().int() }),
});
