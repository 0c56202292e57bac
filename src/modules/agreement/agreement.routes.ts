import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, noContentResponses, uuidParam } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/session.ts';
import { deleteQuery } from '../../http/common.schemas.ts';
import type { Services } from '../../app/services.ts';
import {
  agreementListSchema,
  agreementSchema,
  agreementVersionParams,
  agreementVersionSchema,
  amendAgreementBody,
  createAgreementBody,
  updateAgreementBody,
} from './agreement.schemas.ts';

const tags = ['agreements'];

export const agreementRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/cooperations/:id/agreements',
    { schema: { tags, summary: 'Agreements of a cooperation (1+N: parentId links)', params: uuidParam, response: { 200: agreementListSchema, ...errorResponses } } },
    async (request) => services.agreement.list(requireActor(request), request.params.id),
  );

  app.post(
    '/cooperations/:id/agreements',
    { schema: { tags, params: uuidParam, body: createAgreementBody, response: { 201: agreementSchema, ...errorResponses } } },
    async (request, reply) =>
      reply.status(201).send(await services.agreement.create(requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/agreements/:id',
    { schema: { tags, params: uuidParam, response: { 200: agreementSchema, ...errorResponses } } },
    async (request) => services.agreement.get(requireActor(request), request.params.id),
  );

  app.patch(
    '/agreements/:id',
    { schema: { tags, params: uuidParam, body: updateAgreementBody, response: { 200: agreementSchema, ...errorResponses } } },
    async (request) => {
      const { version, ...patch } = request.body;
      return services.agreement.update(requireActor(request), request.params.id, version, patch);
    },
  );

  app.post(
    '/agreements/:id/amendments',
    { schema: { tags, summary: 'Amend the text: a new version, the old stays readable', params: uuidParam, body: amendAgreementBody, response: { 201: agreementSchema, ...errorResponses } } },
    async (request, reply) => {
      const { version, text, note } = request.body;
      return reply.status(201).send(await services.agreement.amend(requireActor(request), request.params.id, version, text, note));
    },
  );

  app.get(
    '/agreements/:id/versions/:number',
    { schema: { tags, params: agreementVersionParams, response: { 200: agreementVersionSchema, ...errorResponses } } },
    async (request) => services.agreement.getVersion(requireActor(request), request.params.id, request.params.number),
  );

  app.delete(
    '/agreements/:id',
    { schema: { tags, params: uuidParam, querystring: deleteQuery, response: noContentResponses } },
    async (request, reply) => {
      await services.agreement.delete(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );
};
