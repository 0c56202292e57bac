import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, uuidParam } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/session.ts';
import type { Services } from '../../app/services.ts';
import { createIndicatorBody, indicatorSchema } from './indicator.schemas.ts';

const tags = ['indicators'];

export const indicatorRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/cooperations/:id/indicators',
    { schema: { tags, summary: 'Indicators with their targets by year', params: uuidParam, response: { 200: z.object({ items: z.array(indicatorSchema) }), ...errorResponses } } },
    async (request) => ({ items: await services.indicator.list(requireActor(request), request.params.id) }),
  );

  app.post(
    '/cooperations/:id/indicators',
    { schema: { tags, params: uuidParam, body: createIndicatorBody, response: { 201: indicatorSchema, ...errorResponses } } },
    async (request, reply) =>
      reply.status(201).send(await services.indicator.create(requireActor(request), request.params.id, request.body)),
  );
};
