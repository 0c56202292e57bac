import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../app-error.ts';
import type { Actor } from '../modules/access/actor.ts';

/** The session as routes see it: who is asking (set by the auth plugin of the app), and the cookies a login sets. */

export const SESSION_COOKIE = 'ld_session';
export const CSRF_COOKIE = 'ld_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** How the actor was identified; CSRF applies to cookies only. */
    authMethod: 'cookie' | 'bearer' | 'api_token' | null;
  }
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

export function setSessionCookies(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  const common = { path: '/', sameSite: 'lax' as const, secure, expires: expiresAt };
  reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, randomBytes(18).toString('base64url'), { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('auth.required', 401, 'Please log in');
  return request.actor;
}

export function tokenOf(request: FastifyRequest): string | undefined {
  return bearerToken(request) ?? request.cookies[SESSION_COOKIE];
}
