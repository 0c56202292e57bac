import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../app-error.ts';
import type { Services } from '../../app/services.ts';
import { PORTAL_CACHE_TTL_MS } from './portal.service.ts';
import { portalLanguage, renderCooperation, renderHome, renderNotFound } from './portal.view.ts';

const tags = ['portal'];
const html = z.string().describe('text/html');
const languageQuery = z.object({ lang: z.string().max(10).optional().describe('en for English; Chinese otherwise') });
/** Any id is taken, so that a mistyped link gets the portal's own not-found page rather than the API's JSON. */
const idParam = z.object({ id: z.string().max(100) });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Shared caches may keep a page as long as this server does. */
const CACHE_CONTROL = `public, max-age=${PORTAL_CACHE_TTL_MS / 1000}`;

/** The public portal: server-rendered pages of what is marked public, without login. */
export const portalRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/portal',
    { schema: { tags, summary: 'Public cooperations (HTML, no login)', produces: ['text/html'], querystring: languageQuery, response: { 200: html } } },
    async (request, reply) => {
      const page = renderHome(await services.portal.home(), portalLanguage(request.query.lang));
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
        params: idParam,
        querystring: languageQuery,
        response: { 200: html, 404: html },
      },
    },
    async (request, reply) => {
      const language = portalLanguage(request.query.lang);
      const notFound = () => reply.status(404).type('text/html; charset=utf-8').send(renderNotFound(language));
      if (!UUID.test(request.params.id)) return notFound();
      try {
        const page = renderCooperation(await services.portal.cooperation(request.params.id), language);
        return reply.type('text/html; charset=utf-8').header('cache-control', CACHE_CONTROL).send(page);
      } catch (error) {
        // A private cooperation is answered exactly like a missing one, as the service already decides.
        if (error instanceof AppError && error.httpStatus === 404) return notFound();
        throw error;
      }
    },
  );
};

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Any successful write through the API may change what the portal (and the overview) shows, so their caches are dropped. */
export function invalidatePortalOnWrites(app: FastifyInstance, ...caches: { invalidate(): void }[]): void {
  app.addHook('onResponse', async (request, reply) => {
    if (!READS.has(request.method) && reply.statusCode < 400) for (const cache of caches) cache.invalidate();
  });
}
