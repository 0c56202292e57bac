import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, uuidParam } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/session.ts';
import type { Services } from '../../app/services.ts';
import { commentList, commentSchema, createCommentBody } from './comment.schemas.ts';

const tags = ['comments'];

export const commentRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/tasks/:id/comments',
    { schema: { tags, summary: 'Comments on a task, oldest first', params: uuidParam, response: { 200: commentList, ...errorResponses } } },
    async (request) => services.comment.listForTask(requireActor(request), request.params.id),
  );

  app.post(
    '/tasks/:id/comments',
    { schema: { tags, summary: 'Comment on a task; @username mentions notify users who may see it', params: uuidParam, body: createCommentBody, response: { 201: commentSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await services.comment.addToTask(requireActor(request), request.params.id, request.body.body)),
  );

  app.get(
    '/reports/:id/comments',
    { schema: { tags, summary: 'Comments on a progress report, oldest first', params: uuidParam, response: { 200: commentList, ...errorResponses } } },
    async (request) => services.comment.listForReport(requireActor(request), request.params.id),
  );

  app.post(
    '/reports/:id/comments',
    { schema: { tags, summary: 'Comment on a progress report', params: uuidParam, body: createCommentBody, response: { 201: commentSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await services.comment.addToReport(requireActor(request), request.params.id, request.body.body)),
  );
};
