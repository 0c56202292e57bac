import { z } from 'zod';
import { AGREEMENT_KINDS } from '../../db/schema/core.ts';
import { isoDate, labelText, shortText, versionField } from '../../http/common.schemas.ts';
import { visibility } from '../access/access.schemas.ts';

const agreementKind = z.enum(AGREEMENT_KINDS);
/** Agreements run to tens of thousands of characters; a megabyte is far beyond any real one. */
export const agreementText = z.string().max(1_000_000);

const agreementSummarySchema = z.object({
  id: z.uuid(),
  cooperationId: z.uuid(),
  parentId: z.uuid().nullable(),
  kind: agreementKind,
  title: z.string(),
  signedOn: z.string().nullable(),
  place: z.string().nullable(),
  signatories: z.array(z.string()),
  visibility,
  ownerPartyId: z.uuid().nullable(),
  currentTextVersion: z.number().int(),
  version: z.number().int(),
  clauseCount: z.number().int(),
  /** Editing the agreement and its clauses: the web offers it only where this is true. */
  can: z.object({ edit: z.boolean() }),
});

export const agreementListSchema = z.object({
  items: z.array(agreementSummarySchema),
  can: z.object({ create: z.boolean() }),
});

const textVersionSchema = z.object({ number: z.number().int(), note: z.string(), createdAt: z.string() });

export const agreementSchema = agreementSummarySchema.extend({
  source: z.string().nullable(),
  text: z.string(),
  textVersions: z.array(textVersionSchema),
});

export const agreementVersionSchema = textVersionSchema.extend({ text: z.string() });

export const createAgreementBody = z.object({
  parentId: z.uuid().nullable().optional(),
  kind: agreementKind,
  title: shortText(300),
  signedOn: isoDate.nullable().optional(),
  place: labelText(200).nullable().optional(),
  signatories: z.array(shortText(100)).max(50).default([]),
  source: z.string().trim().max(2000).nullable().optional(),
  visibility: visibility.default('parties'),
  /** The side the agreement belongs to; defaults to the caller's own side. */
  ownerPartyId: z.uuid().nullable().optional(),
  text: agreementText.default(''),
});

export const updateAgreementBody = z.object({
  version: versionField,
  parentId: z.uuid().nullable().optional(),
  kind: agreementKind.optional(),
  title: shortText(300).optional(),
  signedOn: isoDate.nullable().optional(),
  place: labelText(200).nullable().optional(),
  signatories: z.array(shortText(100)).max(50).optional(),
  source: z.string().trim().max(2000).nullable().optional(),
  visibility: visibility.optional(),
});

export const amendAgreementBody = z.object({
  version: versionField,
  text: agreementText,
  note: z.string().trim().min(1).max(2000),
});

export const agreementVersionParams = z.object({ id: z.uuid(), number: z.coerce.number().int().min(1) });
