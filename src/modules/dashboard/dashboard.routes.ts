import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../app/services.ts';
import { errorResponses, uuidParam } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/session.ts';
import { dashboardQuery, dashboardSchema } from './dashboard.schemas.ts';

const tags = ['dashboard'];

export const dashboardRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/cooperations/:id/dashboard',
    {
      schema: {
        tags,
        summary: "A cooperation at a glance, under the reader's visibility: tasks, coverage of the agreement, reporting, money, targets, recent decisions; each number names its drill-down",
        params: uuidParam,
        querystring: dashboardQuery,
        response: { 200: dashboardSchema, ...errorResponses },
      },
    },
    async (request) => services.dashboard.get(requireActor(request), request.params.id, request.query),
  );
};
