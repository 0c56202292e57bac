import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, uuidParam } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/session.ts';
import type { Services } from '../../app/services.ts';
import {
  createMemberUserBody,
  createUserBody,
  memberUserResponse,
  updateOwnProfileBody,
  updateUserBody,
  userListQuery,
  userListResponse,
  userViewSchema,
  userWithPasswordResponse,
  versionBody,
} from './user.schemas.ts';

const tags = ['users'];

export const userRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/users',
    { schema: { tags, summary: 'Users, for administrators', querystring: userListQuery, response: { 200: userListResponse, ...errorResponses } } },
    async (request) => {
      const { items, total } = await services.user.list(requireActor(request), request.query);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    '/users/:id',
    { schema: { tags, params: uuidParam, response: { 200: userViewSchema, ...errorResponses } } },
    async (request) => services.user.get(requireActor(request), request.params.id),
  );

  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Register a user; they choose their own password at the first login',
        body: createUserBody,
        response: { 201: userWithPasswordResponse, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await services.user.register(requireActor(request), request.body)),
  );

  app.patch(
    '/me',
    {
      schema: {
        tags,
        summary: "Change the caller's own mail address or language; another account's address answers 409 user.email_taken; refused to an API token",
        body: updateOwnProfileBody,
        response: { 200: userViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { version, ...patch } = request.body;
      return services.user.updateOwnProfile(requireActor(request), version, patch);
    },
  );

  app.patch(
    '/users/:id',
    { schema: { tags, params: uuidParam, body: updateUserBody, response: { 200: userViewSchema, ...errorResponses } } },
    async (request) => {
      const { version, ...patch } = request.body;
      return services.user.update(requireActor(request), request.params.id, version, patch);
    },
  );

  app.post(
    '/users/:id/disable',
    {
      schema: { tags, summary: 'Refuse the user logging in; ends their sessions and revokes their API tokens', params: uuidParam, body: versionBody, response: { 200: userViewSchema, ...errorResponses } },
    },
    async (request) => services.user.setDisabled(requireActor(request), request.params.id, request.body.version, true),
  );

  app.post(
    '/users/:id/enable',
    { schema: { tags, summary: 'Let a disabled user log in again', params: uuidParam, body: versionBody, response: { 200: userViewSchema, ...errorResponses } } },
    async (request) => services.user.setDisabled(requireActor(request), request.params.id, request.body.version, false),
  );

  app.post(
    '/users/:id/password-reset',
    {
      schema: {
        tags,
        summary: "Replace the user's password by a temporary one, answered once; ends their sessions",
        params: uuidParam,
        body: versionBody,
        response: { 200: userWithPasswordResponse.extend({ temporaryPassword: userWithPasswordResponse.shape.temporaryPassword.unwrap() }), ...errorResponses },
      },
    },
    async (request) => services.user.resetPassword(requireActor(request), request.params.id, request.body.version),
  );

  app.post(
    '/cooperations/:id/member-users',
    {
      schema: {
        tags,
        summary: 'A side\'s office registers a user of its own side and appoints them; the temporary password is answered once',
        params: uuidParam,
        body: createMemberUserBody,
        response: { 201: memberUserResponse, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await services.user.registerMember(requireActor(request), request.params.id, request.body)),
  );
};
