import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../app/services.ts';
import { errorResponses } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/session.ts';
import { overviewSchema } from './overview.schemas.ts';

const tags = ['overview'];

export const overviewRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/overview',
    {
      schema: {
        tags,
        summary: "The national overview under the reader's visibility: each cooperation's progress, open and overdue tasks, funds in place and targets on track; the regions, partner lines and foreign parties for the map",
        response: { 200: overviewSchema, ...errorResponses },
      },
    },
    async (request) => services.overview.get(requireActor(request)),
  );

  app.get(
    '/portal/overview',
    {
      schema: {
        tags,
        summary: 'The national overview of the public cooperations, with only their public rows (no login): the portal map',
        security: [],
        response: { 200: overviewSchema, ...errorResponses },
      },
    },
    async () => services.overview.get(null),
  );
};
