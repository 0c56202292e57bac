import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, uuidParam } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/session.ts';
import type { Services } from '../../app/services.ts';
import { auditListResponse, auditQuery } from './audit.schemas.ts';

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/cooperations/:id/audit',
    {
      schema: {
        tags,
        summary: "A cooperation's audit trail, newest first (its cooperation offices, leaders, admins)",
        params: uuidParam,
        querystring: auditQuery,
        response: { 200: auditListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const result = await services.audit.forCooperation(requireActor(request), request.params.id, request.query);
      return { ...result, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    '/audit',
    { schema: { tags, summary: 'The whole audit trail (admins)', querystring: auditQuery, response: { 200: auditListResponse, ...errorResponses } } },
    async (request) => {
      const result = await services.audit.all(requireActor(request), request.query);
      return { ...result, page: request.query.page, pageSize: request.query.pageSize };
    },
  );
};
