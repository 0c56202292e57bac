import { ledgerExchangeRoutes } from '../modules/ledger-exchange/ledger-exchange.routes.ts';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from './services.ts';
import { agreementRoutes } from '../modules/agreement/agreement.routes.ts';
import { attachmentRoutes } from '../modules/attachment/attachment.routes.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { apiTokenRoutes } from '../modules/api-token/api-token.routes.ts';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { clauseRoutes } from '../modules/clause/clause.routes.ts';
import { commentRoutes } from '../modules/comment/comment.routes.ts';
import { cooperationRoutes } from '../modules/cooperation/cooperation.routes.ts';
import { indicatorRoutes } from '../modules/indicator/indicator.routes.ts';
import { projectRoutes } from '../modules/project/project.routes.ts';
import { signingEventRoutes } from '../modules/signing-event/signing-event.routes.ts';
import { crossSideTransactionRoutes } from '../modules/cross-side-transaction/cross-side-transaction.routes.ts';
import { ingestRoutes } from '../modules/ingest/ingest.routes.ts';
import { healthRoutes } from '../modules/health/health.routes.ts';
import { notificationRoutes } from '../modules/notification/notification.routes.ts';
import { organizationRoutes } from '../modules/organization/organization.routes.ts';
import { periodRoutes } from '../modules/period/period.routes.ts';
import { regionRoutes } from '../modules/region/region.routes.ts';
import { reportRoutes } from '../modules/report/report.routes.ts';
import { invalidatePortalOnWrites, portalRoutes } from '../modules/portal/portal.routes.ts';
import { milestoneRoutes } from '../modules/milestone/milestone.routes.ts';
import { supervisionRoutes } from '../modules/supervision/supervision.routes.ts';
import { documentRoutes } from '../modules/document/document.routes.ts';
import { briefingRoutes } from '../modules/briefing/briefing.routes.ts';
import { dashboardRoutes } from '../modules/dashboard/dashboard.routes.ts';
import { overviewRoutes } from '../modules/overview/overview.routes.ts';
import { taskRoutes } from '../modules/task/task.routes.ts';
import { userRoutes } from '../modules/user/user.routes.ts';
import { authPlugin } from './auth-plugin.ts';
import { WEB_DIST } from './web-dist.ts';

export { WEB_DIST };
import { clientErrorHandler, frameworkErrors, registerErrorHandler } from '../http/error-handler.ts';

/** Agreement texts are up to a million characters of UTF-8 Chinese (3 bytes each). */
const BODY_LIMIT = 4 * 1024 * 1024;

export interface AppOptions {
  services: Services;
  logger?: boolean;
}

/** Plugins in a fixed order: errors → security → auth → API docs → routes → web. */
export async function buildApp({ services, logger = true }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: services.config.logLevel } : false,
    bodyLimit: BODY_LIMIT,
    requestTimeout: services.config.http.requestTimeoutMs,
    // Node enforces the timeout only as precisely as it checks (every 30 s by default), and waits out headersTimeout first.
    http: {
      connectionsCheckingInterval: Math.min(30_000, Math.max(100, services.config.http.requestTimeoutMs / 4)),
      headersTimeout: Math.min(60_000, services.config.http.requestTimeoutMs),
    },
    // Ids in URLs are UUIDs; anything longer is not ours.
    routerOptions: { maxParamLength: 200 },
    // On SIGTERM the listener closes; a request already on an accepted connection is served, not refused with 503.
    return503OnClosing: false,
    clientErrorHandler,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(helmet, {
    // HSTS and the Secure cookie follow one setting: telling browsers "HTTPS only" from a plain-HTTP intranet
    // address would lock users out, and a cookie without Secure under HSTS would mean the setting is half-made.
    strictTransportSecurity: services.config.session.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Only behind HTTPS: on a plain-HTTP intranet address the upgrade would break every asset.
        upgradeInsecureRequests: services.config.session.cookieSecure ? [] : null,
      },
    },
  });
  await app.register(cookie);
  // One evidence file per request; the service enforces the size itself too (one byte more here lets it see the overflow).
  await app.register(multipart, { limits: { fileSize: services.config.uploads.maxBytes + 1, files: 1, fields: 10, parts: 11 } });
  await app.register(rateLimit, { global: false });
  await app.register(authPlugin, { auth: services.auth, apiTokens: services.apiToken, cookieSecure: services.config.session.cookieSecure });

  await app.register(swagger, {
    openapi: {
      info: { title: 'Liandong API', description: 'Cross-regional cooperation: agreements, clauses, tasks, reports', version: services.config.version },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'ld_session' } } },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(
    async (api) => {
      for (const routes of [healthRoutes, authRoutes, regionRoutes, organizationRoutes, cooperationRoutes, agreementRoutes, clauseRoutes, projectRoutes, signingEventRoutes, crossSideTransactionRoutes, indicatorRoutes, ingestRoutes, apiTokenRoutes, notificationRoutes, auditRoutes, periodRoutes, reportRoutes, attachmentRoutes, commentRoutes, ledgerExchangeRoutes, taskRoutes, milestoneRoutes, supervisionRoutes, dashboardRoutes, briefingRoutes, documentRoutes, overviewRoutes, userRoutes]) {
        await api.register(routes, { services });
      }
    },
    { prefix: '/api/v1' },
  );

  // API answers carry one user's data: no browser or proxy cache may keep them (a shared office PC, a caching proxy).
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  invalidatePortalOnWrites(app, services.portal, services.overview);
  await app.register(portalRoutes, { services });

  await registerWeb(app);
  return app;
}

/** The SPA: built assets, and index.html for any other GET outside /api so client routes survive a reload. */
async function registerWeb(app: FastifyInstance): Promise<void> {
  const indexHtml = path.join(WEB_DIST, 'index.html');
  if (!fs.existsSync(indexHtml)) return;
  await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
  app.get('/', (_request, reply) => reply.sendFile('index.html'));
  app.get('/*', (request, reply) => {
    const urlPath = request.url.split('?')[0] ?? '/';
    if (urlPath.startsWith('/api/')) {
      return reply.status(404).send({ error: { code: 'route.not_found', message: `No route GET ${urlPath}` } });
    }
    const file = path.join(WEB_DIST, path.normalize(urlPath));
    if (file.startsWith(WEB_DIST + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return reply.sendFile(path.relative(WEB_DIST, file));
    }
    return reply.sendFile('index.html');
  });
}
