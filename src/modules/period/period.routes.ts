import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, uuidParam } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/session.ts';
import type { Services } from '../../app/services.ts';
import { createPeriodBody, generatePeriodsBody, periodList, periodSchema, periodVersionBody, updatePeriodBody } from './period.schemas.ts';

const tags = ['reporting periods'];

export const periodRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/cooperations/:id/periods',
    { schema: { tags, summary: 'Reporting periods of a cooperation, oldest first', params: uuidParam, response: { 200: periodList, ...errorResponses } } },
    async (request) => ({ items: await services.period.list(requireActor(request), request.params.id) }),
  );

  app.post(
    '/cooperations/:id/periods',
    { schema: { tags, params: uuidParam, body: createPeriodBody, response: { 201: periodSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await services.period.create(requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/cooperations/:id/periods/generate',
    {
      schema: {
        tags,
        summary: 'Create the monthly, quarterly, half-yearly or yearly periods from one date to another; nothing is created if any overlaps',
        params: uuidParam,
        body: generatePeriodsBody,
        response: { 201: periodList, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send({ items: await services.period.generate(requireActor(request), request.params.id, request.body) }),
  );

  app.patch(
    '/periods/:id',
    { schema: { tags, summary: "Move a period's due date (not before it ends; not once closed)", params: uuidParam, body: updatePeriodBody, response: { 200: periodSchema, ...errorResponses } } },
    async (request) => services.period.update(requireActor(request), request.params.id, request.body.version, request.body.dueOn),
  );

  app.post(
    '/periods/:id/close',
    { schema: { tags, summary: 'Close a period: no new reports are taken for it', params: uuidParam, body: periodVersionBody, response: { 200: periodSchema, ...errorResponses } } },
    async (request) => services.period.close(requireActor(request), request.params.id, request.body.version),
  );

  app.post(
    '/periods/:id/reopen',
    { schema: { tags, summary: 'Reopen a closed period', params: uuidParam, body: periodVersionBody, response: { 200: periodSchema, ...errorResponses } } },
    async (request) => services.period.reopen(requireActor(request), request.params.id, request.body.version),
  );
};
