import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorSchema, uuidParam } from '../../http/common.schemas.ts';
import type { Services } from '../services.ts';
import { PORTAL_CACHE_TTL_MS, type PortalService } from './portal.service.ts';
import { renderCooperation, renderHome } from './portal.view.ts';

const tags = ['portal'];
const html = z.string().describe('text/html');
/** Shared caches may keep a page as long as this server does. */
const CACHE_CONTROL = `public, max-age=${PORTAL_CACHE_TTL_MS / 1000}`;

/** The public portal: server-rendered pages of what is marked public, without login. */
export const portalRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/portal',
    { schema: { tags, summary: 'Public cooperations (HTML, no login)', produces: ['text/html'], response: { 200: html } } },
    async (_request, reply) => {
      const page = renderHome(await services.portal.home());
      return reply.type('text/html; charset=utf-8').header('cache-control', CACHE_CONTROL).send(page);
    },
  );

  app.get(
    '/portal/cooperations/:id',
    {
      schema: {
        tags,
        summary: 'One public cooperation: parties, agreements, areas, projects, targets, progress (HTML, no login)',
        produces: ['text/html'],
        params: uuidParam,
        response: { 200: html, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const page = renderCooperation(await services.portal.cooperation(request.params.id));
      return reply.type('text/html; charset=utf-8').header('cache-control', CACHE_CONTROL).send(page);
    },
  );
};

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Any successful write through the API may change what the portal shows, so its cache is dropped. */
export function invalidatePortalOnWrites(app: FastifyInstance, portal: PortalService): void {
  app.addHook('onResponse', async (request, reply) => {
    if (!READS.has(request.method) && reply.statusCode < 400) portal.invalidate();
  });
}
