import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { badRequest } from '../../app-error.ts';
import { errorResponses, errorSchema, uuidParam } from '../../http/common.schemas.ts';
import { contentDisposition } from '../../http/content-disposition.ts';
import { requireActor } from '../../http/session.ts';
import type { Services } from '../../app/services.ts';
import { attachmentList, attachmentSchema } from './attachment.schemas.ts';

const tags = ['attachments'];

export const attachmentRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/reports/:id/attachments',
    { schema: { tags, summary: 'Evidence files of a report', params: uuidParam, response: { 200: attachmentList, ...errorResponses } } },
    async (request) => ({ items: await services.attachment.listForReport(requireActor(request), request.params.id) }),
  );

  app.post(
    '/reports/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Upload one evidence file (multipart field "file"): PDF, images, Word, Excel, PowerPoint, checked by content',
        consumes: ['multipart/form-data'],
        params: uuidParam,
        response: { 201: attachmentSchema, 413: errorSchema, 415: errorSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const part = await request.file().catch((error: unknown) => {
        // The multipart parser's own refusals (no boundary, a body that is not multipart) carry no HTTP status.
        if (error instanceof Error && !('statusCode' in error)) {
          throw badRequest('attachment.malformed', 'The body is not multipart/form-data with a file part');
        }
        throw error;
      });
      if (!part) throw badRequest('attachment.file_required', 'Send the file as multipart/form-data');
      const attachment = await services.attachment.uploadToReport(actor, request.params.id, {
        fileName: part.filename,
        stream: part.file,
        truncated: () => part.file.truncated,
      });
      return reply.status(201).send(attachment);
    },
  );

  app.get(
    '/attachments/:id',
    { schema: { tags, summary: 'Download an attachment', params: uuidParam, response: { 200: z.unknown().describe('The file'), 410: errorSchema.describe('The file is no longer in storage'), ...errorResponses } } },
    async (request, reply) => {
      const { attachment, stream } = await services.attachment.open(requireActor(request), request.params.id);
      return reply
        .header('content-type', attachment.contentType)
        .header('content-length', attachment.size)
        .header('content-disposition', contentDisposition(attachment.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );
};
