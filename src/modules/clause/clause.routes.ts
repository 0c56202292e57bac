import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, noContentResponses, uuidParam } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/session.ts';
import { deleteQuery } from '../../http/common.schemas.ts';
import type { Services } from '../../app/services.ts';
import { clauseNodeSchema, clauseSchema, createClauseBody, moveClauseBody, reorderClausesBody, updateClauseBody } from './clause.schemas.ts';

const tags = ['clauses'];
const treeResponse = z.object({ items: z.array(clauseNodeSchema) });
const treeWithRightsResponse = treeResponse.extend({ can: z.object({ edit: z.boolean() }) });

export const clauseRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/agreements/:id/clauses',
    { schema: { tags, summary: 'Clause tree: area → direction → measure', params: uuidParam, response: { 200: treeWithRightsResponse, ...errorResponses } } },
    async (request) => services.clause.treeWithRights(requireActor(request), request.params.id),
  );

  app.post(
    '/agreements/:id/clauses',
    { schema: { tags, params: uuidParam, body: createClauseBody, response: { 201: clauseSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await services.clause.create(requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/agreements/:id/clauses/reorder',
    { schema: { tags, params: uuidParam, body: reorderClausesBody, response: { 200: treeResponse, ...errorResponses } } },
    async (request) => ({
      items: await services.clause.reorder(requireActor(request), request.params.id, request.body.parentId, request.body.orderedIds),
    }),
  );

  app.patch(
    '/clauses/:id',
    { schema: { tags, params: uuidParam, body: updateClauseBody, response: { 200: clauseSchema, ...errorResponses } } },
    async (request) => {
      const { version, ...patch } = request.body;
      return services.clause.update(requireActor(request), request.params.id, version, patch);
    },
  );

  app.post(
    '/clauses/:id/move',
    { schema: { tags, params: uuidParam, body: moveClauseBody, response: { 200: clauseSchema, ...errorResponses } } },
    async (request) => {
      const { version, parentId, ordinal } = request.body;
      return services.clause.move(requireActor(request), request.params.id, version, parentId, ordinal);
    },
  );

  app.delete(
    '/clauses/:id',
    { schema: { tags, params: uuidParam, querystring: deleteQuery, response: noContentResponses } },
    async (request, reply) => {
      await services.clause.delete(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );
};
