import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, noContentResponses, uuidParam } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/session.ts';
import { deleteQuery } from '../../http/common.schemas.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../access/actor.ts';
import type { Services } from '../../app/services.ts';
import {
  addMembershipBody,
  addPartyBody,
  cooperationListQuery,
  cooperationListResponse,
  cooperationSchema,
  createCooperationBody,
  membershipParams,
  membershipSchema,
  partyOrderBody,
  partyParams,
  updateCooperationBody,
  updatePartyBody,
} from './cooperation.schemas.ts';

const tags = ['cooperations'];

export const cooperationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/cooperations',
    { schema: { tags, summary: 'Cooperations the caller may see', querystring: cooperationListQuery, response: { 200: cooperationListResponse, ...errorResponses } } },
    async (request) => {
      const result = await services.cooperation.list(requireActor(request), request.query);
      return { ...result, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    '/cooperations/:id',
    { schema: { tags, params: uuidParam, response: { 200: cooperationSchema, ...errorResponses } } },
    async (request) => services.cooperation.get(requireActor(request), request.params.id),
  );

  app.post(
    '/cooperations',
    {
      schema: {
        tags,
        summary: "Create a cooperation; its creator becomes the office of the side of its own unit's region, and the other sides' offices may be named",
        body: createCooperationBody,
        response: { 201: cooperationSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { periods, ...input } = request.body;
      const setUp = periods ? (tx: Db, acting: Actor, id: string) => services.period.generateThisYearIn(tx, acting, id, periods) : undefined;
      return reply.status(201).send(await services.cooperation.create(requireActor(request), input, setUp));
    },
  );

  app.patch(
    '/cooperations/:id',
    { schema: { tags, params: uuidParam, body: updateCooperationBody, response: { 200: cooperationSchema, ...errorResponses } } },
    async (request) => {
      const { version, ...patch } = request.body;
      return services.cooperation.update(requireActor(request), request.params.id, version, patch);
    },
  );

  app.delete(
    '/cooperations/:id',
    { schema: { tags, params: uuidParam, querystring: deleteQuery, response: noContentResponses } },
    async (request, reply) => {
      await services.cooperation.delete(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );

  app.post(
    '/cooperations/:id/parties',
    { schema: { tags, params: uuidParam, body: addPartyBody, response: { 201: cooperationSchema, ...errorResponses } } },
    async (request, reply) =>
      reply.status(201).send(await services.cooperation.addParty(requireActor(request), request.params.id, request.body)),
  );

  app.put(
    '/cooperations/:id/party-order',
    { schema: { tags, summary: 'The order the parties are listed in', params: uuidParam, body: partyOrderBody, response: { 200: cooperationSchema, ...errorResponses } } },
    async (request) => services.cooperation.orderParties(requireActor(request), request.params.id, request.body.partyIds),
  );

  app.patch(
    '/cooperations/:id/parties/:partyId',
    { schema: { tags, params: partyParams, body: updatePartyBody, response: { 200: cooperationSchema, ...errorResponses } } },
    async (request) => {
      const { version, ...patch } = request.body;
      return services.cooperation.updateParty(requireActor(request), request.params.id, request.params.partyId, version, patch);
    },
  );

  app.delete(
    '/cooperations/:id/parties/:partyId',
    { schema: { tags, params: partyParams, querystring: deleteQuery, response: noContentResponses } },
    async (request, reply) => {
      await services.cooperation.removeParty(requireActor(request), request.params.id, request.params.partyId, request.query.version);
      return reply.status(204).send();
    },
  );

  app.get(
    '/cooperations/:id/memberships',
    { schema: { tags, params: uuidParam, response: { 200: z.object({ items: z.array(membershipSchema) }), ...errorResponses } } },
    async (request) => ({ items: await services.cooperation.memberships(requireActor(request), request.params.id) }),
  );

  app.post(
    '/cooperations/:id/memberships',
    { schema: { tags, params: uuidParam, body: addMembershipBody, response: { 201: membershipSchema, ...errorResponses } } },
    async (request, reply) =>
      reply.status(201).send(await services.cooperation.addMembership(requireActor(request), request.params.id, request.body)),
  );

  app.delete(
    '/cooperations/:id/memberships/:membershipId',
    { schema: { tags, params: membershipParams, response: noContentResponses } },
    async (request, reply) => {
      await services.cooperation.removeMembership(requireActor(request), request.params.id, request.params.membershipId);
      return reply.status(204).send();
    },
  );
};
