import { z } from 'zod';
import { REGION_LEVELS, VISIBILITIES } from '../../db/schema/core.ts';
import { moneyAmountSchema } from '../project/project.schemas.ts';

/** A map point: longitude, latitude (WGS-84 as the GeoJSON has it). */
const point = z.tuple([z.number(), z.number()]);

const overviewCooperationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  visibility: z.enum(VISIBILITIES),
  /** The parties' region codes, in the parties' order (domestic GB/T 2260 codes and ISO country codes alike). */
  regionCodes: z.array(z.string()),
  tasks: z.object({
    /** Tasks the reader sees, every status: the dashboard's total. */
    total: z.number().int(),
    /** Not started, in progress or blocked. */
    open: z.number().int(),
    overdue: z.number().int(),
    done: z.number().int(),
  }),
  /** Done ÷ tasks not cancelled, as on the dashboard; null with none. */
  doneShare: z.number().nullable(),
  /** 序时进度, as on the dashboard: the mean share of each task's time that has passed; null when no task has a due date. */
  elapsedShare: z.number().nullable(),
  /** Funds in place, cumulative, per currency (the project counting rule). */
  inPlace: z.array(moneyAmountSchema),
  /** Indicators whose nearest upcoming target is met or on track, of those with an upcoming target. */
  targets: z.object({ onTrack: z.number().int(), total: z.number().int() }),
});

export const overviewSchema = z.object({
  /** The business day the figures are as of. */
  asOf: z.string(),
  /** The answer is at most this old (kept per reader's visibility, dropped on every write through this server). */
  maxAgeSeconds: z.number().int(),
  cooperations: z.array(overviewCooperationSchema),
  /** Chinese regions with a party in one of the cooperations, with their map point (null: none known). */
  regions: z.array(z.object({ code: z.string(), name: z.string(), level: z.enum(REGION_LEVELS), point: point.nullable(), cooperationIds: z.array(z.uuid()) })),
  /** One line per pair of Chinese regions that are partners in one cooperation or more. */
  links: z.array(z.object({ from: z.string(), to: z.string(), cooperationIds: z.array(z.uuid()) })),
  /** Parties outside China (日本 in 中日(青岛)): a list beside the map, with the Chinese regions they work with. */
  foreign: z.array(z.object({ code: z.string(), name: z.string(), cooperationIds: z.array(z.uuid()), partners: z.array(z.string()) })),
});

export type Overview = z.infer<typeof overviewSchema>;
export type OverviewCooperation = z.infer<typeof overviewCooperationSchema>;
