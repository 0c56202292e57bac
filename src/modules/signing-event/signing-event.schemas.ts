import { z } from 'zod';
import { isoDate, labelText, shortText, versionField } from '../../http/common.schemas.ts';
import { visibility } from '../access/access.schemas.ts';
import { moneyAmountSchema } from '../project/project.schemas.ts';

/** What leaders ask of an event: how many signed, for how much, and how much of it became real. */
export const eventFiguresSchema = z.object({
  /** Projects that count here (first signed here, or taken over here). */
  projects: z.number().int(),
  contracted: z.array(moneyAmountSchema),
  inPlace: z.array(moneyAmountSchema),
  /** 履约率: share of those projects registered (注册) or further; null with no project. */
  fulfilmentRate: z.number().nullable(),
  /** 开工率: share at 开工 or further. */
  startRate: z.number().nullable(),
  /** 资金到位率: funds in place ÷ contracted, in the currency most was contracted in. */
  fundsRate: z.number().nullable(),
});

const signingEventSchema = z.object({
  id: z.uuid(),
  cooperationId: z.uuid(),
  name: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  visibility,
  ownerPartyId: z.uuid().nullable(),
  version: z.number().int(),
  figures: eventFiguresSchema,
  can: z.object({ edit: z.boolean() }),
});

export const signingEventListSchema = z.object({ items: z.array(signingEventSchema), can: z.object({ create: z.boolean() }) });

export const signingEventDetailSchema = signingEventSchema.extend({
  projects: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      stage: z.string(),
      /** Whether the project counts at this event (else it was signed elsewhere first and only expanded here, or moved away). */
      countsHere: z.boolean(),
      contracted: z.array(moneyAmountSchema),
      inPlace: z.array(moneyAmountSchema),
    }),
  ),
});

export const createSigningEventBody = z.object({
  name: shortText(200),
  heldOn: isoDate,
  place: labelText(200).nullable().optional(),
  visibility: visibility.default('parties'),
  ownerPartyId: z.uuid().nullable().optional(),
});

export const updateSigningEventBody = z.object({
  version: versionField,
  name: shortText(200).optional(),
  heldOn: isoDate.optional(),
  place: labelText(200).nullable().optional(),
  visibility: visibility.optional(),
});
