import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, noContentResponses, uuidParam } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/session.ts';
import { deleteQuery } from '../../http/common.schemas.ts';
import type { Services } from '../../app/services.ts';
import {
  createProjectBody,
  createTransactionBody,
  projectDetailSchema,
  projectListQuery,
  projectListSchema,
  projectTotalsQuery,
  projectTotalsSchema,
  stageChangeBody,
  stageTemplateSchema,
  updateProjectBody,
  updateStageTemplateBody,
  updateTransactionBody,
} from './project.schemas.ts';

const tags = ['projects'];

export const projectRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/cooperations/:id/projects',
    { schema: { tags, summary: 'Projects of a cooperation, filtered, with the totals of all those filtered (the counting rule)', params: uuidParam, querystring: projectListQuery, response: { 200: projectListSchema, ...errorResponses } } },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return services.project.list(requireActor(request), request.params.id, filter, { page, pageSize });
    },
  );

  app.get(
    '/cooperations/:id/project-totals',
    { schema: { tags, summary: 'Project totals by side, industry, stage, event or year; entries dated from/to', params: uuidParam, querystring: projectTotalsQuery, response: { 200: projectTotalsSchema, ...errorResponses } } },
    async (request) => {
      const { by, from, to, ...filter } = request.query;
      return services.project.totals(requireActor(request), request.params.id, filter, { from, to }, by ?? null);
    },
  );

  app.post(
    '/cooperations/:id/projects',
    { schema: { tags, params: uuidParam, body: createProjectBody, response: { 201: projectDetailSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await services.project.create(requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/cooperations/:id/project-stages',
    { schema: { tags, summary: "The cooperation's stage template (the default until it is edited)", params: uuidParam, response: { 200: stageTemplateSchema, ...errorResponses } } },
    async (request) => services.project.stageTemplate(requireActor(request), request.params.id),
  );

  app.put(
    '/cooperations/:id/project-stages',
    { schema: { tags, params: uuidParam, body: updateStageTemplateBody, response: { 200: stageTemplateSchema, ...errorResponses } } },
    async (request) => services.project.replaceStageTemplate(requireActor(request), request.params.id, request.body.stages),
  );

  app.get(
    '/projects/:id',
    { schema: { tags, summary: 'A project: its stages and their history, its money entries, links', params: uuidParam, response: { 200: projectDetailSchema, ...errorResponses } } },
    async (request) => services.project.get(requireActor(request), request.params.id),
  );

  app.patch(
    '/projects/:id',
    { schema: { tags, params: uuidParam, body: updateProjectBody, response: { 200: projectDetailSchema, ...errorResponses } } },
    async (request) => {
      const { version, ...patch } = request.body;
      return services.project.update(requireActor(request), request.params.id, version, patch);
    },
  );

  app.delete(
    '/projects/:id',
    { schema: { tags, params: uuidParam, querystring: deleteQuery, response: noContentResponses } },
    async (request, reply) => {
      await services.project.delete(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );

  app.post(
    '/projects/:id/stage-changes',
    { schema: { tags, summary: 'Move the project to a stage, dated; backwards, halted or ended with a reason', params: uuidParam, body: stageChangeBody, response: { 201: projectDetailSchema, ...errorResponses } } },
    async (request, reply) => {
      const { version, ...change } = request.body;
      return reply.status(201).send(await services.project.changeStage(requireActor(request), request.params.id, version, change));
    },
  );

  app.post(
    '/projects/:id/transactions',
    { schema: { tags, summary: 'A dated money entry: 签约额 (contracted) or 到位资金 (in place); negative with a reason to correct', params: uuidParam, body: createTransactionBody, response: { 201: projectDetailSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await services.project.addTransaction(requireActor(request), request.params.id, request.body)),
  );

  app.patch(
    '/project-transactions/:id',
    { schema: { tags, summary: 'Change the date, sides, event or reason of an entry (amounts are corrected by a new entry)', params: uuidParam, body: updateTransactionBody, response: { 200: projectDetailSchema, ...errorResponses } } },
    async (request) => {
      const { version, ...patch } = request.body;
      return services.project.updateTransaction(requireActor(request), request.params.id, version, patch);
    },
  );

  app.delete(
    '/project-transactions/:id',
    { schema: { tags, params: uuidParam, querystring: deleteQuery, response: noContentResponses } },
    async (request, reply) => {
      await services.project.deleteTransaction(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );
};
