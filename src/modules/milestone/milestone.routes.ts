import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, uuidParam } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/session.ts';
import { deleteQuery } from '../../http/common.schemas.ts';
import type { Services } from '../../app/services.ts';
import { createMilestoneBody, milestoneChangeResponse, milestoneDeleteResponse, milestoneMoveResponse, milestoneSchema, moveMilestoneBody, updateMilestoneBody } from './milestone.schemas.ts';

const tags = ['tasks'];

export const milestoneRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/tasks/:id/milestones',
    { schema: { tags, params: uuidParam, response: { 200: z.object({ items: z.array(milestoneSchema) }), ...errorResponses } } },
    async (request) => ({ items: await services.milestone.list(requireActor(request), request.params.id) }),
  );

  app.post(
    '/tasks/:id/milestones',
    { schema: { tags, params: uuidParam, body: createMilestoneBody, response: { 201: milestoneChangeResponse, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await services.milestone.create(requireActor(request), request.params.id, request.body)),
  );

  app.patch(
    '/milestones/:id',
    {
      schema: {
        tags,
        summary: 'Edit a milestone or mark it reached (done: true); the answer carries the task as it now stands',
        params: uuidParam,
        body: updateMilestoneBody,
        response: { 200: milestoneChangeResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { version, ...patch } = request.body;
      return services.milestone.update(requireActor(request), request.params.id, version, patch);
    },
  );

  app.post(
    '/milestones/:id/move',
    {
      schema: {
        tags,
        summary: "Move a milestone one place up or down in its task's order; the answer is the task's milestones in their new order",
        params: uuidParam,
        body: moveMilestoneBody,
        response: { 200: milestoneMoveResponse, ...errorResponses },
      },
    },
    async (request) => services.milestone.move(requireActor(request), request.params.id, request.body.version, request.body.direction),
  );

  app.delete(
    '/milestones/:id',
    { schema: { tags, params: uuidParam, querystring: deleteQuery, response: { 200: milestoneDeleteResponse, ...errorResponses } } },
    async (request) => services.milestone.delete(requireActor(request), request.params.id, request.query.version),
  );
};
