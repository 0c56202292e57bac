import { z } from 'zod';
import { VISIBILITIES } from '../../db/schema/core.ts';

/** Who may read a row: its side only, the cooperation's parties, or the public (the policy's rule for each is in policy.ts). */
export const visibility = z.enum(VISIBILITIES);
