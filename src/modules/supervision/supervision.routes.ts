import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, uuidParam } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/session.ts';
import type { Services } from '../../app/services.ts';
import { issueNoticeBody, supervisionNoticeSchema, supervisionQuery, supervisionResponse } from './supervision.schemas.ts';

const tags = ['supervision'];

export const supervisionRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/cooperations/:id/supervision',
    {
      schema: {
        tags,
        summary: '督办 view: overdue and soon-due tasks, missing and returned reports, by responsible unit',
        params: uuidParam,
        querystring: supervisionQuery,
        response: { 200: supervisionResponse, ...errorResponses },
      },
    },
    async (request) => services.supervision.overview(requireActor(request), request.params.id, request.query),
  );

  app.get(
    '/tasks/:id/supervision-notices',
    { schema: { tags, params: uuidParam, response: { 200: z.object({ items: z.array(supervisionNoticeSchema) }), ...errorResponses } } },
    async (request) => ({ items: await services.supervision.listForTask(requireActor(request), request.params.id) }),
  );

  app.post(
    '/tasks/:id/supervision-notices',
    { schema: { tags, summary: 'Issue a formal 督办 notice; numbered like 督办〔2026〕3号', params: uuidParam, body: issueNoticeBody, response: { 201: supervisionNoticeSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await services.supervision.issue(requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/supervision-notices/:id/acknowledge',
    { schema: { tags, params: uuidParam, response: { 200: supervisionNoticeSchema, ...errorResponses } } },
    async (request) => services.supervision.acknowledge(requireActor(request), request.params.id),
  );
};
