import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, errorSchema } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/session.ts';
import type { Services } from '../../app/services.ts';
import { commitBody, commitResponse, ingestBody, ingestResultSchema } from './ingest.schemas.ts';

const tags = ['ingest'];

export const ingestRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/ingest',
    {
      schema: {
        tags,
        summary: 'Read a Chinese agreement or news text and propose its structure, with source spans',
        body: ingestBody,
        response: { 200: ingestResultSchema, 413: errorSchema, ...errorResponses },
      },
    },
    async (request) => {
      requireActor(request);
      return services.ingest.analyse(request.body.text);
    },
  );

  app.post(
    '/ingest/commit',
    {
      schema: {
        tags,
        summary: 'Save a checked proposal as a cooperation (or into an existing one) in one transaction',
        body: commitBody,
        response: { 201: commitResponse, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await services.ingest.commit(requireActor(request), request.body)),
  );
};
