import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../app-error.ts';
import { errorResponses, noContentResponses } from '../../http/common.schemas.ts';
import { clearSessionCookies, requireActor, setSessionCookies, tokenOf } from '../../http/session.ts';
import type { Services } from '../../app/services.ts';
import { changePasswordBody, changePasswordResponse, loginBody, loginResponse, meResponse } from './auth.schemas.ts';
import type { UserRow } from './auth.repository.ts';

const tags = ['auth'];

const presentUser = (u: UserRow) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  email: u.email,
  isAdmin: u.isAdmin,
  locale: u.locale,
  organizationId: u.organizationId,
  mustChangePassword: u.mustChangePassword,
  version: u.version,
});

export const authRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/auth/login',
    {
      schema: { tags, summary: 'Log in: sets the session cookie and returns a bearer token', body: loginBody, response: { 200: loginResponse, ...errorResponses } },
      // Guessers are slowed by the service's throttle, kept in the database; this per-process cap only keeps a flood from reaching it.
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, user, expiresAt } = await services.auth.login(request.body.username, request.body.password, request.ip);
      setSessionCookies(reply, token, expiresAt, services.config.session.cookieSecure);
      return { token, user: presentUser(user) };
    },
  );

  app.post('/auth/logout', { schema: { tags, response: noContentResponses } }, async (request, reply) => {
    const token = tokenOf(request);
    if (token) await services.auth.logout(token);
    clearSessionCookies(reply);
    return reply.status(204).send();
  });

  app.post(
    '/auth/logout-everywhere',
    {
      schema: {
        tags,
        summary: 'End every session of the caller and revoke every API token they issued; refused to an API token',
        response: { 200: z.object({ ended: z.number().int(), tokensRevoked: z.number().int() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await services.auth.logoutEverywhere(requireActor(request));
      clearSessionCookies(reply);
      return result;
    },
  );

  app.get(
    '/me',
    { schema: { tags, summary: 'The caller; through an API token, only its cooperation and scope', response: { 200: meResponse, ...errorResponses } } },
    async (request) => {
      const actor = requireActor(request);
      const { user, memberships, organization, can, landing } = await services.auth.me(actor);
      // A token never carries its user's administrator rights, so it is not presented as an administrator.
      return {
        user: { ...presentUser(user), isAdmin: actor.isAdmin },
        memberships,
        organization,
        apiToken: actor.token ?? null,
        can,
        landing,
        limits: { uploadMaxBytes: services.attachment.maxBytes },
      };
    },
  );

  app.post(
    '/me/password',
    {
      schema: {
        tags,
        summary: "Change the caller's own password; ends their other sessions, keeps this one; refused to an API token",
        body: changePasswordBody,
        response: { 200: changePasswordResponse, ...errorResponses },
      },
      // A stolen session must not become a fast way to guess the password behind it.
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request) => {
      const actor = requireActor(request);
      const token = tokenOf(request);
      if (!token) throw new AppError('auth.required', 401, 'Please log in');
      return services.auth.changePassword(actor, token, request.body.currentPassword, request.body.newPassword);
    },
  );
};
