import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, noContentResponses, uuidParam } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/session.ts';
import { deleteQuery } from '../../http/common.schemas.ts';
import type { Services } from '../../app/services.ts';
import {
  createCrossSideBody,
  crossSideListQuery,
  crossSideListSchema,
  crossSideTotalsQuery,
  crossSideTotalsSchema,
  crossSideTransactionSchema,
  updateCrossSideBody,
} from './cross-side-transaction.schemas.ts';

const tags = ['cross-side transactions'];

export const crossSideTransactionRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/cooperations/:id/cross-side-transactions',
    { schema: { tags, summary: 'Trade between the sides (绿证, procurement, SOE investment, tourism), filtered, with totals per quarter', params: uuidParam, querystring: crossSideListQuery, response: { 200: crossSideListSchema, ...errorResponses } } },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return services.crossSideTransaction.list(requireActor(request), request.params.id, filter, { page, pageSize });
    },
  );

  app.get(
    '/cooperations/:id/cross-side-totals',
    { schema: { tags, summary: 'Cross-side trade totals by kind, year or quarter', params: uuidParam, querystring: crossSideTotalsQuery, response: { 200: crossSideTotalsSchema, ...errorResponses } } },
    async (request) => {
      const { by, ...filter } = request.query;
      return services.crossSideTransaction.totals(requireActor(request), request.params.id, filter, by ?? null);
    },
  );

  app.post(
    '/cooperations/:id/cross-side-transactions',
    { schema: { tags, params: uuidParam, body: createCrossSideBody, response: { 201: crossSideTransactionSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await services.crossSideTransaction.create(requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/cross-side-transactions/:id',
    { schema: { tags, params: uuidParam, response: { 200: crossSideTransactionSchema, ...errorResponses } } },
    async (request) => services.crossSideTransaction.get(requireActor(request), request.params.id),
  );

  app.patch(
    '/cross-side-transactions/:id',
    { schema: { tags, params: uuidParam, body: updateCrossSideBody, response: { 200: crossSideTransactionSchema, ...errorResponses } } },
    async (request) => {
      const { version, ...patch } = request.body;
      return services.crossSideTransaction.update(requireActor(request), request.params.id, version, patch);
    },
  );

  app.delete(
    '/cross-side-transactions/:id',
    { schema: { tags, params: uuidParam, querystring: deleteQuery, response: noContentResponses } },
    async (request, reply) => {
      await services.crossSideTransaction.delete(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );
};
