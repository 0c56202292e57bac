import { timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { AppError } from '../app-error.ts';
import { assertTokenMayWrite } from '../modules/access/policy.ts';
import { API_TOKEN_PREFIX, type ApiTokenService } from '../modules/api-token/api-token.service.ts';
import type { AuthService } from '../modules/auth/auth.service.ts';
import { bearerToken, CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../http/session.ts';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a user signed in with a temporary password may do: see who they are, choose their own password, log out. */
const OPEN_BEFORE_PASSWORD_CHANGE = new Set(['GET /api/v1/me', 'POST /api/v1/me/password', 'POST /api/v1/auth/logout', 'POST /api/v1/auth/logout-everywhere']);

export interface AuthPluginOptions {
  auth: AuthService;
  apiTokens: ApiTokenService;
  cookieSecure: boolean;
}

/** Identifies the actor of every /api request; cookie-authenticated writes must echo the CSRF cookie. */
export const authPlugin = fp<AuthPluginOptions>(async (app, options) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('authMethod', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const bearer = bearerToken(request);
    if (bearer?.startsWith(API_TOKEN_PREFIX)) {
      const actor = await options.apiTokens.authenticate(bearer);
      if (!actor) return;
      request.actor = actor;
      request.authMethod = 'api_token';
      if (!SAFE_METHODS.has(request.method)) assertTokenMayWrite(actor);
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    const token = bearer ?? cookie;
    if (!token) return;
    const actor = await options.auth.authenticate(token);
    if (!actor) return;
    request.actor = actor;
    request.authMethod = bearer ? 'bearer' : 'cookie';
    if (actor.mustChangePassword && !OPEN_BEFORE_PASSWORD_CHANGE.has(`${request.method} ${request.routeOptions.url ?? ''}`)) {
      throw new AppError('auth.password_change_required', 403, 'Choose a new password first (POST /api/v1/me/password): this one was given by an administrator');
    }
    if (request.authMethod === 'cookie' && !SAFE_METHODS.has(request.method)) {
      const expected = request.cookies[CSRF_COOKIE];
      const sent = request.headers[CSRF_HEADER];
      if (!expected || typeof sent !== 'string' || !sameSecret(expected, sent)) {
        throw new AppError('auth.csrf', 403, `Cookie-authenticated writes must send the ${CSRF_COOKIE} cookie value in ${CSRF_HEADER}`);
      }
    }
  });
});
