import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, uuidParam } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/session.ts';
import type { Services } from '../../app/services.ts';
import {
  createReportBody,
  inboxList,
  inboxQuery,
  reportList,
  reportSchema,
  reviewReportBody,
  reviseReportBody,
  submitReportBody,
  updateReportBody,
} from './report.schemas.ts';

const tags = ['progress reports'];

export const reportRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/tasks/:id/reports',
    { schema: { tags, summary: "A task's progress reports that the caller may see, newest first", params: uuidParam, response: { 200: reportList, ...errorResponses } } },
    async (request) => ({ items: await services.report.listForTask(requireActor(request), request.params.id) }),
  );

  app.post(
    '/tasks/:id/reports',
    { schema: { tags, summary: 'Start a draft report for a reporting period', params: uuidParam, body: createReportBody, response: { 201: reportSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await services.report.create(requireActor(request), request.params.id, request.body)),
  );

  app.get(
    '/reports/:id',
    { schema: { tags, params: uuidParam, response: { 200: reportSchema, ...errorResponses } } },
    async (request) => services.report.get(requireActor(request), request.params.id),
  );

  app.patch(
    '/reports/:id',
    { schema: { tags, summary: 'Edit a draft or returned report', params: uuidParam, body: updateReportBody, response: { 200: reportSchema, ...errorResponses } } },
    async (request) => {
      const { version, ...patch } = request.body;
      return services.report.update(requireActor(request), request.params.id, version, patch);
    },
  );

  app.post(
    '/reports/:id/submit',
    { schema: { tags, summary: 'Submit for review by the cooperation offices', params: uuidParam, body: submitReportBody, response: { 200: reportSchema, ...errorResponses } } },
    async (request) => services.report.submit(requireActor(request), request.params.id, request.body.version),
  );

  app.post(
    '/reports/:id/review',
    {
      schema: {
        tags,
        summary: "One side's decision; on a joint task every side must approve in the same round, and either side may return it",
        params: uuidParam,
        body: reviewReportBody,
        response: { 200: reportSchema, ...errorResponses },
      },
    },
    async (request) => services.report.review(requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/reports/:id/revisions',
    {
      schema: {
        tags,
        summary: 'Correct an approved report: a draft copy with the next revision and the reason for the correction',
        params: uuidParam,
        body: reviseReportBody,
        response: { 201: reportSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await services.report.revise(requireActor(request), request.params.id, request.body.reason)),
  );

  app.get(
    '/my/reports',
    { schema: { tags, summary: 'My work: reports to submit, to review, or returned to my unit', querystring: inboxQuery, response: { 200: inboxList, ...errorResponses } } },
    async (request) => ({ items: await services.report.inbox(requireActor(request), request.query.state) }),
  );
};
