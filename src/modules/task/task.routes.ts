import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, noContentResponses, uuidParam } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/session.ts';
import { deleteQuery } from '../../http/common.schemas.ts';
import type { Services } from '../../app/services.ts';
import {
  bulkCreateTasksBody,
  bulkCreateTasksResponse,
  closeApprovalBody,
  createTaskBody,
  ledgerQuery,
  ledgerResponse,
  myTasksQuery,
  myTasksResponse,
  taskDetailSchema,
  updateTaskBody,
} from './task.schemas.ts';

const tags = ['tasks'];

export const taskRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/cooperations/:id/tasks',
    {
      schema: {
        tags,
        summary: 'The task ledger (任务台账): filtered page, total, counts per status under the same filters',
        params: uuidParam,
        querystring: ledgerQuery,
        response: { 200: ledgerResponse, ...errorResponses },
      },
    },
    async (request) => services.task.ledger(requireActor(request), request.params.id, request.query),
  );

  app.post(
    '/cooperations/:id/tasks',
    { schema: { tags, params: uuidParam, body: createTaskBody, response: { 201: taskDetailSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await services.task.create(requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/agreements/:id/tasks/bulk',
    {
      schema: {
        tags,
        summary: 'One task per direction-level clause of the agreement, with a default lead unit per side',
        params: uuidParam,
        body: bulkCreateTasksBody,
        response: { 201: bulkCreateTasksResponse, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await services.task.createPerDirection(requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/my/tasks',
    { schema: { tags, summary: 'My work: tasks I own or my unit leads or co-operates on', querystring: myTasksQuery, response: { 200: myTasksResponse, ...errorResponses } } },
    async (request) => services.task.mine(requireActor(request), request.query),
  );

  app.get(
    '/tasks/:id',
    { schema: { tags, params: uuidParam, response: { 200: taskDetailSchema, ...errorResponses } } },
    async (request) => services.task.get(requireActor(request), request.params.id),
  );

  app.patch(
    '/tasks/:id',
    { schema: { tags, params: uuidParam, body: updateTaskBody, response: { 200: taskDetailSchema, ...errorResponses } } },
    async (request) => {
      const { version, ...patch } = request.body;
      return services.task.update(requireActor(request), request.params.id, version, patch);
    },
  );

  app.delete(
    '/tasks/:id',
    { schema: { tags, params: uuidParam, querystring: deleteQuery, response: noContentResponses } },
    async (request, reply) => {
      await services.task.delete(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );

  app.post(
    '/tasks/:id/close-request',
    { schema: { tags, summary: 'Ask the sides to approve closing the task (销号)', params: uuidParam, response: { 200: taskDetailSchema, ...errorResponses } } },
    async (request) => services.taskClosure.request(requireActor(request), request.params.id),
  );

  app.post(
    '/tasks/:id/close-approvals',
    {
      schema: {
        tags,
        summary: "One side's decision on the open closing request",
        params: uuidParam,
        body: closeApprovalBody,
        response: { 201: taskDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.taskClosure.decide(requireActor(request), request.params.id, request.body.decision, request.body.reason)),
  );
};
