import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, badRequest } from '../../app-error.ts';
import { errorResponses, errorSchema, uuidParam } from '../../http/common.schemas.ts';
import { requireActor } from '../../http/session.ts';
import type { Services } from '../../app/services.ts';
import { ledgerExportQuery, ledgerImportQuery, ledgerImportResponse } from './ledger-exchange.schemas.ts';

const tags = ['tasks'];

/** RFC 6266 / 5987: an ASCII fallback name and the exact UTF-8 name. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The bytes of the file: unknown to the serializer (a Buffer is sent as it is), a binary string to OpenAPI. */
const binary = z.unknown().meta({ type: 'string', format: 'binary' });
const mappingSchema = z.record(z.string().max(200), z.string().max(100));

export const ledgerExchangeRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/cooperations/:id/tasks/export',
    {
      schema: {
        tags,
        summary: 'The task ledger as a file, under the ledger’s own filters: xlsx (with a hidden sheet of ids and versions, so it can come back), csv or json',
        params: uuidParam,
        querystring: ledgerExportQuery,
        response: {
          200: {
            description: 'The file, named in Content-Disposition',
            content: {
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: binary },
              'text/csv': { schema: binary },
              'application/json': { schema: binary },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { format, lang, ...filters } = request.query;
      const file = await services.ledgerExchange.export(requireActor(request), request.params.id, filters, format, lang);
      return reply.header('content-type', file.contentType).header('content-disposition', contentDisposition(file.fileName)).header('x-content-type-options', 'nosniff').send(file.body);
    },
  );

  app.post(
    '/cooperations/:id/tasks/import',
    {
      schema: {
        tags,
        summary:
          'Import a task ledger (multipart: field "file", .xlsx or .csv; optional field "mapping", JSON {header: columnKey|"ignore"}). dry-run reports each row and changes nothing; commit applies every row or none',
        consumes: ['multipart/form-data'],
        params: uuidParam,
        querystring: ledgerImportQuery,
        response: { 200: ledgerImportResponse, 413: errorSchema, 422: errorSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      let file: { fileName: string; data: Buffer } | null = null;
      let mapping: Record<string, string> = {};
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            const data = await part.toBuffer();
            file = { fileName: part.filename, data };
          } else if (part.fieldname === 'mapping' && typeof part.value === 'string' && part.value.trim()) {
            const parsed = mappingSchema.safeParse(JSON.parse(part.value));
            if (!parsed.success) throw badRequest('ledger_import.bad_mapping', 'The mapping is a JSON object of header → column key');
            mapping = parsed.data;
          }
        }
      } catch (error) {
        if (error instanceof AppError) throw error;
        if (error instanceof SyntaxError) throw badRequest('ledger_import.bad_mapping', 'The mapping is a JSON object of header → column key');
        // The multipart parser's own refusals (no boundary, a body that is not multipart) carry no HTTP status.
        if (error instanceof Error && !('statusCode' in error)) {
          throw badRequest('attachment.malformed', 'The body is not multipart/form-data with a file part');
        }
        throw error;
      }
      if (!file) throw badRequest('attachment.file_required', 'Send the file as multipart/form-data');
      return services.ledgerExchange.import(actor, request.params.id, file, request.query.mode, mapping);
    },
  );
};
