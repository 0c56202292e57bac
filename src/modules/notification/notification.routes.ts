import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, noContentResponses, uuidParam } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/session.ts';
import type { Services } from '../../app/services.ts';
import { inboxQuery, inboxResponse, preferencesSchema, readAllResponse, unreadCountResponse } from './notification.schemas.ts';

const tags = ['notifications'];

export const notificationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/notifications',
    { schema: { tags, summary: "The caller's inbox, newest first", querystring: inboxQuery, response: { 200: inboxResponse, ...errorResponses } } },
    async (request) => {
      const result = await services.notification.inbox(requireActor(request), request.query);
      return { ...result, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    '/notifications/unread-count',
    { schema: { tags, summary: 'For the badge in the header', response: { 200: unreadCountResponse, ...errorResponses } } },
    async (request) => ({ unreadCount: await services.notification.unreadCount(requireActor(request)) }),
  );

  app.post('/notifications/:id/read', { schema: { tags, params: uuidParam, response: noContentResponses } }, async (request, reply) => {
    await services.notification.markRead(requireActor(request), request.params.id);
    return reply.status(204).send();
  });

  app.post(
    '/notifications/read-all',
    { schema: { tags, response: { 200: readAllResponse, ...errorResponses } } },
    async (request) => ({ marked: await services.notification.markAllRead(requireActor(request)) }),
  );

  app.post(
    '/tasks/:id/notifications/read',
    {
      schema: {
        tags,
        summary: 'Marks read what points at the task or its reports, as its page is opened',
        params: uuidParam,
        response: { 200: readAllResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await services.task.assertReadable(actor, request.params.id);
      return { marked: await services.notification.markTaskRead(actor, request.params.id) };
    },
  );

  app.get(
    '/me/notification-preferences',
    { schema: { tags, summary: 'Channels the caller is told through', response: { 200: preferencesSchema, ...errorResponses } } },
    async (request) => services.notification.preferences(requireActor(request)),
  );

  app.put(
    '/me/notification-preferences',
    { schema: { tags, body: preferencesSchema, response: { 200: preferencesSchema, ...errorResponses } } },
    async (request) => services.notification.updatePreferences(requireActor(request), request.body),
  );
};
