import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, uuidParam } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/auth-plugin.ts';
import type { Services } from '../services.ts';
import { createProjectBody, projectSchema } from './project.schemas.ts';

const tags = ['projects'];

export const projectRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/cooperations/:id/projects',
    { schema: { tags, params: uuidParam, response: { 200: z.object({ items: z.array(projectSchema) }), ...errorResponses } } },
    async (request) => ({ items: await services.project.list(requireActor(request), request.params.id) }),
  );

  app.post(
    '/cooperations/:id/projects',
    { schema: { tags, params: uuidParam, body: createProjectBody, response: { 201: projectSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await services.project.create(requireActor(request), request.params.id, request.body)),
  );
};
