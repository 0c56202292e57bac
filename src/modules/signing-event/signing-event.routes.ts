import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, noContentResponses, uuidParam } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/session.ts';
import { deleteQuery } from '../../http/common.schemas.ts';
import type { Services } from '../../app/services.ts';
import { createSigningEventBody, signingEventDetailSchema, signingEventListSchema, updateSigningEventBody } from './signing-event.schemas.ts';

const tags = ['signing events'];

export const signingEventRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/cooperations/:id/signing-events',
    { schema: { tags, summary: '签约活动 of a cooperation, each with its count, amount and rates', params: uuidParam, response: { 200: signingEventListSchema, ...errorResponses } } },
    async (request) => services.signingEvent.list(requireActor(request), request.params.id),
  );

  app.post(
    '/cooperations/:id/signing-events',
    { schema: { tags, params: uuidParam, body: createSigningEventBody, response: { 201: signingEventDetailSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await services.signingEvent.create(requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/signing-events/:id',
    { schema: { tags, summary: 'A signing event and the projects signed, expanded or taken over there', params: uuidParam, response: { 200: signingEventDetailSchema, ...errorResponses } } },
    async (request) => services.signingEvent.get(requireActor(request), request.params.id),
  );

  app.patch(
    '/signing-events/:id',
    { schema: { tags, params: uuidParam, body: updateSigningEventBody, response: { 200: signingEventDetailSchema, ...errorResponses } } },
    async (request) => {
      const { version, ...patch } = request.body;
      return services.signingEvent.update(requireActor(request), request.params.id, version, patch);
    },
  );

  app.delete(
    '/signing-events/:id',
    { schema: { tags, params: uuidParam, querystring: deleteQuery, response: noContentResponses } },
    async (request, reply) => {
      await services.signingEvent.delete(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );
};
