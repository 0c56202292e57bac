import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../app-error.ts';
import { isDatabaseUnavailable, isInvalidValue } from '../db/pg-errors.ts';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const body = (code: string, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Fastify's own errors for malformed requests, by their stable codes. */
const FASTIFY_CODES: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'request.invalid_json', message: 'The body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'request.empty_body', message: 'The body is empty' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'request.too_large', message: 'The body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'request.unsupported_media_type',
    message: 'This content type is not accepted here',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'request.invalid_length', message: 'Content-Length does not match the body' },
  FST_ERR_CTP_INVALID_TYPE: { status: 400, code: 'request.invalid_content_type', message: 'Invalid Content-Type' },
};

/**
 * Errors Node raises before a request reaches Fastify (a header block too large, a request not received in time,
 * bytes that are not HTTP) are answered on the socket, in the same shape as every other error.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, answer] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, body('request.timeout', 'The request did not arrive in time')]
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, body('request.headers_too_large', 'The request headers are too large')]
        : [400, body('request.malformed', 'The request is not valid HTTP')];
  const text = JSON.stringify(answer);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy(error);
}

/** Fastify's router refusals (a URL that does not decode, an id longer than any of ours) in the same shape. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    reply.status(414).send(body('request.uri_too_long', 'A part of the address is too long'));
  } else if (error.code === 'FST_ERR_BAD_URL') {
    reply.status(400).send(body('request.bad_url', 'The address is not valid'));
  } else {
    reply.status(500).send(body('internal', 'Something went wrong on our side; it has been logged'));
  }
}

/** The one place where errors become HTTP answers; nothing else formats them. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return reply.status(error.httpStatus).send(body(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        path: `${error.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
        message: v.message ?? 'invalid',
      }));
      return reply.status(400).send(body('request.invalid', 'The request has invalid fields', details));
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return reply.status(known.status).send(body(known.code, known.message));
    if (error.statusCode === 429) {
      return reply.status(429).send(body('request.rate_limited', 'Too many requests; try again later'));
    }
    if (isInvalidValue(error)) {
      request.log.warn({ err: error }, 'a value the database refused reached a query');
      return reply.status(400).send(body('request.invalid_value', 'A value in the request is out of range or malformed'));
    }
    if (isDatabaseUnavailable(error)) {
      request.log.error({ err: error }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', '5')
        .send(body('database.unavailable', 'The database is not reachable right now; try again shortly'));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, cause: error.cause }, 'response did not match its schema');
    } else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(body('request.invalid', error.message));
    } else {
      request.log.error({ err: error }, 'unhandled error');
    }
    return reply.status(500).send(body('internal', 'Something went wrong on our side; it has been logged'));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(body('route.not_found', `No route ${request.method} ${request.url.split('?')[0]}`));
  });
}
