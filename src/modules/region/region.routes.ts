import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, noContentResponses } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/session.ts';
import type { Services } from '../../app/services.ts';
import { regionCodeParam, regionListQuery, regionListResponse, regionSchema } from './region.schemas.ts';

export const regionRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/regions',
    { schema: { tags: ['regions'], summary: 'Search GB/T 2260 regions', querystring: regionListQuery, response: { 200: regionListResponse, ...errorResponses } } },
    async (request) => ({ items: await services.region.list(request.query) }),
  );

  app.get(
    '/regions/:code',
    { schema: { tags: ['regions'], params: regionCodeParam, response: { 200: regionSchema, ...errorResponses } } },
    async (request) => services.region.get(request.params.code),
  );

  app.delete(
    '/regions/:code',
    { schema: { tags: ['regions'], summary: 'Delete an unused region (admin)', params: regionCodeParam, response: noContentResponses } },
    async (request, reply) => {
      await services.region.delete(requireActor(request), request.params.code);
      return reply.status(204).send();
    },
  );
};
