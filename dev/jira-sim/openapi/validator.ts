/**
 * Validates JSON against the vendored Jira OpenAPI subset (jira-v3-subset.json) with ajv.
 *
 * OpenAPI 3.0 -> JSON Schema: `nullable` becomes a `null` type, `$ref`s point into the components
 * document, OpenAPI-only keywords (`example`, `xml`, `discriminator`) are dropped. Two documented
 * adaptations to Atlassian's spec:
 * - `date-time` also accepts Jira's own timestamp form `2026-10-03T09:12:44.123+0000` (the spec's
 *   examples use it; strict RFC 3339 wants `+00:00`).
 * - `JqlQueryClause` declares `additionalProperties: false` next to `anyOf` with no `properties`; read
 *   literally that rejects every clause Jira returns, so `additionalProperties` is ignored on schemas
 *   that have a composition keyword but no `properties`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export const SUBSET_PATH = path.join(__dirname, 'jira-v3-subset.json');
const DOC_ID = 'jira-v3';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

export interface OpenApiDoc {
  paths: Record<string, Record<string, JsonObject>>;
  components: { schemas: Record<string, Json> };
}

export function loadSubset(file = SUBSET_PATH): OpenApiDoc {
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDoc;
}

const DROP = new Set(['example', 'examples', 'xml', 'discriminator', 'externalDocs']);

/** OpenAPI 3.0 schema -> JSON Schema (draft-07 flavour ajv understands). */
export function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (DROP.has(k) || k.startsWith('x-')) continue;
    if (k === '$ref' && typeof v === 'string') {
      out.$ref = v.startsWith('#/components/') ? `${DOC_ID}${v}` : v;
      continue;
    }
    if (k === 'properties' && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      // Property names are data, not keywords: convert each property schema.
      out.properties = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, toJsonSchema(s)]));
      continue;
    }
    out[k] = toJsonSchema(v);
  }
  if (out.additionalProperties === false && !out.properties && (out.anyOf || out.oneOf || out.allOf)) {
    delete out.additionalProperties;
  }
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else return { anyOf: [out, { type: 'null' }] };
  } else if (out.nullable === false) {
    delete out.nullable;
  }
  return out;
}

const JIRA_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/i;

export function isDateTime(s: string): boolean {
  const m = JIRA_DATE_TIME.exec(s);
  if (!m) return false;
  const [, , mo, d, h, mi, se] = m;
  return (
    Number(mo) >= 1 &&
    Number(mo) <= 12 &&
    Number(d) >= 1 &&
    Number(d) <= 31 &&
    Number(h) <= 23 &&
    Number(mi) <= 59 &&
    Number(se) <= 60
  );
}

export interface ValidationResult {
  valid: boolean;
  /** Human-readable ajv errors ('' when valid). */
  errors: string;
}

export class OpenApiValidator {
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(readonly doc: OpenApiDoc = loadSubset()) {
    this.ajv = new Ajv({
      strict: false,
      allErrors: true,
      validateSchema: false,
      logger: false,
      ownProperties: true,
    });
    addFormats(this.ajv);
    this.ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
    this.ajv.addFormat('int32', {
      type: 'number',
      validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
    });
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    const schemas = Object.fromEntries(
      Object.entries(doc.components.schemas).map(([name, s]) => [name, toJsonSchema(s)]),
    );
    this.ajv.addSchema({ $id: DOC_ID, components: { schemas } });
  }

  /** The OpenAPI response schema for a path template, method and status (undefined when the spec has none). */
  responseSchema(pathTemplate: string, method: string, status: number | string): Json | undefined {
    const op = this.doc.paths[pathTemplate]?.[method.toLowerCase()];
    if (!op) throw new Error(`the subset has no operation ${method.toUpperCase()} ${pathTemplate}`);
    const responses = op.responses as Record<string, JsonObject> | undefined;
    const response = responses?.[String(status)];
    if (!response) return undefined;
    const content = response.content as Record<string, JsonObject> | undefined;
    return content?.['application/json']?.schema;
  }

  /** Whether the spec documents this status for the operation at all (with or without a body). */
  documentsStatus(pathTemplate: string, method: string, status: number): boolean {
    const op = this.doc.paths[pathTemplate]?.[method.toLowerCase()];
    const responses = op?.responses as Record<string, unknown> | undefined;
    return responses !== undefined && String(status) in responses;
  }

  /** Names of the query parameters the spec declares for an operation. */
  queryParameters(pathTemplate: string, method: string): string[] {
    const op = this.doc.paths[pathTemplate]?.[method.toLowerCase()];
    if (!op) throw new Error(`the subset has no operation ${method.toUpperCase()} ${pathTemplate}`);
    const params = Array.isArray(op.parameters) ? op.parameters : [];
    return params
      .filter((p): p is JsonObject => p !== null && typeof p === 'object' && !Array.isArray(p))
      .filter((p) => p.in === 'query' && typeof p.name === 'string')
      .map((p) => String(p.name));
  }

  /** Validate a JSON request body against the operation's request schema. */
  validateRequestBody(pathTemplate: string, method: string, body: unknown): ValidationResult {
    const op = this.doc.paths[pathTemplate]?.[method.toLowerCase()];
    const requestBody = op?.requestBody as JsonObject | undefined;
    const content = requestBody?.content as Record<string, JsonObject> | undefined;
    const schema = content?.['application/json']?.schema;
    if (schema === undefined) {
      throw new Error(`the spec defines no JSON request body for ${method.toUpperCase()} ${pathTemplate}`);
    }
    return this.result(this.compiled(`request ${method} ${pathTemplate}`, schema), body);
  }

  private compiled(key: string, schema: Json): ValidateFunction {
    let fn = this.cache.get(key);
    if (!fn) {
      fn = this.ajv.compile(toJsonSchema(schema) as object);
      this.cache.set(key, fn);
    }
    return fn;
  }

  private result(fn: ValidateFunction, value: unknown): ValidationResult {
    const valid = fn(value) === true;
    return { valid, errors: valid ? '' : this.ajv.errorsText(fn.errors, { separator: '\n' }) };
  }

  /** Validate a response body; throws when the spec defines no JSON schema for it. */
  validateResponse(pathTemplate: string, method: string, status: number, body: unknown): ValidationResult {
    const schema = this.responseSchema(pathTemplate, method, status);
    if (schema === undefined) {
      throw new Error(`the spec defines no JSON body for ${method.toUpperCase()} ${pathTemplate} ${status}`);
    }
    return this.result(this.compiled(`${method} ${pathTemplate} ${status}`, schema), body);
  }

  /** Validate a value against `#/components/schemas/<name>`. */
  validateComponent(name: string, value: unknown): ValidationResult {
    if (!(name in this.doc.components.schemas)) throw new Error(`the subset has no schema ${name}`);
    return this.result(this.compiled(`#${name}`, { $ref: `#/components/schemas/${name}` }), value);
  }
}
