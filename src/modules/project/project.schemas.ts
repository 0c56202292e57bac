import { z } from 'zod';
import { PROJECT_KINDS, PROJECT_STAGES } from '../../db/schema/core.ts';
import { decimalText, labelText, shortText } from '../../http/common.schemas.ts';
import { visibility } from '../cooperation/cooperation.schemas.ts';
import { regionCode } from '../region/region.schemas.ts';

const money = decimalText(2, { negative: false });

export const projectSchema = z.object({
  id: z.uuid(),
  cooperationId: z.uuid(),
  name: z.string(),
  kind: z.enum(PROJECT_KINDS),
  investor: z.string().nullable(),
  hostRegionCode: z.string().nullable(),
  industry: z.string().nullable(),
  investment: z.string().nullable(),
  fundsInPlace: z.string().nullable(),
  currency: z.string(),
  stage: z.enum(PROJECT_STAGES),
  visibility,
  ownerPartyId: z.uuid().nullable(),
  version: z.number().int(),
});

export const createProjectBody = z.object({
  name: shortText(300),
  kind: z.enum(PROJECT_KINDS).default('project'),
  investor: labelText(300).nullable().optional(),
  hostRegionCode: regionCode.nullable().optional(),
  industry: labelText(100).nullable().optional(),
  investment: money.nullable().optional(),
  fundsInPlace: money.nullable().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code').default('CNY'),
  stage: z.enum(PROJECT_STAGES).default('proposed'),
  visibility: visibility.default('parties'),
  /** The side the project belongs to; defaults to the caller's own side. */
  ownerPartyId: z.uuid().nullable().optional(),
});
