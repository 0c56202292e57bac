import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../app/services.ts';
import { errorResponses, uuidParam } from '../../http/common.schemas.ts';
import { contentDisposition } from '../../http/content-disposition.ts';
import { requireActor } from '../../http/session.ts';
import { briefingQuery } from '../briefing/briefing.schemas.ts';

const tags = ['documents'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const docxAnswer = { 200: z.unknown().describe(DOCX), ...errorResponses };

export const documentRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const send = (reply: { header(k: string, v: string): unknown }, file: { body: Buffer; fileName: string }) => {
    reply.header('content-type', DOCX);
    reply.header('content-disposition', contentDisposition(file.fileName));
    reply.header('cache-control', 'private, no-store');
    return file.body;
  };

  app.get(
    '/cooperations/:id/documents/briefing.docx',
    { schema: { tags, summary: '工作简报 of a period as Word, in the GB/T 9704-2012 layout, with what the reader may see', params: uuidParam, querystring: briefingQuery, produces: [DOCX], response: docxAnswer } },
    async (request, reply) => send(reply, await services.document.briefingDocx(requireActor(request), request.params.id, request.query)),
  );

  app.get(
    '/cooperations/:id/documents/bulletin.docx',
    { schema: { tags, summary: '督办通报 of a period as Word (GB/T 9704-2012): overdue work by unit, notices out / signed / overdue, areas, money, targets', params: uuidParam, querystring: briefingQuery, produces: [DOCX], response: docxAnswer } },
    async (request, reply) => send(reply, await services.document.bulletinDocx(requireActor(request), request.params.id, request.query)),
  );

  app.get(
    '/supervision-notices/:id/document.docx',
    { schema: { tags: ['supervision', ...tags], summary: '督办单: one supervision notice as Word (GB/T 9704-2012)', params: uuidParam, produces: [DOCX], response: docxAnswer } },
    async (request, reply) => send(reply, await services.document.noticeDocx(requireActor(request), request.params.id)),
  );
};
