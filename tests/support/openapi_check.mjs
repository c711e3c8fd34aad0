// Checks responses of /api/v1 against docs/openapi.json: the operation is found by
// method and path template, then the body is validated with Ajv (JSON Schema 2020-12,
// the dialect of OpenAPI 3.1) against that operation's schema for the status.
// The HTTP helpers (http_client.mjs, bulk.mjs requestJson, raw_request.mjs) call
// checkApiResponse on every answer under /api/v1, so any drift fails the test that
// received it, with the operation and the schema error in the message.
//
//   checkApiResponse({ method, path, status, contentType, body, headers })  throws OpenApiMismatch
//                                (headers, when given, must hold those the response marks required)
//   findOperation(method, path)  { template, operation } | { template } | null
//   openApiChecker(doc)          the same functions for another document (tests of the checker)
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { REPO_ROOT } from './paths.mjs';

export const OPENAPI_PATH = path.join(REPO_ROOT, 'docs', 'openapi.json');
export const API_PREFIX = '/api/v1';
const DOC_ID = 'https://ateliers.invalid/openapi.json';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export class OpenApiMismatch extends Error {
  constructor(message) {
    super(message);
    this.name = 'OpenApiMismatch';
  }
}

const pointer = (parts) => '#/' + parts.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

export function openApiChecker(doc) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  // The whole document is one schema resource, so that its "#/components/schemas/…"
  // references resolve as they do for any OpenAPI tool.
  ajv.addSchema({ ...doc, $id: DOC_ID });
  const validators = new Map();
  const validatorAt = (ref) => {
    if (!validators.has(ref)) validators.set(ref, ajv.compile({ $ref: DOC_ID + ref }));
    return validators.get(ref);
  };

  // Literal paths before templated ones: "/me/registrations" is not "/me/{x}".
  const templates = Object.keys(doc.paths)
    .map((template) => {
      const names = [];
      const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name) => {
        names.push(name);
        return '([^/]+)';
      });
      return { template, regex: new RegExp(`^${source}$`), params: names.length };
    })
    .sort((a, b) => a.params - b.params);

  function relativePath(p) {
    const u = new URL(p, 'http://server.invalid');
    return u.pathname.startsWith(API_PREFIX) ? u.pathname.slice(API_PREFIX.length) : null;
  }

  function findOperation(method, p) {
    const rel = relativePath(p);
    if (rel === null) return null;
    const found = templates.find(({ regex }) => regex.test(rel));
    if (!found) return null;
    const item = doc.paths[found.template];
    const m = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
    return { template: found.template, operation: item[m], pointerBase: ['paths', found.template, m] };
  }

  /** The response object for `status` (a response $ref followed) and its JSON pointer; null when not described. */
  function describedResponse(operation, base, status) {
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => operation.responses?.[k]);
    if (!key) return null;
    let parts = [...base, 'responses', key];
    let response = operation.responses[key];
    if (response.$ref) {
      parts = response.$ref.replace(/^#\//, '').split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
      response = parts.reduce((node, part) => node[part], doc);
    }
    const json = response.content?.['application/json'];
    return { response, schemaRef: json ? pointer([...parts, 'content', 'application/json', 'schema']) : undefined };
  }

  // headers: a fetch Headers, a plain object (node:http, rawRequest), or absent (not checked).
  function headerOf(headers, name) {
    if (!headers) return undefined;
    if (typeof headers.get === 'function') return headers.get(name) ?? undefined;
    const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : headers[key];
  }

  function validate(ref, what, body, contentType) {
    if (!/^application\/json\b/.test(contentType ?? '')) throw new OpenApiMismatch(`${what}: Content-Type « ${contentType} », application/json attendu`);
    let value;
    try {
      value = JSON.parse(typeof body === 'string' ? body : Buffer.from(body ?? '').toString('utf8'));
    } catch {
      throw new OpenApiMismatch(`${what}: the body is not JSON: ${String(body).slice(0, 200)}`);
    }
    const check = validatorAt(ref);
    if (!check(value)) {
      const errors = check.errors.slice(0, 8).map((e) => `${e.instancePath || '(racine)'} ${e.message}${e.params && Object.keys(e.params).length ? ' ' + JSON.stringify(e.params) : ''}`);
      throw new OpenApiMismatch(`${what} does not match ${ref}:\n  ${errors.join('\n  ')}\n  body: ${JSON.stringify(value).slice(0, 600)}`);
    }
  }

  const errorRef = pointer(['components', 'schemas', 'Error']);

  function requireHeaders(response, headers, what) {
    if (!headers) return;
    for (const [name, header] of Object.entries(response?.headers ?? {}))
      if (header.required && headerOf(headers, name) === undefined)
        throw new OpenApiMismatch(`${what}: the required header ${name} is missing`);
  }

  function checkApiResponse({ method, path: p, status, contentType, body, headers }) {
    if (relativePath(p) === null || !status) return;
    method = method.toUpperCase();
    const label = `${method} ${new URL(p, 'http://server.invalid').pathname} → ${status}`;
    const found = findOperation(method, p);
    // What the platform answers for any address: unknown path 404, other method 405.
    if (!found) {
      if (status !== 404) throw new OpenApiMismatch(`${label}: this path is not in docs/openapi.json (the server answered ${status})`);
      if (method !== 'HEAD') validate(errorRef, `${label} (unknown path)`, body, contentType);
      return;
    }
    if (!found.operation) {
      if (status !== 405 && status !== 404)
        throw new OpenApiMismatch(`${label}: ${method} ${found.template} is not in docs/openapi.json (the server answered ${status})`);
      // The platform's 405 for any method a path does not take (with its Allow header).
      if (status === 405) requireHeaders(doc.components?.responses?.MethodNotAllowed, headers, `${label} (method not described)`);
      if (method !== 'HEAD') validate(errorRef, `${label} (method not described)`, body, contentType);
      return;
    }
    const what = `${label}, operation ${found.operation.operationId} (${method} ${found.template})`;
    const described = describedResponse(found.operation, found.pointerBase, status);
    if (described === null) throw new OpenApiMismatch(`${what}: status ${status} is not described in docs/openapi.json`);
    requireHeaders(described.response, headers, what);
    if (described.schemaRef === undefined || method === 'HEAD') return;
    validate(described.schemaRef, what, body, contentType);
  }

  return { doc, findOperation, checkApiResponse };
}

let shared;
function checker() {
  shared ??= openApiChecker(JSON.parse(fs.readFileSync(OPENAPI_PATH, 'utf8')));
  return shared;
}

export const checkApiResponse = (response) => checker().checkApiResponse(response);
export const findOperation = (method, p) => checker().findOperation(method, p);
export const loadOpenApi = () => checker().doc;
