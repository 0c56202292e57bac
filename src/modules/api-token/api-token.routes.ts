import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, noContentResponses, uuidParam } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/session.ts';
import type { Services } from '../../app/services.ts';
import { apiTokenParams, apiTokenSchema, createApiTokenBody, createdApiTokenSchema } from './api-token.schemas.ts';

const tags = ['api-tokens'];

export const apiTokenRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/cooperations/:id/api-tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token for this cooperation; the secret is shown once',
        params: uuidParam,
        body: createApiTokenBody,
        response: { 201: createdApiTokenSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await services.apiToken.create(requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/cooperations/:id/api-tokens',
    { schema: { tags, summary: "The caller's API tokens for this cooperation", params: uuidParam, response: { 200: z.object({ items: z.array(apiTokenSchema) }), ...errorResponses } } },
    async (request) => ({ items: await services.apiToken.list(requireActor(request), request.params.id) }),
  );

  app.delete(
    '/cooperations/:id/api-tokens/:tokenId',
    { schema: { tags, summary: 'Revoke an API token', params: apiTokenParams, response: noContentResponses } },
    async (request, reply) => {
      await services.apiToken.revoke(requireActor(request), request.params.id, request.params.tokenId);
      return reply.status(204).send();
    },
  );
};
