import { z } from 'zod';
import { API_TOKEN_SCOPES } from '../../db/schema/platform.ts';
import { shortText } from '../../http/common.schemas.ts';

const apiTokenScope = z.enum(API_TOKEN_SCOPES);

export const createApiTokenBody = z.object({
  name: shortText(100),
  scope: apiTokenScope,
});

export const apiTokenSchema = z.object({
  id: z.uuid(),
  cooperationId: z.uuid(),
  name: z.string(),
  scope: apiTokenScope,
  username: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/** The secret itself is in this answer only; it is stored as a hash. */
export const createdApiTokenSchema = apiTokenSchema.extend({ token: z.string() });

export const apiTokenParams = z.object({ id: z.uuid(), tokenId: z.uuid() });
