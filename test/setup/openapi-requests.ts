import { randomUUID } from 'node:crypto';

/**
 * Requests generated from the app's own OpenAPI document, for tests that must
 * cover every route, including routes added after the test was written
 * (authorization matrix, fuzzing).
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
  description?: string;
}

interface OpenApiParameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  summary?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Operation {
  method: HttpMethod;
  /** As the document writes it: /api/v1/tasks/{id}. */
  path: string;
  key: string;
  summary: string;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; required: boolean; schema: JsonSchema }[];
  bodySchema: JsonSchema | null;
  multipart: boolean;
}

const METHODS = new Set(['get', 'post', 'patch', 'put', 'delete']);

export function listOperations(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const parameters = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      const upper = method.toUpperCase() as HttpMethod;
      operations.push({
        method: upper,
        path,
        key: `${upper} ${path}`,
        summary: op.summary ?? '',
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: !!p.required, schema: p.schema ?? {} })),
        bodySchema: content['application/json']?.schema ?? null,
        // Upload routes declare no JSON body; the document names multipart in the content type or the summary.
        multipart: !!content['multipart/form-data'] || /multipart/i.test(op.summary ?? ''),
      });
    }
  }
  return operations;
}

/** The path param's place: the collection segment just before it (`tasks` for /tasks/{id}). */
export function collectionBefore(path: string, param: string): string | null {
  const segments = path.split('/');
  const at = segments.indexOf(`{${param}}`);
  for (let i = at - 1; i >= 0; i--) {
    const segment = segments[i];
    if (segment && !segment.startsWith('{')) return segment;
  }
  return null;
}

/** Percent-encodes like encodeURIComponent, and a lone surrogate as the ill-formed UTF-8 a hostile client would send. */
function encodePart(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value].map((ch) => {
      const unit = ch.charCodeAt(0);
      if (ch.length === 1 && unit >= 0xd800 && unit <= 0xdfff) return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
      return encodeURIComponent(ch);
    }).join('');
  }
}

export function buildUrl(path: string, params: Record<string, string>, query: Record<string, string | number | boolean> = {}): string {
  const filled = path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodePart(params[name] ?? ''));
  const entries = Object.entries(query);
  return entries.length ? `${filled}?${entries.map(([k, v]) => `${encodePart(k)}=${encodePart(String(v))}`).join('&')}` : filled;
}

const typeOf = (schema: JsonSchema): string | undefined => (Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type);

/** A value that satisfies the pattern, among plausible ones (money, codes, dates). */
function fromPattern(pattern: string, minLength: number): string | undefined {
  const re = new RegExp(pattern);
  const candidates = ['1', '100', '370200', 'CNY', '2026-01-15', '2026-01-15T08:00:00Z', 'x', 'abc', 'a'.repeat(Math.max(1, minLength)), '1.5', 'A1'];
  return candidates.find((c) => re.test(c) && c.length >= minLength);
}

/**
 * Resolves a field to a real value by its name (partyId → a party of the
 * scenario); undefined lets the generator make one up from the schema.
 */
export type FieldResolver = (name: string, schema: JsonSchema) => unknown;

/** The smallest valid value: required properties only, lower bounds, first enum member; `version` fields are stale on purpose. */
export function minimalValue(schema: JsonSchema, name: string, resolve: FieldResolver): unknown {
  const resolved = resolve(name, schema);
  if (resolved !== undefined) return resolved;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum.find((v) => v !== null) ?? schema.enum[0];
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) {
    const concrete = variants.find((v) => typeOf(v) !== 'null') ?? variants[0];
    return concrete ? minimalValue(concrete, name, resolve) : null;
  }
  if (schema.allOf?.length) return minimalValue(Object.assign({}, ...schema.allOf) as JsonSchema, name, resolve);
  switch (typeOf(schema)) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const key of schema.required ?? []) value[key] = minimalValue(schema.properties?.[key] ?? {}, key, resolve);
      return value;
    }
    case 'array': {
      const count = schema.minItems ?? 0;
      return Array.from({ length: count }, () => minimalValue(schema.items ?? {}, name, resolve));
    }
    case 'integer':
    case 'number': {
      if (typeof schema.minimum === 'number') return schema.minimum;
      if (typeof schema.exclusiveMinimum === 'number') return schema.exclusiveMinimum + 1;
      return typeof schema.maximum === 'number' ? Math.min(1, schema.maximum) : 1;
    }
    case 'boolean':
      return false;
    case 'string': {
      const min = schema.minLength ?? 0;
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date') return '2026-01-15';
      if (schema.format === 'date-time') return '2026-01-15T08:00:00.000Z';
      if (schema.format === 'email') return 'matrix@example.org';
      if (schema.format === 'uri' || schema.format === 'url') return 'https://example.org/hook';
      if (schema.pattern) return fromPattern(schema.pattern, min) ?? 'x'.repeat(Math.max(1, min));
      return `矩阵${'x'.repeat(Math.max(0, min - 2))}`;
    }
    default:
      return null;
  }
}

/** The smallest file the upload routes accept: a 1×1 PNG, recognised by its magic bytes. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export function multipartFile(fileName: string, contentType: string, content: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----liandong${randomUUID().replaceAll('-', '')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
