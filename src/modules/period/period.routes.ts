import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, uuidParam } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/auth-plugin.ts';
import type { Services } from '../services.ts';
import { createPeriodBody, generatePeriodsBody, periodList, periodSchema } from './period.schemas.ts';

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
        summary: 'Create the monthly or quarterly periods from one date to another; nothing is created if any overlaps',
        params: uuidParam,
        body: generatePeriodsBody,
        response: { 201: periodList, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send({ items: await services.period.generate(requireActor(request), request.params.id, request.body) }),
  );
};
