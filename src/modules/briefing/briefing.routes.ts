import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../app/services.ts';
import { z } from 'zod';
import { errorResponses, errorSchema, uuidParam } from '../../http/common.schemas.ts';
import { contentDisposition } from '../../http/content-disposition.ts';
import { requireActor } from '../../http/session.ts';
import { briefingDocumentQuery, briefingNoteSchema, briefingQuery, briefingSchema, saveBriefingNoteBody } from './briefing.schemas.ts';

const tags = ['briefing'];

export const briefingRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/cooperations/:id/briefing',
    {
      schema: {
        tags,
        summary: "工作简报 of a cooperation for one reporting period, under the reader's visibility: headline numbers, what moved, what is late and whose, money and targets, decisions needed, 领导关注",
        params: uuidParam,
        querystring: briefingQuery,
        response: { 200: briefingSchema, ...errorResponses },
      },
    },
    async (request) => services.briefing.get(requireActor(request), request.params.id, request.query),
  );

  app.get(
    '/cooperations/:id/briefing.pdf',
    {
      schema: {
        tags,
        summary: 'The briefing as an A4 PDF (CJK fonts embedded, running header, page numbers), printed by Chromium from the print view with the same data as the JSON answer',
        params: uuidParam,
        querystring: briefingDocumentQuery,
        produces: ['application/pdf'],
        response: { 200: z.unknown().describe('application/pdf'), 503: errorSchema.describe('No Chromium or no built web app on this server'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { body, fileName } = await services.briefing.pdf(requireActor(request), request.params.id, request.query);
      return reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition(fileName)).header('cache-control', 'private, no-store').send(body);
    },
  );

  app.put(
    '/cooperations/:id/briefing/note',
    {
      schema: {
        tags,
        summary: "Write a period's 领导关注 paragraph (cooperation offices); send the version read, 0 for the first — a stale one gets 409",
        params: uuidParam,
        body: saveBriefingNoteBody,
        response: { 200: briefingNoteSchema, ...errorResponses },
      },
    },
    async (request) => services.briefing.saveNote(requireActor(request), request.params.id, request.body),
  );
};
