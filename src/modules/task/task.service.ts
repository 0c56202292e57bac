import { notFound } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../access/actor.ts';
import { canReadTask } from '../access/policy.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import { taskRepository, type TaskRow } from './task.repository.ts';

const ENTITY = 'task';

export function createTaskService(db: Db, cooperations: CooperationService) {
  /** The task row after the read checks; a task the actor may not see is answered as missing. */
  async function loadReadable(actor: Actor | null, id: string, tx: Db = db): Promise<TaskRow> {
    const row = await taskRepository.get(tx, id);
    if (!row) throw notFound(ENTITY, id);
    await cooperations.load(actor, row.cooperationId);
    if (!canReadTask(actor, row)) throw notFound(ENTITY, id);
    return row;
  }

  return {
    loadReadable,
  };
}

export type TaskService = ReturnType<typeof createTaskService>;
