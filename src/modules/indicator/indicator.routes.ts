import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, noContentResponses, uuidParam } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/session.ts';
import type { Services } from '../../app/services.ts';
import {
  createActualBody,
  createIndicatorBody,
  createTargetBody,
  indicatorList,
  indicatorListQuery,
  indicatorSchema,
  updateActualBody,
  updateIndicatorBody,
  updateTargetBody,
  versionQuery,
} from './indicator.schemas.ts';

const tags = ['indicators'];

export const indicatorRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/cooperations/:id/indicators',
    {
      schema: {
        tags,
        summary: 'Indicators with their targets, actuals and the status of each target by 序时进度',
        params: uuidParam,
        querystring: indicatorListQuery,
        response: { 200: indicatorList, ...errorResponses },
      },
    },
    async (request) => services.indicator.list(requireActor(request), request.params.id, request.query),
  );

  app.post(
    '/cooperations/:id/indicators',
    { schema: { tags, params: uuidParam, body: createIndicatorBody, response: { 201: indicatorSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await services.indicator.create(requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/indicators/:id',
    { schema: { tags, params: uuidParam, response: { 200: indicatorSchema, ...errorResponses } } },
    async (request) => services.indicator.get(requireActor(request), request.params.id),
  );

  app.patch(
    '/indicators/:id',
    { schema: { tags, params: uuidParam, body: updateIndicatorBody, response: { 200: indicatorSchema, ...errorResponses } } },
    async (request) => {
      const { version, ...patch } = request.body;
      return services.indicator.update(requireActor(request), request.params.id, version, patch);
    },
  );

  app.delete(
    '/indicators/:id',
    { schema: { tags, summary: 'Delete the indicator with its targets and actuals', params: uuidParam, querystring: versionQuery, response: noContentResponses } },
    async (request, reply) => {
      await services.indicator.delete(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );

  app.post(
    '/indicators/:id/targets',
    { schema: { tags, summary: 'Add a target for a year; answers the indicator', params: uuidParam, body: createTargetBody, response: { 201: indicatorSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await services.indicator.addTarget(requireActor(request), request.params.id, request.body)),
  );

  app.patch(
    '/indicator-targets/:id',
    { schema: { tags, summary: 'Change a target; answers its indicator', params: uuidParam, body: updateTargetBody, response: { 200: indicatorSchema, ...errorResponses } } },
    async (request) => {
      const { version, ...patch } = request.body;
      return services.indicator.updateTarget(requireActor(request), request.params.id, version, patch);
    },
  );

  app.delete(
    '/indicator-targets/:id',
    { schema: { tags, summary: 'Remove a target; answers its indicator', params: uuidParam, querystring: versionQuery, response: { 200: indicatorSchema, ...errorResponses } } },
    async (request) => services.indicator.deleteTarget(requireActor(request), request.params.id, request.query.version),
  );

  app.post(
    '/indicators/:id/actuals',
    {
      schema: {
        tags,
        summary: "An office's figure for a reporting period, with its source; answers the indicator",
        params: uuidParam,
        body: createActualBody,
        response: { 201: indicatorSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await services.indicator.addActual(requireActor(request), request.params.id, request.body)),
  );

  app.patch(
    '/indicator-actuals/:id',
    { schema: { tags, summary: 'Correct an actual; it becomes the office’s, with its note', params: uuidParam, body: updateActualBody, response: { 200: indicatorSchema, ...errorResponses } } },
    async (request) => {
      const { version, ...patch } = request.body;
      return services.indicator.updateActual(requireActor(request), request.params.id, version, patch);
    },
  );

  app.delete(
    '/indicator-actuals/:id',
    { schema: { tags, summary: 'Remove an actual; answers its indicator', params: uuidParam, querystring: versionQuery, response: { 200: indicatorSchema, ...errorResponses } } },
    async (request) => services.indicator.deleteActual(requireActor(request), request.params.id, request.query.version),
  );
};
