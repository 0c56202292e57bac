import type { Dashboard } from '../api/dashboard.ts';

type TaskStatus = Dashboard['tasks']['byStatus'][number]['status'];

/** Okabe–Ito colours: told apart with every common colour-vision deficiency. The dashboard's and the overview's. */
export const TASK_STATUS_COLOURS: Record<TaskStatus, string> = { not_started: '#999999', in_progress: '#0072B2', done: '#009E73', blocked: '#D55E00', cancelled: '#CC79A7' };
