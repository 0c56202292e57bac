import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, noContentResponses, uuidParam } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/session.ts';
import type { Services } from '../../app/services.ts';
import { createOrganizationBody, mergeOrganizationBody, organizationListQuery, organizationListResponse, organizationSchema, unitSchema, updateOrganizationBody } from './organization.schemas.ts';
import { deleteQuery } from '../../http/common.schemas.ts';

const tags = ['organizations'];

export const organizationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/organizations',
    { schema: { tags, querystring: organizationListQuery, response: { 200: organizationListResponse, ...errorResponses } } },
    async (request) => {
      requireActor(request);
      const { items, total } = await services.organization.list(request.query);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    '/organizations/:id',
    { schema: { tags, params: uuidParam, response: { 200: organizationSchema, ...errorResponses } } },
    async (request) => {
      requireActor(request);
      return services.organization.get(request.params.id);
    },
  );

  app.post(
    '/organizations',
    { schema: { tags, body: createOrganizationBody, response: { 201: organizationSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await services.organization.create(requireActor(request), request.body)),
  );

  app.patch(
    '/organizations/:id',
    { schema: { tags, params: uuidParam, body: updateOrganizationBody, response: { 200: organizationSchema, ...errorResponses } } },
    async (request) => {
      const { version, ...patch } = request.body;
      return services.organization.update(requireActor(request), request.params.id, version, patch);
    },
  );

  app.delete(
    '/organizations/:id',
    { schema: { tags, params: uuidParam, querystring: deleteQuery, response: noContentResponses } },
    async (request, reply) => {
      await services.organization.delete(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );

  app.post(
    '/organizations/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge a duplicate unit into the one kept: what names it moves over, the duplicate is gone; same region only',
        params: uuidParam,
        body: mergeOrganizationBody,
        response: { 200: organizationSchema, ...errorResponses },
      },
    },
    async (request) => services.organization.merge(requireActor(request), request.params.id, request.body.version, request.body.intoId, request.body.intoVersion),
  );

  app.get(
    '/cooperations/:id/units',
    {
      schema: {
        tags,
        summary: "Each side's units: those the cooperation uses on that side and those of the side's region; for its members",
        params: uuidParam,
        response: { 200: z.object({ items: z.array(unitSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await services.organization.unitsOfCooperation(requireActor(request), request.params.id) }),
  );
};
